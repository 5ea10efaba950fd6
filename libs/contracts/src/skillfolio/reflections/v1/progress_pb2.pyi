from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ProgressTerm(_message.Message):
    __slots__ = ("id", "school_year_id", "name", "due_on", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    school_year_id: str
    name: str
    due_on: str
    updated_at: str
    def __init__(self, id: _Optional[str] = ..., school_year_id: _Optional[str] = ..., name: _Optional[str] = ..., due_on: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class PointOfProgress(_message.Message):
    __slots__ = ("id", "student_id", "section_id", "term_id", "term_name", "teacher_id", "teacher_name", "skill_id", "skill_name", "level_rank", "level_name", "comment", "artifact_ids", "completed_at", "updated_at", "editable_until", "late", "viewer_can_edit")
    ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_NAME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_NAME_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_NAME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    LEVEL_NAME_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    EDITABLE_UNTIL_FIELD_NUMBER: _ClassVar[int]
    LATE_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_EDIT_FIELD_NUMBER: _ClassVar[int]
    id: str
    student_id: str
    section_id: str
    term_id: str
    term_name: str
    teacher_id: str
    teacher_name: str
    skill_id: str
    skill_name: str
    level_rank: int
    level_name: str
    comment: str
    artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    completed_at: str
    updated_at: str
    editable_until: str
    late: bool
    viewer_can_edit: bool
    def __init__(self, id: _Optional[str] = ..., student_id: _Optional[str] = ..., section_id: _Optional[str] = ..., term_id: _Optional[str] = ..., term_name: _Optional[str] = ..., teacher_id: _Optional[str] = ..., teacher_name: _Optional[str] = ..., skill_id: _Optional[str] = ..., skill_name: _Optional[str] = ..., level_rank: _Optional[int] = ..., level_name: _Optional[str] = ..., comment: _Optional[str] = ..., artifact_ids: _Optional[_Iterable[str]] = ..., completed_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., editable_until: _Optional[str] = ..., late: bool = ..., viewer_can_edit: bool = ...) -> None: ...

class SetProgressTermRequest(_message.Message):
    __slots__ = ("school_year_id", "name", "due_on")
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    school_year_id: str
    name: str
    due_on: str
    def __init__(self, school_year_id: _Optional[str] = ..., name: _Optional[str] = ..., due_on: _Optional[str] = ...) -> None: ...

class SetProgressTermResponse(_message.Message):
    __slots__ = ("term",)
    TERM_FIELD_NUMBER: _ClassVar[int]
    term: ProgressTerm
    def __init__(self, term: _Optional[_Union[ProgressTerm, _Mapping]] = ...) -> None: ...

class ListProgressTermsRequest(_message.Message):
    __slots__ = ("school_year_id",)
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    school_year_id: str
    def __init__(self, school_year_id: _Optional[str] = ...) -> None: ...

class ListProgressTermsResponse(_message.Message):
    __slots__ = ("terms", "viewer_can_configure")
    TERMS_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_CONFIGURE_FIELD_NUMBER: _ClassVar[int]
    terms: _containers.RepeatedCompositeFieldContainer[ProgressTerm]
    viewer_can_configure: bool
    def __init__(self, terms: _Optional[_Iterable[_Union[ProgressTerm, _Mapping]]] = ..., viewer_can_configure: bool = ...) -> None: ...

class CompletePointOfProgressRequest(_message.Message):
    __slots__ = ("student_id", "section_id", "term_id", "skill_id", "level_rank", "comment", "artifact_ids")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    section_id: str
    term_id: str
    skill_id: str
    level_rank: int
    comment: str
    artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, student_id: _Optional[str] = ..., section_id: _Optional[str] = ..., term_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., level_rank: _Optional[int] = ..., comment: _Optional[str] = ..., artifact_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CompletePointOfProgressResponse(_message.Message):
    __slots__ = ("point",)
    POINT_FIELD_NUMBER: _ClassVar[int]
    point: PointOfProgress
    def __init__(self, point: _Optional[_Union[PointOfProgress, _Mapping]] = ...) -> None: ...

class ArtifactIds(_message.Message):
    __slots__ = ("ids",)
    IDS_FIELD_NUMBER: _ClassVar[int]
    ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, ids: _Optional[_Iterable[str]] = ...) -> None: ...

class UpdatePointOfProgressRequest(_message.Message):
    __slots__ = ("point_id", "comment", "level_rank", "artifact_ids")
    POINT_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    point_id: str
    comment: str
    level_rank: int
    artifact_ids: ArtifactIds
    def __init__(self, point_id: _Optional[str] = ..., comment: _Optional[str] = ..., level_rank: _Optional[int] = ..., artifact_ids: _Optional[_Union[ArtifactIds, _Mapping]] = ...) -> None: ...

class UpdatePointOfProgressResponse(_message.Message):
    __slots__ = ("point",)
    POINT_FIELD_NUMBER: _ClassVar[int]
    point: PointOfProgress
    def __init__(self, point: _Optional[_Union[PointOfProgress, _Mapping]] = ...) -> None: ...

class ListPointsOfProgressRequest(_message.Message):
    __slots__ = ("student_id",)
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    def __init__(self, student_id: _Optional[str] = ...) -> None: ...

class ListPointsOfProgressResponse(_message.Message):
    __slots__ = ("points",)
    POINTS_FIELD_NUMBER: _ClassVar[int]
    points: _containers.RepeatedCompositeFieldContainer[PointOfProgress]
    def __init__(self, points: _Optional[_Iterable[_Union[PointOfProgress, _Mapping]]] = ...) -> None: ...

class GetProgressChecklistRequest(_message.Message):
    __slots__ = ("section_id", "term_id")
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_ID_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    term_id: str
    def __init__(self, section_id: _Optional[str] = ..., term_id: _Optional[str] = ...) -> None: ...

class ChecklistRow(_message.Message):
    __slots__ = ("student_id", "student_name", "status", "point")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    POINT_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    student_name: str
    status: str
    point: PointOfProgress
    def __init__(self, student_id: _Optional[str] = ..., student_name: _Optional[str] = ..., status: _Optional[str] = ..., point: _Optional[_Union[PointOfProgress, _Mapping]] = ...) -> None: ...

class OverdueTerm(_message.Message):
    __slots__ = ("term", "missing_student_ids")
    TERM_FIELD_NUMBER: _ClassVar[int]
    MISSING_STUDENT_IDS_FIELD_NUMBER: _ClassVar[int]
    term: ProgressTerm
    missing_student_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, term: _Optional[_Union[ProgressTerm, _Mapping]] = ..., missing_student_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetProgressChecklistResponse(_message.Message):
    __slots__ = ("section_id", "school_year_id", "term", "terms", "rows", "overdue", "done_count", "missing_count")
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    TERM_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    DONE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MISSING_COUNT_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    school_year_id: str
    term: ProgressTerm
    terms: _containers.RepeatedCompositeFieldContainer[ProgressTerm]
    rows: _containers.RepeatedCompositeFieldContainer[ChecklistRow]
    overdue: _containers.RepeatedCompositeFieldContainer[OverdueTerm]
    done_count: int
    missing_count: int
    def __init__(self, section_id: _Optional[str] = ..., school_year_id: _Optional[str] = ..., term: _Optional[_Union[ProgressTerm, _Mapping]] = ..., terms: _Optional[_Iterable[_Union[ProgressTerm, _Mapping]]] = ..., rows: _Optional[_Iterable[_Union[ChecklistRow, _Mapping]]] = ..., overdue: _Optional[_Iterable[_Union[OverdueTerm, _Mapping]]] = ..., done_count: _Optional[int] = ..., missing_count: _Optional[int] = ...) -> None: ...
