from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class ErasureRequested(_message.Message):
    __slots__ = ("erasure_id", "student_id", "pseudonym", "requested_by", "requested_by_roles", "services", "attempt", "artifact_id", "media_only")
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    PSEUDONYM_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_ROLES_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_ONLY_FIELD_NUMBER: _ClassVar[int]
    erasure_id: str
    student_id: str
    pseudonym: str
    requested_by: str
    requested_by_roles: _containers.RepeatedScalarFieldContainer[str]
    services: _containers.RepeatedScalarFieldContainer[str]
    attempt: int
    artifact_id: str
    media_only: bool
    def __init__(self, erasure_id: _Optional[str] = ..., student_id: _Optional[str] = ..., pseudonym: _Optional[str] = ..., requested_by: _Optional[str] = ..., requested_by_roles: _Optional[_Iterable[str]] = ..., services: _Optional[_Iterable[str]] = ..., attempt: _Optional[int] = ..., artifact_id: _Optional[str] = ..., media_only: bool = ...) -> None: ...

class ErasureConfirmed(_message.Message):
    __slots__ = ("erasure_id", "service", "counts", "erased_at")
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    ERASED_AT_FIELD_NUMBER: _ClassVar[int]
    erasure_id: str
    service: str
    counts: _containers.ScalarMap[str, int]
    erased_at: str
    def __init__(self, erasure_id: _Optional[str] = ..., service: _Optional[str] = ..., counts: _Optional[_Mapping[str, int]] = ..., erased_at: _Optional[str] = ...) -> None: ...
