from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ShowcaseItem(_message.Message):
    __slots__ = ("artifact_id", "title", "description", "kind", "status", "link_url", "content_type", "thumbnail_url", "media_url")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LINK_URL_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_URL_FIELD_NUMBER: _ClassVar[int]
    MEDIA_URL_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    title: str
    description: str
    kind: str
    status: str
    link_url: str
    content_type: str
    thumbnail_url: str
    media_url: str
    def __init__(self, artifact_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., kind: _Optional[str] = ..., status: _Optional[str] = ..., link_url: _Optional[str] = ..., content_type: _Optional[str] = ..., thumbnail_url: _Optional[str] = ..., media_url: _Optional[str] = ...) -> None: ...

class ShowcaseLink(_message.Message):
    __slots__ = ("id", "created_at", "expires_at", "revoked_at", "live")
    ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    REVOKED_AT_FIELD_NUMBER: _ClassVar[int]
    LIVE_FIELD_NUMBER: _ClassVar[int]
    id: str
    created_at: str
    expires_at: str
    revoked_at: str
    live: bool
    def __init__(self, id: _Optional[str] = ..., created_at: _Optional[str] = ..., expires_at: _Optional[str] = ..., revoked_at: _Optional[str] = ..., live: bool = ...) -> None: ...

class ShowcaseViewerCan(_message.Message):
    __slots__ = ("curate", "share")
    CURATE_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    curate: bool
    share: bool
    def __init__(self, curate: bool = ..., share: bool = ...) -> None: ...

class Showcase(_message.Message):
    __slots__ = ("id", "student_id", "title", "introduction", "audience", "milestone_id", "share_with_guardians", "items", "links", "created_by", "created_at", "updated_at", "viewer_can")
    ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    INTRODUCTION_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    SHARE_WITH_GUARDIANS_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    LINKS_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    id: str
    student_id: str
    title: str
    introduction: str
    audience: str
    milestone_id: str
    share_with_guardians: bool
    items: _containers.RepeatedCompositeFieldContainer[ShowcaseItem]
    links: _containers.RepeatedCompositeFieldContainer[ShowcaseLink]
    created_by: str
    created_at: str
    updated_at: str
    viewer_can: ShowcaseViewerCan
    def __init__(self, id: _Optional[str] = ..., student_id: _Optional[str] = ..., title: _Optional[str] = ..., introduction: _Optional[str] = ..., audience: _Optional[str] = ..., milestone_id: _Optional[str] = ..., share_with_guardians: bool = ..., items: _Optional[_Iterable[_Union[ShowcaseItem, _Mapping]]] = ..., links: _Optional[_Iterable[_Union[ShowcaseLink, _Mapping]]] = ..., created_by: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., viewer_can: _Optional[_Union[ShowcaseViewerCan, _Mapping]] = ...) -> None: ...

class ShowcaseFields(_message.Message):
    __slots__ = ("title", "introduction", "audience", "milestone_id", "share_with_guardians", "artifact_ids")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    INTRODUCTION_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    SHARE_WITH_GUARDIANS_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    title: str
    introduction: str
    audience: str
    milestone_id: str
    share_with_guardians: bool
    artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, title: _Optional[str] = ..., introduction: _Optional[str] = ..., audience: _Optional[str] = ..., milestone_id: _Optional[str] = ..., share_with_guardians: bool = ..., artifact_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateShowcaseRequest(_message.Message):
    __slots__ = ("student_id", "fields")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    fields: ShowcaseFields
    def __init__(self, student_id: _Optional[str] = ..., fields: _Optional[_Union[ShowcaseFields, _Mapping]] = ...) -> None: ...

class CreateShowcaseResponse(_message.Message):
    __slots__ = ("showcase",)
    SHOWCASE_FIELD_NUMBER: _ClassVar[int]
    showcase: Showcase
    def __init__(self, showcase: _Optional[_Union[Showcase, _Mapping]] = ...) -> None: ...

