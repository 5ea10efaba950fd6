from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class BadgeDefined(_message.Message):
    __slots__ = ("badge_id", "kind", "name", "milestone_type_id", "skill_id", "min_outcome", "defined_by")
    BADGE_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    MIN_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    DEFINED_BY_FIELD_NUMBER: _ClassVar[int]
    badge_id: str
    kind: str
    name: str
    milestone_type_id: str
    skill_id: str
    min_outcome: str
    defined_by: str
    def __init__(self, badge_id: _Optional[str] = ..., kind: _Optional[str] = ..., name: _Optional[str] = ..., milestone_type_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., min_outcome: _Optional[str] = ..., defined_by: _Optional[str] = ...) -> None: ...

class BadgeAwarded(_message.Message):
    __slots__ = ("credential_id", "badge_id", "student_id", "milestone_id", "issued_by")
    CREDENTIAL_ID_FIELD_NUMBER: _ClassVar[int]
    BADGE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUED_BY_FIELD_NUMBER: _ClassVar[int]
    credential_id: str
    badge_id: str
    student_id: str
    milestone_id: str
    issued_by: str
    def __init__(self, credential_id: _Optional[str] = ..., badge_id: _Optional[str] = ..., student_id: _Optional[str] = ..., milestone_id: _Optional[str] = ..., issued_by: _Optional[str] = ...) -> None: ...

class CredentialRevoked(_message.Message):
    __slots__ = ("credential_id", "badge_id", "student_id", "revoked_by")
    CREDENTIAL_ID_FIELD_NUMBER: _ClassVar[int]
    BADGE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REVOKED_BY_FIELD_NUMBER: _ClassVar[int]
    credential_id: str
    badge_id: str
    student_id: str
    revoked_by: str
    def __init__(self, credential_id: _Optional[str] = ..., badge_id: _Optional[str] = ..., student_id: _Optional[str] = ..., revoked_by: _Optional[str] = ...) -> None: ...
