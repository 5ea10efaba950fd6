from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class AmendmentRequested(_message.Message):
    __slots__ = ("amendment_id", "record_type", "record_id", "artifact_id", "student_id", "requester_id", "requester_role", "author_id")
    AMENDMENT_ID_FIELD_NUMBER: _ClassVar[int]
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTER_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTER_ROLE_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    amendment_id: str
    record_type: str
    record_id: str
    artifact_id: str
    student_id: str
    requester_id: str
    requester_role: str
    author_id: str
    def __init__(self, amendment_id: _Optional[str] = ..., record_type: _Optional[str] = ..., record_id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., requester_id: _Optional[str] = ..., requester_role: _Optional[str] = ..., author_id: _Optional[str] = ...) -> None: ...

class AmendmentDecided(_message.Message):
    __slots__ = ("amendment_id", "record_type", "record_id", "artifact_id", "student_id", "requester_id", "decided_by", "decider_role", "outcome")
    AMENDMENT_ID_FIELD_NUMBER: _ClassVar[int]
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTER_ID_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    DECIDER_ROLE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    amendment_id: str
    record_type: str
    record_id: str
    artifact_id: str
    student_id: str
    requester_id: str
    decided_by: str
    decider_role: str
    outcome: str
    def __init__(self, amendment_id: _Optional[str] = ..., record_type: _Optional[str] = ..., record_id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., requester_id: _Optional[str] = ..., decided_by: _Optional[str] = ..., decider_role: _Optional[str] = ..., outcome: _Optional[str] = ...) -> None: ...

class DisagreementAttached(_message.Message):
    __slots__ = ("amendment_id", "record_type", "record_id", "artifact_id", "student_id", "requester_id")
    AMENDMENT_ID_FIELD_NUMBER: _ClassVar[int]
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTER_ID_FIELD_NUMBER: _ClassVar[int]
    amendment_id: str
    record_type: str
    record_id: str
    artifact_id: str
    student_id: str
    requester_id: str
    def __init__(self, amendment_id: _Optional[str] = ..., record_type: _Optional[str] = ..., record_id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., requester_id: _Optional[str] = ...) -> None: ...
