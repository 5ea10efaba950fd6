from skillfolio.media.v1 import media_pb2 as _media_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ViewerCan(_message.Message):
    __slots__ = ("add", "change", "export")
    ADD_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    EXPORT_FIELD_NUMBER: _ClassVar[int]
    add: bool
    change: bool
    export: bool
    def __init__(self, add: bool = ..., change: bool = ..., export: bool = ...) -> None: ...

class PageRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class Version(_message.Message):
    __slots__ = ("number", "media_key", "link_url", "size_bytes", "content_type", "created_by", "created_at", "file_name", "download_url")
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    LINK_URL_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    DOWNLOAD_URL_FIELD_NUMBER: _ClassVar[int]
    number: int
    media_key: str
    link_url: str
    size_bytes: int
    content_type: str
    created_by: str
    created_at: str
    file_name: str
    download_url: str
    def __init__(self, number: _Optional[int] = ..., media_key: _Optional[str] = ..., link_url: _Optional[str] = ..., size_bytes: _Optional[int] = ..., content_type: _Optional[str] = ..., created_by: _Optional[str] = ..., created_at: _Optional[str] = ..., file_name: _Optional[str] = ..., download_url: _Optional[str] = ...) -> None: ...

class Artifact(_message.Message):
    __slots__ = ("id", "student_id", "added_by", "added_by_role", "title", "description", "kind", "link_url", "skill_ids", "school_year_id", "school_id", "status", "rejection_reason", "created_at", "updated_at", "current_version", "versions", "thumbnail_url", "media_url", "viewer_can", "origin")
    ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ADDED_BY_FIELD_NUMBER: _ClassVar[int]
    ADDED_BY_ROLE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LINK_URL_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REJECTION_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CURRENT_VERSION_FIELD_NUMBER: _ClassVar[int]
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    MEDIA_URL_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    id: str
    student_id: str
    added_by: str
    added_by_role: str
    title: str
    description: str
    kind: str
    link_url: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    school_year_id: str
    school_id: str
    status: str
    rejection_reason: str
    created_at: str
    updated_at: str
    current_version: int
    versions: _containers.RepeatedCompositeFieldContainer[Version]
    thumbnail_url: str
    media_url: str
    viewer_can: ViewerCan
    origin: Origin
    def __init__(self, id: _Optional[str] = ..., student_id: _Optional[str] = ..., added_by: _Optional[str] = ..., added_by_role: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., kind: _Optional[str] = ..., link_url: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., school_year_id: _Optional[str] = ..., school_id: _Optional[str] = ..., status: _Optional[str] = ..., rejection_reason: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., current_version: _Optional[int] = ..., versions: _Optional[_Iterable[_Union[Version, _Mapping]]] = ..., thumbnail_url: _Optional[str] = ..., media_url: _Optional[str] = ..., viewer_can: _Optional[_Union[ViewerCan, _Mapping]] = ..., origin: _Optional[_Union[Origin, _Mapping]] = ...) -> None: ...

class Origin(_message.Message):
    __slots__ = ("district_id", "district_name", "ref", "skill_labels", "school_year", "school_year_start")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_NAME_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    SKILL_LABELS_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_START_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    district_name: str
    ref: str
    skill_labels: _containers.RepeatedScalarFieldContainer[str]
    school_year: str
    school_year_start: str
    def __init__(self, district_id: _Optional[str] = ..., district_name: _Optional[str] = ..., ref: _Optional[str] = ..., skill_labels: _Optional[_Iterable[str]] = ..., school_year: _Optional[str] = ..., school_year_start: _Optional[str] = ...) -> None: ...

class VersionInput(_message.Message):
    __slots__ = ("link_url", "size_bytes", "content_type", "file_name")
    LINK_URL_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    link_url: str
    size_bytes: int
    content_type: str
    file_name: str
    def __init__(self, link_url: _Optional[str] = ..., size_bytes: _Optional[int] = ..., content_type: _Optional[str] = ..., file_name: _Optional[str] = ...) -> None: ...

class CreateArtifactRequest(_message.Message):
    __slots__ = ("student_id", "title", "description", "kind", "skill_ids", "school_year_id", "content")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    title: str
    description: str
    kind: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    school_year_id: str
    content: VersionInput
    def __init__(self, student_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., kind: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., school_year_id: _Optional[str] = ..., content: _Optional[_Union[VersionInput, _Mapping]] = ...) -> None: ...

class CreateArtifactResponse(_message.Message):
    __slots__ = ("artifact", "upload")
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_FIELD_NUMBER: _ClassVar[int]
    artifact: Artifact
    upload: _media_pb2.UploadTarget
    def __init__(self, artifact: _Optional[_Union[Artifact, _Mapping]] = ..., upload: _Optional[_Union[_media_pb2.UploadTarget, _Mapping]] = ...) -> None: ...

