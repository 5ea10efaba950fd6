from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ViewerCan(_message.Message):
    __slots__ = ("approve", "manage_district", "read_feed")
    APPROVE_FIELD_NUMBER: _ClassVar[int]
    MANAGE_DISTRICT_FIELD_NUMBER: _ClassVar[int]
    READ_FEED_FIELD_NUMBER: _ClassVar[int]
    approve: bool
    manage_district: bool
    read_feed: bool
    def __init__(self, approve: bool = ..., manage_district: bool = ..., read_feed: bool = ...) -> None: ...

class FeedItem(_message.Message):
    __slots__ = ("id", "kind", "category", "student_id", "student_first_name", "text", "link", "created_at", "read", "count", "user_text")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    LINK_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    READ_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    USER_TEXT_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    category: str
    student_id: str
    student_first_name: str
    text: str
    link: str
    created_at: str
    read: bool
    count: int
    user_text: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., category: _Optional[str] = ..., student_id: _Optional[str] = ..., student_first_name: _Optional[str] = ..., text: _Optional[str] = ..., link: _Optional[str] = ..., created_at: _Optional[str] = ..., read: bool = ..., count: _Optional[int] = ..., user_text: _Optional[str] = ...) -> None: ...

class ListFeedRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "unread_only")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    UNREAD_ONLY_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    unread_only: bool
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., unread_only: bool = ...) -> None: ...

class ListFeedResponse(_message.Message):
    __slots__ = ("items", "unread_count", "next_page_token", "viewer_can")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[FeedItem]
    unread_count: int
    next_page_token: str
    viewer_can: ViewerCan
    def __init__(self, items: _Optional[_Iterable[_Union[FeedItem, _Mapping]]] = ..., unread_count: _Optional[int] = ..., next_page_token: _Optional[str] = ..., viewer_can: _Optional[_Union[ViewerCan, _Mapping]] = ...) -> None: ...

class MarkReadRequest(_message.Message):
    __slots__ = ("ids",)
    IDS_FIELD_NUMBER: _ClassVar[int]
    ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, ids: _Optional[_Iterable[str]] = ...) -> None: ...

class MarkReadResponse(_message.Message):
    __slots__ = ("unread_count",)
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    unread_count: int
    def __init__(self, unread_count: _Optional[int] = ...) -> None: ...

class MarkAllReadRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class MarkAllReadResponse(_message.Message):
    __slots__ = ("unread_count",)
    UNREAD_COUNT_FIELD_NUMBER: _ClassVar[int]
    unread_count: int
    def __init__(self, unread_count: _Optional[int] = ...) -> None: ...

class CategoryPreference(_message.Message):
    __slots__ = ("category", "delivery")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_FIELD_NUMBER: _ClassVar[int]
    category: str
    delivery: str
    def __init__(self, category: _Optional[str] = ..., delivery: _Optional[str] = ...) -> None: ...

class Preferences(_message.Message):
    __slots__ = ("categories", "email", "language", "time_zone", "quiet_hours_start", "quiet_hours_end", "email_address", "email_failing")
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    QUIET_HOURS_START_FIELD_NUMBER: _ClassVar[int]
    QUIET_HOURS_END_FIELD_NUMBER: _ClassVar[int]
    EMAIL_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FAILING_FIELD_NUMBER: _ClassVar[int]
    categories: _containers.RepeatedCompositeFieldContainer[CategoryPreference]
    email: bool
    language: str
    time_zone: str
    quiet_hours_start: str
    quiet_hours_end: str
    email_address: str
    email_failing: bool
    def __init__(self, categories: _Optional[_Iterable[_Union[CategoryPreference, _Mapping]]] = ..., email: bool = ..., language: _Optional[str] = ..., time_zone: _Optional[str] = ..., quiet_hours_start: _Optional[str] = ..., quiet_hours_end: _Optional[str] = ..., email_address: _Optional[str] = ..., email_failing: bool = ...) -> None: ...

class GetPreferencesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetPreferencesResponse(_message.Message):
    __slots__ = ("preferences", "critical_categories", "district_defaults", "languages", "viewer_can")
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    CRITICAL_CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_DEFAULTS_FIELD_NUMBER: _ClassVar[int]
    LANGUAGES_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    preferences: Preferences
    critical_categories: _containers.RepeatedScalarFieldContainer[str]
    district_defaults: _containers.RepeatedCompositeFieldContainer[CategoryPreference]
    languages: _containers.RepeatedScalarFieldContainer[str]
    viewer_can: ViewerCan
    def __init__(self, preferences: _Optional[_Union[Preferences, _Mapping]] = ..., critical_categories: _Optional[_Iterable[str]] = ..., district_defaults: _Optional[_Iterable[_Union[CategoryPreference, _Mapping]]] = ..., languages: _Optional[_Iterable[str]] = ..., viewer_can: _Optional[_Union[ViewerCan, _Mapping]] = ...) -> None: ...

class UpdatePreferencesRequest(_message.Message):
    __slots__ = ("categories", "email", "language", "time_zone", "quiet_hours_start", "quiet_hours_end")
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    QUIET_HOURS_START_FIELD_NUMBER: _ClassVar[int]
    QUIET_HOURS_END_FIELD_NUMBER: _ClassVar[int]
    categories: _containers.RepeatedCompositeFieldContainer[CategoryPreference]
    email: bool
    language: str
    time_zone: str
    quiet_hours_start: str
    quiet_hours_end: str
    def __init__(self, categories: _Optional[_Iterable[_Union[CategoryPreference, _Mapping]]] = ..., email: bool = ..., language: _Optional[str] = ..., time_zone: _Optional[str] = ..., quiet_hours_start: _Optional[str] = ..., quiet_hours_end: _Optional[str] = ...) -> None: ...

class UpdatePreferencesResponse(_message.Message):
    __slots__ = ("preferences", "critical_categories", "district_defaults", "viewer_can")
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    CRITICAL_CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_DEFAULTS_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    preferences: Preferences
    critical_categories: _containers.RepeatedScalarFieldContainer[str]
    district_defaults: _containers.RepeatedCompositeFieldContainer[CategoryPreference]
    viewer_can: ViewerCan
    def __init__(self, preferences: _Optional[_Union[Preferences, _Mapping]] = ..., critical_categories: _Optional[_Iterable[str]] = ..., district_defaults: _Optional[_Iterable[_Union[CategoryPreference, _Mapping]]] = ..., viewer_can: _Optional[_Union[ViewerCan, _Mapping]] = ...) -> None: ...