class UpdateShowcaseRequest(_message.Message):
    __slots__ = ("showcase_id", "fields")
    SHOWCASE_ID_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    showcase_id: str
    fields: ShowcaseFields
    def __init__(self, showcase_id: _Optional[str] = ..., fields: _Optional[_Union[ShowcaseFields, _Mapping]] = ...) -> None: ...

class UpdateShowcaseResponse(_message.Message):
    __slots__ = ("showcase",)
    SHOWCASE_FIELD_NUMBER: _ClassVar[int]
    showcase: Showcase
    def __init__(self, showcase: _Optional[_Union[Showcase, _Mapping]] = ...) -> None: ...

class DeleteShowcaseRequest(_message.Message):
    __slots__ = ("showcase_id",)
    SHOWCASE_ID_FIELD_NUMBER: _ClassVar[int]
    showcase_id: str
    def __init__(self, showcase_id: _Optional[str] = ...) -> None: ...

class DeleteShowcaseResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetShowcaseRequest(_message.Message):
    __slots__ = ("showcase_id",)
    SHOWCASE_ID_FIELD_NUMBER: _ClassVar[int]
    showcase_id: str
    def __init__(self, showcase_id: _Optional[str] = ...) -> None: ...

class GetShowcaseResponse(_message.Message):
    __slots__ = ("showcase",)
    SHOWCASE_FIELD_NUMBER: _ClassVar[int]
    showcase: Showcase
    def __init__(self, showcase: _Optional[_Union[Showcase, _Mapping]] = ...) -> None: ...

class ListShowcasesRequest(_message.Message):
    __slots__ = ("student_id",)
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    def __init__(self, student_id: _Optional[str] = ...) -> None: ...

class ListShowcasesResponse(_message.Message):
    __slots__ = ("showcases", "can_curate")
    SHOWCASES_FIELD_NUMBER: _ClassVar[int]
    CAN_CURATE_FIELD_NUMBER: _ClassVar[int]
    showcases: _containers.RepeatedCompositeFieldContainer[Showcase]
    can_curate: bool
    def __init__(self, showcases: _Optional[_Iterable[_Union[Showcase, _Mapping]]] = ..., can_curate: bool = ...) -> None: ...

class CreateShowcaseLinkRequest(_message.Message):
    __slots__ = ("showcase_id", "valid_days")
    SHOWCASE_ID_FIELD_NUMBER: _ClassVar[int]
    VALID_DAYS_FIELD_NUMBER: _ClassVar[int]
    showcase_id: str
    valid_days: int
    def __init__(self, showcase_id: _Optional[str] = ..., valid_days: _Optional[int] = ...) -> None: ...

class CreateShowcaseLinkResponse(_message.Message):
    __slots__ = ("link", "token")
    LINK_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    link: ShowcaseLink
    token: str
    def __init__(self, link: _Optional[_Union[ShowcaseLink, _Mapping]] = ..., token: _Optional[str] = ...) -> None: ...

class RevokeShowcaseLinkRequest(_message.Message):
    __slots__ = ("showcase_id", "link_id")
    SHOWCASE_ID_FIELD_NUMBER: _ClassVar[int]
    LINK_ID_FIELD_NUMBER: _ClassVar[int]
    showcase_id: str
    link_id: str
    def __init__(self, showcase_id: _Optional[str] = ..., link_id: _Optional[str] = ...) -> None: ...

class RevokeShowcaseLinkResponse(_message.Message):
    __slots__ = ("link",)
    LINK_FIELD_NUMBER: _ClassVar[int]
    link: ShowcaseLink
    def __init__(self, link: _Optional[_Union[ShowcaseLink, _Mapping]] = ...) -> None: ...

class OpenShowcaseLinkRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class OpenShowcaseLinkResponse(_message.Message):
    __slots__ = ("showcase", "expires_at")
    SHOWCASE_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    showcase: Showcase
    expires_at: str
    def __init__(self, showcase: _Optional[_Union[Showcase, _Mapping]] = ..., expires_at: _Optional[str] = ...) -> None: ...
