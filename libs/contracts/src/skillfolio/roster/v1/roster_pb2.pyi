from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Role(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ROLE_UNSPECIFIED: _ClassVar[Role]
    ROLE_STUDENT: _ClassVar[Role]
    ROLE_TEACHER: _ClassVar[Role]
    ROLE_GUARDIAN: _ClassVar[Role]
    ROLE_SCHOOL_ADMIN: _ClassVar[Role]
    ROLE_DISTRICT_ADMIN: _ClassVar[Role]
    ROLE_PRIVACY_OFFICER: _ClassVar[Role]

class RelationKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RELATION_KIND_UNSPECIFIED: _ClassVar[RelationKind]
    RELATION_KIND_TEACHES_NOW: _ClassVar[RelationKind]
    RELATION_KIND_GUARDIAN_OF: _ClassVar[RelationKind]
ROLE_UNSPECIFIED: Role
ROLE_STUDENT: Role
ROLE_TEACHER: Role
ROLE_GUARDIAN: Role
ROLE_SCHOOL_ADMIN: Role
ROLE_DISTRICT_ADMIN: Role
ROLE_PRIVACY_OFFICER: Role
RELATION_KIND_UNSPECIFIED: RelationKind
RELATION_KIND_TEACHES_NOW: RelationKind
RELATION_KIND_GUARDIAN_OF: RelationKind

class School(_message.Message):
    __slots__ = ("id", "sourced_id", "name", "identifier", "district_id", "active")
    ID_FIELD_NUMBER: _ClassVar[int]
    SOURCED_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    IDENTIFIER_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    id: str
    sourced_id: str
    name: str
    identifier: str
    district_id: str
    active: bool
    def __init__(self, id: _Optional[str] = ..., sourced_id: _Optional[str] = ..., name: _Optional[str] = ..., identifier: _Optional[str] = ..., district_id: _Optional[str] = ..., active: bool = ...) -> None: ...

class SchoolYear(_message.Message):
    __slots__ = ("id", "sourced_id", "title", "start_date", "end_date", "year", "active")
    ID_FIELD_NUMBER: _ClassVar[int]
    SOURCED_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    id: str
    sourced_id: str
    title: str
    start_date: str
    end_date: str
    year: int
    active: bool
    def __init__(self, id: _Optional[str] = ..., sourced_id: _Optional[str] = ..., title: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., year: _Optional[int] = ..., active: bool = ...) -> None: ...

class Person(_message.Message):
    __slots__ = ("id", "sourced_id", "given_name", "family_name", "email", "username", "roles", "grade_level", "primary_school_id", "active")
    ID_FIELD_NUMBER: _ClassVar[int]
    SOURCED_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEN_NAME_FIELD_NUMBER: _ClassVar[int]
    FAMILY_NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    GRADE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    id: str
    sourced_id: str
    given_name: str
    family_name: str
    email: str
    username: str
    roles: _containers.RepeatedScalarFieldContainer[Role]
    grade_level: str
    primary_school_id: str
    active: bool
    def __init__(self, id: _Optional[str] = ..., sourced_id: _Optional[str] = ..., given_name: _Optional[str] = ..., family_name: _Optional[str] = ..., email: _Optional[str] = ..., username: _Optional[str] = ..., roles: _Optional[_Iterable[_Union[Role, str]]] = ..., grade_level: _Optional[str] = ..., primary_school_id: _Optional[str] = ..., active: bool = ...) -> None: ...

class Section(_message.Message):
    __slots__ = ("id", "sourced_id", "title", "class_code", "school_id", "course_title", "school_year_id", "term_ids")
    ID_FIELD_NUMBER: _ClassVar[int]
    SOURCED_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CLASS_CODE_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    COURSE_TITLE_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_IDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    sourced_id: str
    title: str
    class_code: str
    school_id: str
    course_title: str
    school_year_id: str
    term_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., sourced_id: _Optional[str] = ..., title: _Optional[str] = ..., class_code: _Optional[str] = ..., school_id: _Optional[str] = ..., course_title: _Optional[str] = ..., school_year_id: _Optional[str] = ..., term_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class PageRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class GetSchoolRequest(_message.Message):
    __slots__ = ("school_id",)
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_id: str
    def __init__(self, school_id: _Optional[str] = ...) -> None: ...

class GetSchoolResponse(_message.Message):
    __slots__ = ("school",)
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    school: School
    def __init__(self, school: _Optional[_Union[School, _Mapping]] = ...) -> None: ...

class ListSchoolsRequest(_message.Message):
    __slots__ = ("page", "active_only", "district_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_ONLY_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    page: PageRequest
    active_only: bool
    district_id: str
    def __init__(self, page: _Optional[_Union[PageRequest, _Mapping]] = ..., active_only: bool = ..., district_id: _Optional[str] = ...) -> None: ...

class ListSchoolsResponse(_message.Message):
    __slots__ = ("schools", "next_page_token")
    SCHOOLS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    schools: _containers.RepeatedCompositeFieldContainer[School]
    next_page_token: str
    def __init__(self, schools: _Optional[_Iterable[_Union[School, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListSchoolYearsRequest(_message.Message):
    __slots__ = ("page", "active_only")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_ONLY_FIELD_NUMBER: _ClassVar[int]
    page: PageRequest
    active_only: bool
    def __init__(self, page: _Optional[_Union[PageRequest, _Mapping]] = ..., active_only: bool = ...) -> None: ...

class GetSchoolCalendarRequest(_message.Message):
    __slots__ = ("district_id", "on_date")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    on_date: str
    def __init__(self, district_id: _Optional[str] = ..., on_date: _Optional[str] = ...) -> None: ...

class GetSchoolCalendarResponse(_message.Message):
    __slots__ = ("district_id", "current_school_year", "school_years")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENT_SCHOOL_YEAR_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEARS_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    current_school_year: SchoolYear
    school_years: _containers.RepeatedCompositeFieldContainer[SchoolYear]
    def __init__(self, district_id: _Optional[str] = ..., current_school_year: _Optional[_Union[SchoolYear, _Mapping]] = ..., school_years: _Optional[_Iterable[_Union[SchoolYear, _Mapping]]] = ...) -> None: ...

class ListSchoolYearsResponse(_message.Message):
    __slots__ = ("school_years", "next_page_token")
    SCHOOL_YEARS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    school_years: _containers.RepeatedCompositeFieldContainer[SchoolYear]
    next_page_token: str
    def __init__(self, school_years: _Optional[_Iterable[_Union[SchoolYear, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetPersonRequest(_message.Message):
    __slots__ = ("person_id",)
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    def __init__(self, person_id: _Optional[str] = ...) -> None: ...

class GetPersonResponse(_message.Message):
    __slots__ = ("person",)
    PERSON_FIELD_NUMBER: _ClassVar[int]
    person: Person
    def __init__(self, person: _Optional[_Union[Person, _Mapping]] = ...) -> None: ...

class ListPeopleRequest(_message.Message):
    __slots__ = ("page", "school_id", "role", "grade_level")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    GRADE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    page: PageRequest
    school_id: str
    role: Role
    grade_level: str
    def __init__(self, page: _Optional[_Union[PageRequest, _Mapping]] = ..., school_id: _Optional[str] = ..., role: _Optional[_Union[Role, str]] = ..., grade_level: _Optional[str] = ...) -> None: ...

class ListPeopleResponse(_message.Message):
    __slots__ = ("people", "next_page_token")
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    people: _containers.RepeatedCompositeFieldContainer[Person]
    next_page_token: str
    def __init__(self, people: _Optional[_Iterable[_Union[Person, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetSectionRequest(_message.Message):
    __slots__ = ("section_id",)
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    def __init__(self, section_id: _Optional[str] = ...) -> None: ...

class GetSectionResponse(_message.Message):
    __slots__ = ("section",)
    SECTION_FIELD_NUMBER: _ClassVar[int]
    section: Section
    def __init__(self, section: _Optional[_Union[Section, _Mapping]] = ...) -> None: ...

class ListSectionsRequest(_message.Message):
    __slots__ = ("page", "school_id", "teacher_id", "school_year_id")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    page: PageRequest
    school_id: str
    teacher_id: str
    school_year_id: str
    def __init__(self, page: _Optional[_Union[PageRequest, _Mapping]] = ..., school_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., school_year_id: _Optional[str] = ...) -> None: ...

class ListSectionsResponse(_message.Message):
    __slots__ = ("sections", "next_page_token")
    SECTIONS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    sections: _containers.RepeatedCompositeFieldContainer[Section]
    next_page_token: str
    def __init__(self, sections: _Optional[_Iterable[_Union[Section, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListSectionStudentsRequest(_message.Message):
    __slots__ = ("section_id", "page")
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    page: PageRequest
    def __init__(self, section_id: _Optional[str] = ..., page: _Optional[_Union[PageRequest, _Mapping]] = ...) -> None: ...

class ListSectionStudentsResponse(_message.Message):
    __slots__ = ("students", "next_page_token")
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    students: _containers.RepeatedCompositeFieldContainer[Person]
    next_page_token: str
    def __init__(self, students: _Optional[_Iterable[_Union[Person, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListCurrentStudentsRequest(_message.Message):
    __slots__ = ("teacher_id", "page", "on_date")
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    teacher_id: str
    page: PageRequest
    on_date: str
    def __init__(self, teacher_id: _Optional[str] = ..., page: _Optional[_Union[PageRequest, _Mapping]] = ..., on_date: _Optional[str] = ...) -> None: ...

class ListCurrentStudentsResponse(_message.Message):
    __slots__ = ("students", "next_page_token")
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    students: _containers.RepeatedCompositeFieldContainer[Person]
    next_page_token: str
    def __init__(self, students: _Optional[_Iterable[_Union[Person, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListGuardiansRequest(_message.Message):
    __slots__ = ("student_id", "page")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    page: PageRequest
    def __init__(self, student_id: _Optional[str] = ..., page: _Optional[_Union[PageRequest, _Mapping]] = ...) -> None: ...

class ListGuardiansResponse(_message.Message):
    __slots__ = ("guardians", "next_page_token")
    GUARDIANS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    guardians: _containers.RepeatedCompositeFieldContainer[Person]
    next_page_token: str
    def __init__(self, guardians: _Optional[_Iterable[_Union[Person, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class ListChildrenRequest(_message.Message):
    __slots__ = ("guardian_id", "page")
    GUARDIAN_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    guardian_id: str
    page: PageRequest
    def __init__(self, guardian_id: _Optional[str] = ..., page: _Optional[_Union[PageRequest, _Mapping]] = ...) -> None: ...

class ListChildrenResponse(_message.Message):
    __slots__ = ("children", "next_page_token")
    CHILDREN_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    children: _containers.RepeatedCompositeFieldContainer[Person]
    next_page_token: str
    def __init__(self, children: _Optional[_Iterable[_Union[Person, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetRelationshipRequest(_message.Message):
    __slots__ = ("viewer_id", "student_id", "on_date")
    VIEWER_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    viewer_id: str
    student_id: str
    on_date: str
    def __init__(self, viewer_id: _Optional[str] = ..., student_id: _Optional[str] = ..., on_date: _Optional[str] = ...) -> None: ...

class GetRelationshipResponse(_message.Message):
    __slots__ = ("kinds",)
    KINDS_FIELD_NUMBER: _ClassVar[int]
    kinds: _containers.RepeatedScalarFieldContainer[RelationKind]
    def __init__(self, kinds: _Optional[_Iterable[_Union[RelationKind, str]]] = ...) -> None: ...

class ExportPersonRequest(_message.Message):
    __slots__ = ("student_id", "reason", "student_sourced_id")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    STUDENT_SOURCED_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    reason: str
    student_sourced_id: str
    def __init__(self, student_id: _Optional[str] = ..., reason: _Optional[str] = ..., student_sourced_id: _Optional[str] = ...) -> None: ...

class ExportPersonResponse(_message.Message):
    __slots__ = ("person", "school", "guardians")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    GUARDIANS_FIELD_NUMBER: _ClassVar[int]
    person: Person
    school: School
    guardians: _containers.RepeatedCompositeFieldContainer[Person]
    def __init__(self, person: _Optional[_Union[Person, _Mapping]] = ..., school: _Optional[_Union[School, _Mapping]] = ..., guardians: _Optional[_Iterable[_Union[Person, _Mapping]]] = ...) -> None: ...

class AuthenticateRequest(_message.Message):
    __slots__ = ("username", "password")
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    PASSWORD_FIELD_NUMBER: _ClassVar[int]
    username: str
    password: str
    def __init__(self, username: _Optional[str] = ..., password: _Optional[str] = ...) -> None: ...

class AuthenticateResponse(_message.Message):
    __slots__ = ("person",)
    PERSON_FIELD_NUMBER: _ClassVar[int]
    person: Person
    def __init__(self, person: _Optional[_Union[Person, _Mapping]] = ...) -> None: ...
