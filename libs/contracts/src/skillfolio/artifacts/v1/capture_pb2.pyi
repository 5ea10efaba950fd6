from skillfolio.artifacts.v1 import artifacts_pb2 as _artifacts_pb2
from skillfolio.media.v1 import media_pb2 as _media_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CaptureRecipient(_message.Message):
    __slots__ = ("student_id", "note")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    note: str
    def __init__(self, student_id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class CreateCaptureRequest(_message.Message):
    __slots__ = ("section_id", "title", "description", "kind", "skill_ids", "content", "recipients")
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    title: str
    description: str
    kind: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    content: _artifacts_pb2.VersionInput
    recipients: _containers.RepeatedCompositeFieldContainer[CaptureRecipient]
    def __init__(self, section_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., kind: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., content: _Optional[_Union[_artifacts_pb2.VersionInput, _Mapping]] = ..., recipients: _Optional[_Iterable[_Union[CaptureRecipient, _Mapping]]] = ...) -> None: ...

class CapturedArtifact(_message.Message):
    __slots__ = ("student_id", "artifact_id", "status")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    artifact_id: str
    status: str
    def __init__(self, student_id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class Capture(_message.Message):
    __slots__ = ("id", "section_id", "title", "kind", "file_name", "status", "created_by", "created_at", "artifacts", "live_references")
    ID_FIELD_NUMBER: _ClassVar[int]
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ARTIFACTS_FIELD_NUMBER: _ClassVar[int]
    LIVE_REFERENCES_FIELD_NUMBER: _ClassVar[int]
    id: str
    section_id: str
    title: str
    kind: str
    file_name: str
    status: str
    created_by: str
    created_at: str
    artifacts: _containers.RepeatedCompositeFieldContainer[CapturedArtifact]
    live_references: int
    def __init__(self, id: _Optional[str] = ..., section_id: _Optional[str] = ..., title: _Optional[str] = ..., kind: _Optional[str] = ..., file_name: _Optional[str] = ..., status: _Optional[str] = ..., created_by: _Optional[str] = ..., created_at: _Optional[str] = ..., artifacts: _Optional[_Iterable[_Union[CapturedArtifact, _Mapping]]] = ..., live_references: _Optional[int] = ...) -> None: ...

class CreateCaptureResponse(_message.Message):
    __slots__ = ("capture", "upload")
    CAPTURE_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_FIELD_NUMBER: _ClassVar[int]
    capture: Capture
    upload: _media_pb2.UploadTarget
    def __init__(self, capture: _Optional[_Union[Capture, _Mapping]] = ..., upload: _Optional[_Union[_media_pb2.UploadTarget, _Mapping]] = ...) -> None: ...

class CompleteCaptureUploadRequest(_message.Message):
    __slots__ = ("capture_id", "part_etags")
    CAPTURE_ID_FIELD_NUMBER: _ClassVar[int]
    PART_ETAGS_FIELD_NUMBER: _ClassVar[int]
    capture_id: str
    part_etags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, capture_id: _Optional[str] = ..., part_etags: _Optional[_Iterable[str]] = ...) -> None: ...

class CompleteCaptureUploadResponse(_message.Message):
    __slots__ = ("capture",)
    CAPTURE_FIELD_NUMBER: _ClassVar[int]
    capture: Capture
    def __init__(self, capture: _Optional[_Union[Capture, _Mapping]] = ...) -> None: ...

class GetCaptureRequest(_message.Message):
    __slots__ = ("capture_id",)
    CAPTURE_ID_FIELD_NUMBER: _ClassVar[int]
    capture_id: str
    def __init__(self, capture_id: _Optional[str] = ...) -> None: ...

class GetCaptureResponse(_message.Message):
    __slots__ = ("capture",)
    CAPTURE_FIELD_NUMBER: _ClassVar[int]
    capture: Capture
    def __init__(self, capture: _Optional[_Union[Capture, _Mapping]] = ...) -> None: ...

class ListCapturesRequest(_message.Message):
    __slots__ = ("section_id", "limit")
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    limit: int
    def __init__(self, section_id: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ListCapturesResponse(_message.Message):
    __slots__ = ("captures",)
    CAPTURES_FIELD_NUMBER: _ClassVar[int]
    captures: _containers.RepeatedCompositeFieldContainer[Capture]
    def __init__(self, captures: _Optional[_Iterable[_Union[Capture, _Mapping]]] = ...) -> None: ...
