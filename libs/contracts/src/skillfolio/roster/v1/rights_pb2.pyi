from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GuardianAccess(_message.Message):
    __slots__ = ("guardian_id", "given_name", "family_name", "granted")
    GUARDIAN_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEN_NAME_FIELD_NUMBER: _ClassVar[int]
    FAMILY_NAME_FIELD_NUMBER: _ClassVar[int]
    GRANTED_FIELD_NUMBER: _ClassVar[int]
    guardian_id: str
    given_name: str
    family_name: str
    granted: bool
    def __init__(self, guardian_id: _Optional[str] = ..., given_name: _Optional[str] = ..., family_name: _Optional[str] = ..., granted: bool = ...) -> None: ...

class GetGuardianAccessRequest(_message.Message):
    __slots__ = ("student_id",)
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    def __init__(self, student_id: _Optional[str] = ...) -> None: ...

class GetGuardianAccessResponse(_message.Message):
    __slots__ = ("rights_passed_on", "guardians")
    RIGHTS_PASSED_ON_FIELD_NUMBER: _ClassVar[int]
    GUARDIANS_FIELD_NUMBER: _ClassVar[int]
    rights_passed_on: str
    guardians: _containers.RepeatedCompositeFieldContainer[GuardianAccess]
    def __init__(self, rights_passed_on: _Optional[str] = ..., guardians: _Optional[_Iterable[_Union[GuardianAccess, _Mapping]]] = ...) -> None: ...

class SetGuardianAccessRequest(_message.Message):
    __slots__ = ("student_id", "guardian_id", "granted")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    GUARDIAN_ID_FIELD_NUMBER: _ClassVar[int]
    GRANTED_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    guardian_id: str
    granted: bool
    def __init__(self, student_id: _Optional[str] = ..., guardian_id: _Optional[str] = ..., granted: bool = ...) -> None: ...

class SetGuardianAccessResponse(_message.Message):
    __slots__ = ("guardian",)
    GUARDIAN_FIELD_NUMBER: _ClassVar[int]
    guardian: GuardianAccess
    def __init__(self, guardian: _Optional[_Union[GuardianAccess, _Mapping]] = ...) -> None: ...
