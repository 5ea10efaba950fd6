from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ErasureConfirmation(_message.Message):
    __slots__ = ("service", "confirmed_at", "counts")
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_AT_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    service: str
    confirmed_at: str
    counts: _containers.ScalarMap[str, int]
    def __init__(self, service: _Optional[str] = ..., confirmed_at: _Optional[str] = ..., counts: _Optional[_Mapping[str, int]] = ...) -> None: ...

class Erasure(_message.Message):
    __slots__ = ("id", "pseudonym", "status", "reason", "requested_by", "requested_at", "services", "confirmations", "waiting_for", "completed_at", "certificate_json", "signature", "attempts", "artifact_id", "refusal", "media_only")
    ID_FIELD_NUMBER: _ClassVar[int]
    PSEUDONYM_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    CONFIRMATIONS_FIELD_NUMBER: _ClassVar[int]
    WAITING_FOR_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATE_JSON_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    REFUSAL_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ONLY_FIELD_NUMBER: _ClassVar[int]
    id: str
    pseudonym: str
    status: str
    reason: str
    requested_by: str
    requested_at: str
    services: _containers.RepeatedScalarFieldContainer[str]
    confirmations: _containers.RepeatedCompositeFieldContainer[ErasureConfirmation]
    waiting_for: _containers.RepeatedScalarFieldContainer[str]
    completed_at: str
    certificate_json: str
    signature: str
    attempts: int
    artifact_id: str
    refusal: str
    media_only: bool
    def __init__(self, id: _Optional[str] = ..., pseudonym: _Optional[str] = ..., status: _Optional[str] = ..., reason: _Optional[str] = ..., requested_by: _Optional[str] = ..., requested_at: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ..., confirmations: _Optional[_Iterable[_Union[ErasureConfirmation, _Mapping]]] = ..., waiting_for: _Optional[_Iterable[str]] = ..., completed_at: _Optional[str] = ..., certificate_json: _Optional[str] = ..., signature: _Optional[str] = ..., attempts: _Optional[int] = ..., artifact_id: _Optional[str] = ..., refusal: _Optional[str] = ..., media_only: bool = ...) -> None: ...

class RequestErasureRequest(_message.Message):
    __slots__ = ("student_id", "reason", "artifact_id")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    reason: str
    artifact_id: str
    def __init__(self, student_id: _Optional[str] = ..., reason: _Optional[str] = ..., artifact_id: _Optional[str] = ...) -> None: ...

class RequestErasureResponse(_message.Message):
    __slots__ = ("erasure",)
    ERASURE_FIELD_NUMBER: _ClassVar[int]
    erasure: Erasure
    def __init__(self, erasure: _Optional[_Union[Erasure, _Mapping]] = ...) -> None: ...

class GetErasureRequest(_message.Message):
    __slots__ = ("erasure_id",)
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    erasure_id: str
    def __init__(self, erasure_id: _Optional[str] = ...) -> None: ...

class GetErasureResponse(_message.Message):
    __slots__ = ("erasure",)
    ERASURE_FIELD_NUMBER: _ClassVar[int]
    erasure: Erasure
    def __init__(self, erasure: _Optional[_Union[Erasure, _Mapping]] = ...) -> None: ...

class ListErasuresRequest(_message.Message):
    __slots__ = ("limit",)
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    limit: int
    def __init__(self, limit: _Optional[int] = ...) -> None: ...

class ListErasuresResponse(_message.Message):
    __slots__ = ("erasures",)
    ERASURES_FIELD_NUMBER: _ClassVar[int]
    erasures: _containers.RepeatedCompositeFieldContainer[Erasure]
    def __init__(self, erasures: _Optional[_Iterable[_Union[Erasure, _Mapping]]] = ...) -> None: ...

class RetentionSchedule(_message.Message):
    __slots__ = ("portfolio_years", "media_years", "grace_days", "updated_by")
    PORTFOLIO_YEARS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_YEARS_FIELD_NUMBER: _ClassVar[int]
    GRACE_DAYS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_BY_FIELD_NUMBER: _ClassVar[int]
    portfolio_years: int
    media_years: int
    grace_days: int
    updated_by: str
    def __init__(self, portfolio_years: _Optional[int] = ..., media_years: _Optional[int] = ..., grace_days: _Optional[int] = ..., updated_by: _Optional[str] = ...) -> None: ...