class Approval(_message.Message):
    __slots__ = ("id", "kind", "student_id", "student_name", "subject_id", "link", "created_at", "text")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ID_FIELD_NUMBER: _ClassVar[int]
    LINK_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    student_id: str
    student_name: str
    subject_id: str
    link: str
    created_at: str
    text: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., subject_id: _Optional[str] = ..., link: _Optional[str] = ..., created_at: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class ListApprovalsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListApprovalsResponse(_message.Message):
    __slots__ = ("approvals", "next_page_token", "viewer_can")
    APPROVALS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    approvals: _containers.RepeatedCompositeFieldContainer[Approval]
    next_page_token: str
    viewer_can: ViewerCan
    def __init__(self, approvals: _Optional[_Iterable[_Union[Approval, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., viewer_can: _Optional[_Union[ViewerCan, _Mapping]] = ...) -> None: ...

class ApproveRequest(_message.Message):
    __slots__ = ("ids",)
    IDS_FIELD_NUMBER: _ClassVar[int]
    ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ApproveResponse(_message.Message):
    __slots__ = ("approved",)
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    approved: int
    def __init__(self, approved: _Optional[int] = ...) -> None: ...

class ApproveAllRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ApproveAllResponse(_message.Message):
    __slots__ = ("approved",)
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    approved: int
    def __init__(self, approved: _Optional[int] = ...) -> None: ...

class SchoolApproval(_message.Message):
    __slots__ = ("school_id", "approval_required")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    approval_required: bool
    def __init__(self, school_id: _Optional[str] = ..., approval_required: bool = ...) -> None: ...

class DistrictSettings(_message.Message):
    __slots__ = ("default_delivery", "approval_required", "school_overrides", "digest_hour", "weekly_weekday", "sender_name")
    DEFAULT_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_OVERRIDES_FIELD_NUMBER: _ClassVar[int]
    DIGEST_HOUR_FIELD_NUMBER: _ClassVar[int]
    WEEKLY_WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    SENDER_NAME_FIELD_NUMBER: _ClassVar[int]
    default_delivery: _containers.RepeatedCompositeFieldContainer[CategoryPreference]
    approval_required: bool
    school_overrides: _containers.RepeatedCompositeFieldContainer[SchoolApproval]
    digest_hour: int
    weekly_weekday: str
    sender_name: str
    def __init__(self, default_delivery: _Optional[_Iterable[_Union[CategoryPreference, _Mapping]]] = ..., approval_required: bool = ..., school_overrides: _Optional[_Iterable[_Union[SchoolApproval, _Mapping]]] = ..., digest_hour: _Optional[int] = ..., weekly_weekday: _Optional[str] = ..., sender_name: _Optional[str] = ...) -> None: ...

class GetDistrictSettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetDistrictSettingsResponse(_message.Message):
    __slots__ = ("settings", "viewer_can")
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    settings: DistrictSettings
    viewer_can: ViewerCan
    def __init__(self, settings: _Optional[_Union[DistrictSettings, _Mapping]] = ..., viewer_can: _Optional[_Union[ViewerCan, _Mapping]] = ...) -> None: ...

class UpdateDistrictSettingsRequest(_message.Message):
    __slots__ = ("default_delivery", "approval_required", "school_overrides", "clear_school_overrides", "digest_hour", "weekly_weekday", "sender_name")
    DEFAULT_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_OVERRIDES_FIELD_NUMBER: _ClassVar[int]
    CLEAR_SCHOOL_OVERRIDES_FIELD_NUMBER: _ClassVar[int]
    DIGEST_HOUR_FIELD_NUMBER: _ClassVar[int]
    WEEKLY_WEEKDAY_FIELD_NUMBER: _ClassVar[int]
    SENDER_NAME_FIELD_NUMBER: _ClassVar[int]
    default_delivery: _containers.RepeatedCompositeFieldContainer[CategoryPreference]
    approval_required: bool
    school_overrides: _containers.RepeatedCompositeFieldContainer[SchoolApproval]
    clear_school_overrides: _containers.RepeatedScalarFieldContainer[str]
    digest_hour: int
    weekly_weekday: str
    sender_name: str
    def __init__(self, default_delivery: _Optional[_Iterable[_Union[CategoryPreference, _Mapping]]] = ..., approval_required: bool = ..., school_overrides: _Optional[_Iterable[_Union[SchoolApproval, _Mapping]]] = ..., clear_school_overrides: _Optional[_Iterable[str]] = ..., digest_hour: _Optional[int] = ..., weekly_weekday: _Optional[str] = ..., sender_name: _Optional[str] = ...) -> None: ...

class UpdateDistrictSettingsResponse(_message.Message):
    __slots__ = ("settings", "viewer_can")
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    settings: DistrictSettings
    viewer_can: ViewerCan
    def __init__(self, settings: _Optional[_Union[DistrictSettings, _Mapping]] = ..., viewer_can: _Optional[_Union[ViewerCan, _Mapping]] = ...) -> None: ...

class ParkedDelivery(_message.Message):
    __slots__ = ("id", "recipient_id", "recipient_name", "kind", "attempts", "last_error", "parked_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_ID_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    LAST_ERROR_FIELD_NUMBER: _ClassVar[int]
    PARKED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    recipient_id: str
    recipient_name: str
    kind: str
    attempts: int
    last_error: str
    parked_at: str
    def __init__(self, id: _Optional[str] = ..., recipient_id: _Optional[str] = ..., recipient_name: _Optional[str] = ..., kind: _Optional[str] = ..., attempts: _Optional[int] = ..., last_error: _Optional[str] = ..., parked_at: _Optional[str] = ...) -> None: ...

class ListParkedRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListParkedResponse(_message.Message):
    __slots__ = ("deliveries", "next_page_token", "viewer_can")
    DELIVERIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    deliveries: _containers.RepeatedCompositeFieldContainer[ParkedDelivery]
    next_page_token: str
    viewer_can: ViewerCan
    def __init__(self, deliveries: _Optional[_Iterable[_Union[ParkedDelivery, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., viewer_can: _Optional[_Union[ViewerCan, _Mapping]] = ...) -> None: ...

class ResendRequest(_message.Message):
    __slots__ = ("ids",)
    IDS_FIELD_NUMBER: _ClassVar[int]
    ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ResendResponse(_message.Message):
    __slots__ = ("queued",)
    QUEUED_FIELD_NUMBER: _ClassVar[int]
    queued: int
    def __init__(self, queued: _Optional[int] = ...) -> None: ...

class UnsubscribeRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class UnsubscribeResponse(_message.Message):
    __slots__ = ("category", "language")
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    category: str
    language: str
    def __init__(self, category: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...