class UpdateArtifactRequest(_message.Message):
    __slots__ = ("artifact_id", "update_fields", "title", "description", "skill_ids", "school_year_id")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATE_FIELDS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    update_fields: _containers.RepeatedScalarFieldContainer[str]
    title: str
    description: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    school_year_id: str
    def __init__(self, artifact_id: _Optional[str] = ..., update_fields: _Optional[_Iterable[str]] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., school_year_id: _Optional[str] = ...) -> None: ...

class UpdateArtifactResponse(_message.Message):
    __slots__ = ("artifact",)
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    artifact: Artifact
    def __init__(self, artifact: _Optional[_Union[Artifact, _Mapping]] = ...) -> None: ...

class AddVersionRequest(_message.Message):
    __slots__ = ("artifact_id", "content")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    content: VersionInput
    def __init__(self, artifact_id: _Optional[str] = ..., content: _Optional[_Union[VersionInput, _Mapping]] = ...) -> None: ...

class AddVersionResponse(_message.Message):
    __slots__ = ("artifact", "upload")
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_FIELD_NUMBER: _ClassVar[int]
    artifact: Artifact
    upload: _media_pb2.UploadTarget
    def __init__(self, artifact: _Optional[_Union[Artifact, _Mapping]] = ..., upload: _Optional[_Union[_media_pb2.UploadTarget, _Mapping]] = ...) -> None: ...

class CompleteUploadRequest(_message.Message):
    __slots__ = ("artifact_id", "version", "part_etags")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    PART_ETAGS_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    version: int
    part_etags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, artifact_id: _Optional[str] = ..., version: _Optional[int] = ..., part_etags: _Optional[_Iterable[str]] = ...) -> None: ...

class CompleteUploadResponse(_message.Message):
    __slots__ = ("artifact",)
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    artifact: Artifact
    def __init__(self, artifact: _Optional[_Union[Artifact, _Mapping]] = ...) -> None: ...

class DeleteArtifactRequest(_message.Message):
    __slots__ = ("artifact_id",)
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    def __init__(self, artifact_id: _Optional[str] = ...) -> None: ...

class DeleteArtifactResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetArtifactRequest(_message.Message):
    __slots__ = ("artifact_id",)
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    def __init__(self, artifact_id: _Optional[str] = ...) -> None: ...

class GetArtifactResponse(_message.Message):
    __slots__ = ("artifact",)
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    artifact: Artifact
    def __init__(self, artifact: _Optional[_Union[Artifact, _Mapping]] = ...) -> None: ...

class ListPortfolioRequest(_message.Message):
    __slots__ = ("student_id", "title_query", "skill_ids", "school_year_id", "kind", "added_by", "page", "viewer_can_only")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_QUERY_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    ADDED_BY_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_ONLY_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    title_query: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    school_year_id: str
    kind: str
    added_by: str
    page: PageRequest
    viewer_can_only: bool
    def __init__(self, student_id: _Optional[str] = ..., title_query: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., school_year_id: _Optional[str] = ..., kind: _Optional[str] = ..., added_by: _Optional[str] = ..., page: _Optional[_Union[PageRequest, _Mapping]] = ..., viewer_can_only: bool = ...) -> None: ...

class ListPortfolioResponse(_message.Message):
    __slots__ = ("artifacts", "next_page_token", "viewer_can")
    ARTIFACTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    artifacts: _containers.RepeatedCompositeFieldContainer[Artifact]
    next_page_token: str
    viewer_can: ViewerCan
    def __init__(self, artifacts: _Optional[_Iterable[_Union[Artifact, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., viewer_can: _Optional[_Union[ViewerCan, _Mapping]] = ...) -> None: ...

class MarkMediaResultRequest(_message.Message):
    __slots__ = ("artifact_id", "version", "result", "reason")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    version: int
    result: str
    reason: str
    def __init__(self, artifact_id: _Optional[str] = ..., version: _Optional[int] = ..., result: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class MarkMediaResultResponse(_message.Message):
    __slots__ = ("artifact",)
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    artifact: Artifact
    def __init__(self, artifact: _Optional[_Union[Artifact, _Mapping]] = ...) -> None: ...

class ExportPortfolioRequest(_message.Message):
    __slots__ = ("student_id", "reason")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    reason: str
    def __init__(self, student_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ExportSummary(_message.Message):
    __slots__ = ("artifact_count", "media_bytes")
    ARTIFACT_COUNT_FIELD_NUMBER: _ClassVar[int]
    MEDIA_BYTES_FIELD_NUMBER: _ClassVar[int]
    artifact_count: int
    media_bytes: int
    def __init__(self, artifact_count: _Optional[int] = ..., media_bytes: _Optional[int] = ...) -> None: ...

class ExportPortfolioResponse(_message.Message):
    __slots__ = ("summary", "artifact")
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_FIELD_NUMBER: _ClassVar[int]
    summary: ExportSummary
    artifact: Artifact
    def __init__(self, summary: _Optional[_Union[ExportSummary, _Mapping]] = ..., artifact: _Optional[_Union[Artifact, _Mapping]] = ...) -> None: ...
