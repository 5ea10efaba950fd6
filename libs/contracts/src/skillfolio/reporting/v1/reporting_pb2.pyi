from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Filter(_message.Message):
    __slots__ = ("school_year_id", "school_id", "grade", "skill_id")
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    school_year_id: str
    school_id: str
    grade: str
    skill_id: str
    def __init__(self, school_year_id: _Optional[str] = ..., school_id: _Optional[str] = ..., grade: _Optional[str] = ..., skill_id: _Optional[str] = ...) -> None: ...

class Cell(_message.Message):
    __slots__ = ("count", "share", "display", "suppressed", "reason")
    COUNT_FIELD_NUMBER: _ClassVar[int]
    SHARE_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_FIELD_NUMBER: _ClassVar[int]
    SUPPRESSED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    count: int
    share: float
    display: str
    suppressed: bool
    reason: str
    def __init__(self, count: _Optional[int] = ..., share: _Optional[float] = ..., display: _Optional[str] = ..., suppressed: bool = ..., reason: _Optional[str] = ...) -> None: ...

class Column(_message.Message):
    __slots__ = ("key", "label", "kind")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    key: str
    label: str
    kind: str
    def __init__(self, key: _Optional[str] = ..., label: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class Row(_message.Message):
    __slots__ = ("key", "label", "colour", "drill", "cells")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    DRILL_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    key: str
    label: str
    colour: str
    drill: Filter
    cells: _containers.RepeatedCompositeFieldContainer[Cell]
    def __init__(self, key: _Optional[str] = ..., label: _Optional[str] = ..., colour: _Optional[str] = ..., drill: _Optional[_Union[Filter, _Mapping]] = ..., cells: _Optional[_Iterable[_Union[Cell, _Mapping]]] = ...) -> None: ...

class SuppressionRule(_message.Message):
    __slots__ = ("minimum_group_size", "complementary", "share_bounds", "description")
    MINIMUM_GROUP_SIZE_FIELD_NUMBER: _ClassVar[int]
    COMPLEMENTARY_FIELD_NUMBER: _ClassVar[int]
    SHARE_BOUNDS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    minimum_group_size: int
    complementary: bool
    share_bounds: bool
    description: str
    def __init__(self, minimum_group_size: _Optional[int] = ..., complementary: bool = ..., share_bounds: bool = ..., description: _Optional[str] = ...) -> None: ...

class Table(_message.Message):
    __slots__ = ("name", "title", "columns", "rows", "totals", "rule", "as_of", "text_alternative")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    TEXT_ALTERNATIVE_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    columns: _containers.RepeatedCompositeFieldContainer[Column]
    rows: _containers.RepeatedCompositeFieldContainer[Row]
    totals: Row
    rule: SuppressionRule
    as_of: str
    text_alternative: str
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., columns: _Optional[_Iterable[_Union[Column, _Mapping]]] = ..., rows: _Optional[_Iterable[_Union[Row, _Mapping]]] = ..., totals: _Optional[_Union[Row, _Mapping]] = ..., rule: _Optional[_Union[SuppressionRule, _Mapping]] = ..., as_of: _Optional[str] = ..., text_alternative: _Optional[str] = ...) -> None: ...

class Headline(_message.Message):
    __slots__ = ("key", "label", "value")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    key: str
    label: str
    value: Cell
    def __init__(self, key: _Optional[str] = ..., label: _Optional[str] = ..., value: _Optional[_Union[Cell, _Mapping]] = ...) -> None: ...

class ReportInfo(_message.Message):
    __slots__ = ("name", "title")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ...) -> None: ...

class SchoolYearOption(_message.Message):
    __slots__ = ("id", "name", "current")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    current: bool
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., current: bool = ...) -> None: ...

class SchoolOption(_message.Message):
    __slots__ = ("id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class SkillOption(_message.Message):
    __slots__ = ("id", "name", "colour", "text_colour")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    TEXT_COLOUR_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    colour: str
    text_colour: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., colour: _Optional[str] = ..., text_colour: _Optional[str] = ...) -> None: ...

class GetDashboardRequest(_message.Message):
    __slots__ = ("filter",)
    FILTER_FIELD_NUMBER: _ClassVar[int]
    filter: Filter
    def __init__(self, filter: _Optional[_Union[Filter, _Mapping]] = ...) -> None: ...

class GetDashboardResponse(_message.Message):
    __slots__ = ("filter", "headlines", "tables", "as_of", "rule")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    HEADLINES_FIELD_NUMBER: _ClassVar[int]
    TABLES_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    filter: Filter
    headlines: _containers.RepeatedCompositeFieldContainer[Headline]
    tables: _containers.RepeatedCompositeFieldContainer[Table]
    as_of: str
    rule: SuppressionRule
    def __init__(self, filter: _Optional[_Union[Filter, _Mapping]] = ..., headlines: _Optional[_Iterable[_Union[Headline, _Mapping]]] = ..., tables: _Optional[_Iterable[_Union[Table, _Mapping]]] = ..., as_of: _Optional[str] = ..., rule: _Optional[_Union[SuppressionRule, _Mapping]] = ...) -> None: ...

class GetReportRequest(_message.Message):
    __slots__ = ("name", "filter")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    name: str
    filter: Filter
    def __init__(self, name: _Optional[str] = ..., filter: _Optional[_Union[Filter, _Mapping]] = ...) -> None: ...

class GetReportResponse(_message.Message):
    __slots__ = ("filter", "table")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    TABLE_FIELD_NUMBER: _ClassVar[int]
    filter: Filter
    table: Table
    def __init__(self, filter: _Optional[_Union[Filter, _Mapping]] = ..., table: _Optional[_Union[Table, _Mapping]] = ...) -> None: ...

class ListReportsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListReportsResponse(_message.Message):
    __slots__ = ("reports",)
    REPORTS_FIELD_NUMBER: _ClassVar[int]
    reports: _containers.RepeatedCompositeFieldContainer[ReportInfo]
    def __init__(self, reports: _Optional[_Iterable[_Union[ReportInfo, _Mapping]]] = ...) -> None: ...

class ListFilterOptionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListFilterOptionsResponse(_message.Message):
    __slots__ = ("school_years", "schools", "grades", "skills", "district_id", "fixed_school_id")
    SCHOOL_YEARS_FIELD_NUMBER: _ClassVar[int]
    SCHOOLS_FIELD_NUMBER: _ClassVar[int]
    GRADES_FIELD_NUMBER: _ClassVar[int]
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    FIXED_SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    school_years: _containers.RepeatedCompositeFieldContainer[SchoolYearOption]
    schools: _containers.RepeatedCompositeFieldContainer[SchoolOption]
    grades: _containers.RepeatedScalarFieldContainer[str]
    skills: _containers.RepeatedCompositeFieldContainer[SkillOption]
    district_id: str
    fixed_school_id: str
    def __init__(self, school_years: _Optional[_Iterable[_Union[SchoolYearOption, _Mapping]]] = ..., schools: _Optional[_Iterable[_Union[SchoolOption, _Mapping]]] = ..., grades: _Optional[_Iterable[str]] = ..., skills: _Optional[_Iterable[_Union[SkillOption, _Mapping]]] = ..., district_id: _Optional[str] = ..., fixed_school_id: _Optional[str] = ...) -> None: ...
