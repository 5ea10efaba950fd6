from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class PersonChanged(_message.Message):
    __slots__ = ("person_id", "sourced_id", "roles", "grade_level", "primary_school_id", "active", "given_name", "family_name", "email", "preferred_language")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCED_ID_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    GRADE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    GIVEN_NAME_FIELD_NUMBER: _ClassVar[int]
    FAMILY_NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    PREFERRED_LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    sourced_id: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    grade_level: str
    primary_school_id: str
    active: bool
    given_name: str
    family_name: str
    email: str
    preferred_language: str
    def __init__(self, person_id: _Optional[str] = ..., sourced_id: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., grade_level: _Optional[str] = ..., primary_school_id: _Optional[str] = ..., active: bool = ..., given_name: _Optional[str] = ..., family_name: _Optional[str] = ..., email: _Optional[str] = ..., preferred_language: _Optional[str] = ...) -> None: ...

class SchoolChanged(_message.Message):
    __slots__ = ("school_id", "sourced_id", "name", "district_id")
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCED_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    sourced_id: str
    name: str
    district_id: str
    def __init__(self, school_id: _Optional[str] = ..., sourced_id: _Optional[str] = ..., name: _Optional[str] = ..., district_id: _Optional[str] = ...) -> None: ...

class SchoolYearChanged(_message.Message):
    __slots__ = ("school_year_id", "title", "start_date", "end_date", "year")
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    school_year_id: str
    title: str
    start_date: str
    end_date: str
    year: int
    def __init__(self, school_year_id: _Optional[str] = ..., title: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., year: _Optional[int] = ...) -> None: ...

class SectionChanged(_message.Message):
    __slots__ = ("section_id", "school_id", "school_year_id", "title", "start_date", "end_date")
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    school_id: str
    school_year_id: str
    title: str
    start_date: str
    end_date: str
    def __init__(self, section_id: _Optional[str] = ..., school_id: _Optional[str] = ..., school_year_id: _Optional[str] = ..., title: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ...) -> None: ...

class EnrollmentChanged(_message.Message):
    __slots__ = ("enrollment_id", "section_id", "person_id", "role", "school_id", "begin_date", "end_date", "active")
    ENROLLMENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    BEGIN_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    enrollment_id: str
    section_id: str
    person_id: str
    role: str
    school_id: str
    begin_date: str
    end_date: str
    active: bool
    def __init__(self, enrollment_id: _Optional[str] = ..., section_id: _Optional[str] = ..., person_id: _Optional[str] = ..., role: _Optional[str] = ..., school_id: _Optional[str] = ..., begin_date: _Optional[str] = ..., end_date: _Optional[str] = ..., active: bool = ...) -> None: ...

class GuardianshipChanged(_message.Message):
    __slots__ = ("guardian_id", "student_id", "active")
    GUARDIAN_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    guardian_id: str
    student_id: str
    active: bool
    def __init__(self, guardian_id: _Optional[str] = ..., student_id: _Optional[str] = ..., active: bool = ...) -> None: ...

class StudentTransferred(_message.Message):
    __slots__ = ("student_id", "from_school_id", "to_school_id", "effective_date")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TO_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    from_school_id: str
    to_school_id: str
    effective_date: str
    def __init__(self, student_id: _Optional[str] = ..., from_school_id: _Optional[str] = ..., to_school_id: _Optional[str] = ..., effective_date: _Optional[str] = ...) -> None: ...

class StudentRightsPassed(_message.Message):
    __slots__ = ("student_id", "basis", "effective_date", "guardian_ids")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    GUARDIAN_IDS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    basis: str
    effective_date: str
    guardian_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, student_id: _Optional[str] = ..., basis: _Optional[str] = ..., effective_date: _Optional[str] = ..., guardian_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GuardianAccessChanged(_message.Message):
    __slots__ = ("student_id", "guardian_id", "granted", "decided_by")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    GUARDIAN_ID_FIELD_NUMBER: _ClassVar[int]
    GRANTED_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    guardian_id: str
    granted: bool
    decided_by: str
    def __init__(self, student_id: _Optional[str] = ..., guardian_id: _Optional[str] = ..., granted: bool = ..., decided_by: _Optional[str] = ...) -> None: ...
