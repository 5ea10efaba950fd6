from skillfolio.roster.v1 import roster_pb2 as _roster_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Term(_message.Message):
    __slots__ = ("id", "title", "type", "start_date", "end_date")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    type: str
    start_date: str
    end_date: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., type: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ...) -> None: ...

class ListSectionTermsRequest(_message.Message):
    __slots__ = ("section_id",)
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    def __init__(self, section_id: _Optional[str] = ...) -> None: ...

class ListSectionTermsResponse(_message.Message):
    __slots__ = ("terms",)
    TERMS_FIELD_NUMBER: _ClassVar[int]
    terms: _containers.RepeatedCompositeFieldContainer[Term]
    def __init__(self, terms: _Optional[_Iterable[_Union[Term, _Mapping]]] = ...) -> None: ...

class GetSectionRosterRequest(_message.Message):
    __slots__ = ("section_id", "term_id")
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    term_id: str
    def __init__(self, section_id: _Optional[str] = ..., term_id: _Optional[str] = ...) -> None: ...

class GetSectionRosterResponse(_message.Message):
    __slots__ = ("section", "district_id", "terms", "students")
    SECTION_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    STUDENTS_FIELD_NUMBER: _ClassVar[int]
    section: _roster_pb2.Section
    district_id: str
    terms: _containers.RepeatedCompositeFieldContainer[Term]
    students: _containers.RepeatedCompositeFieldContainer[_roster_pb2.Person]
    def __init__(self, section: _Optional[_Union[_roster_pb2.Section, _Mapping]] = ..., district_id: _Optional[str] = ..., terms: _Optional[_Iterable[_Union[Term, _Mapping]]] = ..., students: _Optional[_Iterable[_Union[_roster_pb2.Person, _Mapping]]] = ...) -> None: ...
