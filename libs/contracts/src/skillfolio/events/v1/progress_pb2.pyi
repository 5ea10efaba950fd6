from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class PointOfProgressCompleted(_message.Message):
    __slots__ = ("point_id", "student_id", "section_id", "term_id", "term_name", "school_year_id", "teacher_id", "skill_id", "level_rank", "level_name", "artifact_ids")
    POINT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_NAME_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    LEVEL_NAME_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    point_id: str
    student_id: str
    section_id: str
    term_id: str
    term_name: str
    school_year_id: str
    teacher_id: str
    skill_id: str
    level_rank: int
    level_name: str
    artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, point_id: _Optional[str] = ..., student_id: _Optional[str] = ..., section_id: _Optional[str] = ..., term_id: _Optional[str] = ..., term_name: _Optional[str] = ..., school_year_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., level_rank: _Optional[int] = ..., level_name: _Optional[str] = ..., artifact_ids: _Optional[_Iterable[str]] = ...) -> None: ...