class RightsRule(_message.Message):
    __slots__ = ("guardian_access_ends", "district_id", "is_default", "updated_by")
    GUARDIAN_ACCESS_ENDS_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    IS_DEFAULT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_BY_FIELD_NUMBER: _ClassVar[int]
    guardian_access_ends: str
    district_id: str
    is_default: bool
    updated_by: str
    def __init__(self, guardian_access_ends: _Optional[str] = ..., district_id: _Optional[str] = ..., is_default: bool = ..., updated_by: _Optional[str] = ...) -> None: ...

class GetRightsRuleRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetRightsRuleResponse(_message.Message):
    __slots__ = ("rule",)
    RULE_FIELD_NUMBER: _ClassVar[int]
    rule: RightsRule
    def __init__(self, rule: _Optional[_Union[RightsRule, _Mapping]] = ...) -> None: ...

class SetRightsRuleRequest(_message.Message):
    __slots__ = ("guardian_access_ends",)
    GUARDIAN_ACCESS_ENDS_FIELD_NUMBER: _ClassVar[int]
    guardian_access_ends: str
    def __init__(self, guardian_access_ends: _Optional[str] = ...) -> None: ...

class SetRightsRuleResponse(_message.Message):
    __slots__ = ("rule",)
    RULE_FIELD_NUMBER: _ClassVar[int]
    rule: RightsRule
    def __init__(self, rule: _Optional[_Union[RightsRule, _Mapping]] = ...) -> None: ...

class GetRetentionScheduleRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetRetentionScheduleResponse(_message.Message):
    __slots__ = ("schedule",)
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    schedule: RetentionSchedule
    def __init__(self, schedule: _Optional[_Union[RetentionSchedule, _Mapping]] = ...) -> None: ...

class SetRetentionScheduleRequest(_message.Message):
    __slots__ = ("schedule",)
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    schedule: RetentionSchedule
    def __init__(self, schedule: _Optional[_Union[RetentionSchedule, _Mapping]] = ...) -> None: ...

class SetRetentionScheduleResponse(_message.Message):
    __slots__ = ("schedule",)
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    schedule: RetentionSchedule
    def __init__(self, schedule: _Optional[_Union[RetentionSchedule, _Mapping]] = ...) -> None: ...

class SetLegalHoldRequest(_message.Message):
    __slots__ = ("student_id", "hold", "reason")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    HOLD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    hold: bool
    reason: str
    def __init__(self, student_id: _Optional[str] = ..., hold: bool = ..., reason: _Optional[str] = ...) -> None: ...

class SetLegalHoldResponse(_message.Message):
    __slots__ = ("changed",)
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    changed: bool
    def __init__(self, changed: bool = ...) -> None: ...

class RetentionDue(_message.Message):
    __slots__ = ("student_id", "left_on", "due_on", "reported_on", "erase_after", "held", "erasure_id", "kind")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    LEFT_ON_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    REPORTED_ON_FIELD_NUMBER: _ClassVar[int]
    ERASE_AFTER_FIELD_NUMBER: _ClassVar[int]
    HELD_FIELD_NUMBER: _ClassVar[int]
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    left_on: str
    due_on: str
    reported_on: str
    erase_after: str
    held: bool
    erasure_id: str
    kind: str
    def __init__(self, student_id: _Optional[str] = ..., left_on: _Optional[str] = ..., due_on: _Optional[str] = ..., reported_on: _Optional[str] = ..., erase_after: _Optional[str] = ..., held: bool = ..., erasure_id: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class ListRetentionDueRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListRetentionDueResponse(_message.Message):
    __slots__ = ("records",)
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[RetentionDue]
    def __init__(self, records: _Optional[_Iterable[_Union[RetentionDue, _Mapping]]] = ...) -> None: ...
