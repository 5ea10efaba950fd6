from skillfolio.artifacts.v1 import artifacts_pb2 as _artifacts_pb2
from skillfolio.media.v1 import media_pb2 as _media_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ImportArtifactRequest(_message.Message):
    __slots__ = ("student_id", "origin", "title", "description", "kind", "skill_ids", "created_at", "content", "reason")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    origin: _artifacts_pb2.Origin
    title: str
    description: str
    kind: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    created_at: str
    content: _artifacts_pb2.VersionInput
    reason: str
    def __init__(self, student_id: _Optional[str] = ..., origin: _Optional[_Union[_artifacts_pb2.Origin, _Mapping]] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., kind: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., created_at: _Optional[str] = ..., content: _Optional[_Union[_artifacts_pb2.VersionInput, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class ImportArtifactResponse(_message.Message):
    __slots__ = ("artifact", "upload", "resumed")
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_FIELD_NUMBER: _ClassVar[int]
    RESUMED_FIELD_NUMBER: _ClassVar[int]
    artifact: _artifacts_pb2.Artifact
    upload: _media_pb2.UploadTarget
    resumed: bool
    def __init__(self, artifact: _Optional[_Union[_artifacts_pb2.Artifact, _Mapping]] = ..., upload: _Optional[_Union[_media_pb2.UploadTarget, _Mapping]] = ..., resumed: bool = ...) -> None: ...

class CompleteImportedUploadRequest(_message.Message):
    __slots__ = ("artifact_id", "part_etags")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    PART_ETAGS_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    part_etags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, artifact_id: _Optional[str] = ..., part_etags: _Optional[_Iterable[str]] = ...) -> None: ...

class CompleteImportedUploadResponse(_message.Message):
    __slots__ = ("artifact",)
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    artifact: _artifacts_pb2.Artifact
    def __init__(self, artifact: _Optional[_Union[_artifacts_pb2.Artifact, _Mapping]] = ...) -> None: ...
