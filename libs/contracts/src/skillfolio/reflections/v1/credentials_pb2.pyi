from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Badge(_message.Message):
    __slots__ = ("id", "kind", "name", "description", "criteria", "milestone_type_id", "min_outcome", "skill_id", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    MIN_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    name: str
    description: str
    criteria: str
    milestone_type_id: str
    min_outcome: str
    skill_id: str
    created_at: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., criteria: _Optional[str] = ..., milestone_type_id: _Optional[str] = ..., min_outcome: _Optional[str] = ..., skill_id: _Optional[str] = ..., created_at: _Optional[str] = ...) -> None: ...

class Credential(_message.Message):
    __slots__ = ("id", "student_id", "badge_id", "name", "milestone_id", "issued_at", "revoked", "revoked_at", "revoke_reason", "document_json", "jwt")
    ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    BADGE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUED_AT_FIELD_NUMBER: _ClassVar[int]
    REVOKED_FIELD_NUMBER: _ClassVar[int]
    REVOKED_AT_FIELD_NUMBER: _ClassVar[int]
    REVOKE_REASON_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_JSON_FIELD_NUMBER: _ClassVar[int]
    JWT_FIELD_NUMBER: _ClassVar[int]
    id: str
    student_id: str
    badge_id: str
    name: str
    milestone_id: str
    issued_at: str
    revoked: bool
    revoked_at: str
    revoke_reason: str
    document_json: str
    jwt: str
    def __init__(self, id: _Optional[str] = ..., student_id: _Optional[str] = ..., badge_id: _Optional[str] = ..., name: _Optional[str] = ..., milestone_id: _Optional[str] = ..., issued_at: _Optional[str] = ..., revoked: bool = ..., revoked_at: _Optional[str] = ..., revoke_reason: _Optional[str] = ..., document_json: _Optional[str] = ..., jwt: _Optional[str] = ...) -> None: ...

class CredentialsViewerCan(_message.Message):
    __slots__ = ("revoke",)
    REVOKE_FIELD_NUMBER: _ClassVar[int]
    revoke: bool
    def __init__(self, revoke: bool = ...) -> None: ...

class DefineBadgeRequest(_message.Message):
    __slots__ = ("kind", "name", "description", "criteria", "milestone_type_id", "min_outcome", "skill_id")
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    MIN_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    kind: str
    name: str
    description: str
    criteria: str
    milestone_type_id: str
    min_outcome: str
    skill_id: str
    def __init__(self, kind: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., criteria: _Optional[str] = ..., milestone_type_id: _Optional[str] = ..., min_outcome: _Optional[str] = ..., skill_id: _Optional[str] = ...) -> None: ...

class DefineBadgeResponse(_message.Message):
    __slots__ = ("badge",)
    BADGE_FIELD_NUMBER: _ClassVar[int]
    badge: Badge
    def __init__(self, badge: _Optional[_Union[Badge, _Mapping]] = ...) -> None: ...

class ListBadgesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListBadgesResponse(_message.Message):
    __slots__ = ("badges",)
    BADGES_FIELD_NUMBER: _ClassVar[int]
    badges: _containers.RepeatedCompositeFieldContainer[Badge]
    def __init__(self, badges: _Optional[_Iterable[_Union[Badge, _Mapping]]] = ...) -> None: ...

class AwardBadgeRequest(_message.Message):
    __slots__ = ("badge_id", "student_id")
    BADGE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    badge_id: str
    student_id: str
    def __init__(self, badge_id: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class AwardBadgeResponse(_message.Message):
    __slots__ = ("credential",)
    CREDENTIAL_FIELD_NUMBER: _ClassVar[int]
    credential: Credential
    def __init__(self, credential: _Optional[_Union[Credential, _Mapping]] = ...) -> None: ...

class RevokeCredentialRequest(_message.Message):
    __slots__ = ("credential_id", "reason")
    CREDENTIAL_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    credential_id: str
    reason: str
    def __init__(self, credential_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RevokeCredentialResponse(_message.Message):
    __slots__ = ("credential",)
    CREDENTIAL_FIELD_NUMBER: _ClassVar[int]
    credential: Credential
    def __init__(self, credential: _Optional[_Union[Credential, _Mapping]] = ...) -> None: ...

class ListStudentCredentialsRequest(_message.Message):
    __slots__ = ("student_id",)
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    def __init__(self, student_id: _Optional[str] = ...) -> None: ...

class ListStudentCredentialsResponse(_message.Message):
    __slots__ = ("credentials", "viewer_can")
    CREDENTIALS_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    credentials: _containers.RepeatedCompositeFieldContainer[Credential]
    viewer_can: CredentialsViewerCan
    def __init__(self, credentials: _Optional[_Iterable[_Union[Credential, _Mapping]]] = ..., viewer_can: _Optional[_Union[CredentialsViewerCan, _Mapping]] = ...) -> None: ...

class GetClrRequest(_message.Message):
    __slots__ = ("student_id",)
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    def __init__(self, student_id: _Optional[str] = ...) -> None: ...

class GetClrResponse(_message.Message):
    __slots__ = ("document_json", "jwt")
    DOCUMENT_JSON_FIELD_NUMBER: _ClassVar[int]
    JWT_FIELD_NUMBER: _ClassVar[int]
    document_json: str
    jwt: str
    def __init__(self, document_json: _Optional[str] = ..., jwt: _Optional[str] = ...) -> None: ...

class GetStatusListRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStatusListResponse(_message.Message):
    __slots__ = ("jwt", "url")
    JWT_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    jwt: str
    url: str
    def __init__(self, jwt: _Optional[str] = ..., url: _Optional[str] = ...) -> None: ...
