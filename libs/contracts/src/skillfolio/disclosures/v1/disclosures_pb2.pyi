from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListDisclosuresRequest(_message.Message):
    __slots__ = ("student_id", "from_date", "to_date", "after", "limit")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    TO_DATE_FIELD_NUMBER: _ClassVar[int]
    AFTER_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    from_date: str
    to_date: str
    after: str
    limit: int
    def __init__(self, student_id: _Optional[str] = ..., from_date: _Optional[str] = ..., to_date: _Optional[str] = ..., after: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class Disclosure(_message.Message):
    __slots__ = ("service", "occurred_at", "actor_id", "actor_roles", "action", "detail", "cursor", "actor_name")
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ROLES_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    ACTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    service: str
    occurred_at: str
    actor_id: str
    actor_roles: str
    action: str
    detail: str
    cursor: str
    actor_name: str
    def __init__(self, service: _Optional[str] = ..., occurred_at: _Optional[str] = ..., actor_id: _Optional[str] = ..., actor_roles: _Optional[str] = ..., action: _Optional[str] = ..., detail: _Optional[str] = ..., cursor: _Optional[str] = ..., actor_name: _Optional[str] = ...) -> None: ...

class ListDisclosuresResponse(_message.Message):
    __slots__ = ("disclosures", "more")
    DISCLOSURES_FIELD_NUMBER: _ClassVar[int]
    MORE_FIELD_NUMBER: _ClassVar[int]
    disclosures: _containers.RepeatedCompositeFieldContainer[Disclosure]
    more: bool
    def __init__(self, disclosures: _Optional[_Iterable[_Union[Disclosure, _Mapping]]] = ..., more: bool = ...) -> None: ...
