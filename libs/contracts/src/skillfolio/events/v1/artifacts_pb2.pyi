from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class ArtifactChanged(_message.Message):
    __slots__ = ("artifact_id", "student_id", "skill_ids", "school_id", "school_year_id", "kind", "added_by", "added_by_role", "status", "version", "title", "origin_district_id", "origin_district_name", "origin_school_year", "origin_school_year_start")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    ADDED_BY_FIELD_NUMBER: _ClassVar[int]
    ADDED_BY_ROLE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_DISTRICT_NAME_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_SCHOOL_YEAR_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_SCHOOL_YEAR_START_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    student_id: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    school_id: str
    school_year_id: str
    kind: str
    added_by: str
    added_by_role: str
    status: str
    version: int
    title: str
    origin_district_id: str
    origin_district_name: str
    origin_school_year: str
    origin_school_year_start: str
    def __init__(self, artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., school_id: _Optional[str] = ..., school_year_id: _Optional[str] = ..., kind: _Optional[str] = ..., added_by: _Optional[str] = ..., added_by_role: _Optional[str] = ..., status: _Optional[str] = ..., version: _Optional[int] = ..., title: _Optional[str] = ..., origin_district_id: _Optional[str] = ..., origin_district_name: _Optional[str] = ..., origin_school_year: _Optional[str] = ..., origin_school_year_start: _Optional[str] = ...) -> None: ...

class ArtifactDeleted(_message.Message):
    __slots__ = ("artifact_id",)
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    def __init__(self, artifact_id: _Optional[str] = ...) -> None: ...

class ArtifactMediaUploaded(_message.Message):
    __slots__ = ("artifact_id", "version", "media_key", "kind", "media_object_id")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MEDIA_OBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    version: int
    media_key: str
    kind: str
    media_object_id: str
    def __init__(self, artifact_id: _Optional[str] = ..., version: _Optional[int] = ..., media_key: _Optional[str] = ..., kind: _Optional[str] = ..., media_object_id: _Optional[str] = ...) -> None: ...

class ArtifactMediaReady(_message.Message):
    __slots__ = ("artifact_id", "version")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    version: int
    def __init__(self, artifact_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class ArtifactMediaRejected(_message.Message):
    __slots__ = ("artifact_id", "version", "reason")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    version: int
    reason: str
    def __init__(self, artifact_id: _Optional[str] = ..., version: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...
