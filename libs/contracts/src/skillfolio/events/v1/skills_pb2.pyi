from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class FrameworkDefined(_message.Message):
    __slots__ = ("framework_id", "district_id", "school_id", "name", "grade_bands")
    FRAMEWORK_ID_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_BANDS_FIELD_NUMBER: _ClassVar[int]
    framework_id: str
    district_id: str
    school_id: str
    name: str
    grade_bands: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, framework_id: _Optional[str] = ..., district_id: _Optional[str] = ..., school_id: _Optional[str] = ..., name: _Optional[str] = ..., grade_bands: _Optional[_Iterable[str]] = ...) -> None: ...

class SkillChanged(_message.Message):
    __slots__ = ("skill_id", "framework_id", "district_id", "school_id", "code", "name", "colour", "text_colour", "retired", "scale_id")
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    FRAMEWORK_ID_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    TEXT_COLOUR_FIELD_NUMBER: _ClassVar[int]
    RETIRED_FIELD_NUMBER: _ClassVar[int]
    SCALE_ID_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    framework_id: str
    district_id: str
    school_id: str
    code: str
    name: str
    colour: str
    text_colour: str
    retired: bool
    scale_id: str
    def __init__(self, skill_id: _Optional[str] = ..., framework_id: _Optional[str] = ..., district_id: _Optional[str] = ..., school_id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., colour: _Optional[str] = ..., text_colour: _Optional[str] = ..., retired: bool = ..., scale_id: _Optional[str] = ...) -> None: ...

class ScaleDefined(_message.Message):
    __slots__ = ("scale_id", "district_id", "code", "name", "level_names", "level_ranks", "level_descriptions")
    SCALE_ID_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_NAMES_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANKS_FIELD_NUMBER: _ClassVar[int]
    LEVEL_DESCRIPTIONS_FIELD_NUMBER: _ClassVar[int]
    scale_id: str
    district_id: str
    code: str
    name: str
    level_names: _containers.RepeatedScalarFieldContainer[str]
    level_ranks: _containers.RepeatedScalarFieldContainer[int]
    level_descriptions: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, scale_id: _Optional[str] = ..., district_id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., level_names: _Optional[_Iterable[str]] = ..., level_ranks: _Optional[_Iterable[int]] = ..., level_descriptions: _Optional[_Iterable[str]] = ...) -> None: ...

class RubricDefined(_message.Message):
    __slots__ = ("rubric_id", "district_id", "code", "scale_id", "skill_id", "criteria", "name", "criterion_names", "level_ranks", "cells")
    RUBRIC_ID_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    SCALE_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CRITERION_NAMES_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANKS_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    rubric_id: str
    district_id: str
    code: str
    scale_id: str
    skill_id: str
    criteria: _containers.RepeatedScalarFieldContainer[str]
    name: str
    criterion_names: _containers.RepeatedScalarFieldContainer[str]
    level_ranks: _containers.RepeatedScalarFieldContainer[int]
    cells: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, rubric_id: _Optional[str] = ..., district_id: _Optional[str] = ..., code: _Optional[str] = ..., scale_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., criteria: _Optional[_Iterable[str]] = ..., name: _Optional[str] = ..., criterion_names: _Optional[_Iterable[str]] = ..., level_ranks: _Optional[_Iterable[int]] = ..., cells: _Optional[_Iterable[str]] = ...) -> None: ...
