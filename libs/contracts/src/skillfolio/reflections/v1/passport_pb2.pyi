from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class ExportStudentRecordsRequest(_message.Message):
    __slots__ = ("student_id", "reason")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    reason: str
    def __init__(self, student_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ExportStudentRecordsResponse(_message.Message):
    __slots__ = ("kind", "artifact_id", "record_json")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    RECORD_JSON_FIELD_NUMBER: _ClassVar[int]
    kind: str
    artifact_id: str
    record_json: str
    def __init__(self, kind: _Optional[str] = ..., artifact_id: _Optional[str] = ..., record_json: _Optional[str] = ...) -> None: ...
