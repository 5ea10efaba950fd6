from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GradeBand(_message.Message):
    __slots__ = ("code", "low_grade", "high_grade")
    CODE_FIELD_NUMBER: _ClassVar[int]
    LOW_GRADE_FIELD_NUMBER: _ClassVar[int]
    HIGH_GRADE_FIELD_NUMBER: _ClassVar[int]
    code: str
    low_grade: str
    high_grade: str
    def __init__(self, code: _Optional[str] = ..., low_grade: _Optional[str] = ..., high_grade: _Optional[str] = ...) -> None: ...

class Framework(_message.Message):
    __slots__ = ("id", "district_id", "school_id", "name", "grade_bands")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_BANDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    district_id: str
    school_id: str
    name: str
    grade_bands: _containers.RepeatedCompositeFieldContainer[GradeBand]
    def __init__(self, id: _Optional[str] = ..., district_id: _Optional[str] = ..., school_id: _Optional[str] = ..., name: _Optional[str] = ..., grade_bands: _Optional[_Iterable[_Union[GradeBand, _Mapping]]] = ...) -> None: ...

class Descriptor(_message.Message):
    __slots__ = ("band", "text")
    BAND_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    band: str
    text: str
    def __init__(self, band: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class Skill(_message.Message):
    __slots__ = ("id", "framework_id", "district_id", "school_id", "code", "name", "description", "colour", "text_colour", "descriptors", "retired", "scale_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    FRAMEWORK_ID_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    TEXT_COLOUR_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTORS_FIELD_NUMBER: _ClassVar[int]
    RETIRED_FIELD_NUMBER: _ClassVar[int]
    SCALE_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    framework_id: str
    district_id: str
    school_id: str
    code: str
    name: str
    description: str
    colour: str
    text_colour: str
    descriptors: _containers.RepeatedCompositeFieldContainer[Descriptor]
    retired: bool
    scale_id: str
    def __init__(self, id: _Optional[str] = ..., framework_id: _Optional[str] = ..., district_id: _Optional[str] = ..., school_id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., colour: _Optional[str] = ..., text_colour: _Optional[str] = ..., descriptors: _Optional[_Iterable[_Union[Descriptor, _Mapping]]] = ..., retired: bool = ..., scale_id: _Optional[str] = ...) -> None: ...

class Level(_message.Message):
    __slots__ = ("rank", "name", "description")
    RANK_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    rank: int
    name: str
    description: str
    def __init__(self, rank: _Optional[int] = ..., name: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class Scale(_message.Message):
    __slots__ = ("id", "district_id", "code", "name", "levels")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    LEVELS_FIELD_NUMBER: _ClassVar[int]
    id: str
    district_id: str
    code: str
    name: str
    levels: _containers.RepeatedCompositeFieldContainer[Level]
    def __init__(self, id: _Optional[str] = ..., district_id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., levels: _Optional[_Iterable[_Union[Level, _Mapping]]] = ...) -> None: ...

class Cell(_message.Message):
    __slots__ = ("level_rank", "descriptor")
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTOR_FIELD_NUMBER: _ClassVar[int]
    level_rank: int
    descriptor: str
    def __init__(self, level_rank: _Optional[int] = ..., descriptor: _Optional[str] = ...) -> None: ...

class Criterion(_message.Message):
    __slots__ = ("code", "name", "cells")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    cells: _containers.RepeatedCompositeFieldContainer[Cell]
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., cells: _Optional[_Iterable[_Union[Cell, _Mapping]]] = ...) -> None: ...

class Rubric(_message.Message):
    __slots__ = ("id", "district_id", "code", "name", "scale_id", "skill_id", "criteria")
    ID_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCALE_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    id: str
    district_id: str
    code: str
    name: str
    scale_id: str
    skill_id: str
    criteria: _containers.RepeatedCompositeFieldContainer[Criterion]
    def __init__(self, id: _Optional[str] = ..., district_id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., scale_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., criteria: _Optional[_Iterable[_Union[Criterion, _Mapping]]] = ...) -> None: ...

class PageRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class DefineFrameworkRequest(_message.Message):
    __slots__ = ("district_id", "school_id", "name", "grade_bands")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_BANDS_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    school_id: str
    name: str
    grade_bands: _containers.RepeatedCompositeFieldContainer[GradeBand]
    def __init__(self, district_id: _Optional[str] = ..., school_id: _Optional[str] = ..., name: _Optional[str] = ..., grade_bands: _Optional[_Iterable[_Union[GradeBand, _Mapping]]] = ...) -> None: ...

class DefineFrameworkResponse(_message.Message):
    __slots__ = ("framework",)
    FRAMEWORK_FIELD_NUMBER: _ClassVar[int]
    framework: Framework
    def __init__(self, framework: _Optional[_Union[Framework, _Mapping]] = ...) -> None: ...

class GetFrameworkRequest(_message.Message):
    __slots__ = ("district_id", "school_id")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    school_id: str
    def __init__(self, district_id: _Optional[str] = ..., school_id: _Optional[str] = ...) -> None: ...

class GetFrameworkResponse(_message.Message):
    __slots__ = ("framework",)
    FRAMEWORK_FIELD_NUMBER: _ClassVar[int]
    framework: Framework
    def __init__(self, framework: _Optional[_Union[Framework, _Mapping]] = ...) -> None: ...

class GetSkillRequest(_message.Message):
    __slots__ = ("skill_id",)
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    def __init__(self, skill_id: _Optional[str] = ...) -> None: ...

class GetSkillResponse(_message.Message):
    __slots__ = ("skill",)
    SKILL_FIELD_NUMBER: _ClassVar[int]
    skill: Skill
    def __init__(self, skill: _Optional[_Union[Skill, _Mapping]] = ...) -> None: ...

class ListSkillsRequest(_message.Message):
    __slots__ = ("district_id", "framework_id", "school_id", "include_retired", "page")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    FRAMEWORK_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_RETIRED_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    framework_id: str
    school_id: str
    include_retired: bool
    page: PageRequest
    def __init__(self, district_id: _Optional[str] = ..., framework_id: _Optional[str] = ..., school_id: _Optional[str] = ..., include_retired: bool = ..., page: _Optional[_Union[PageRequest, _Mapping]] = ...) -> None: ...

class ListSkillsResponse(_message.Message):
    __slots__ = ("skills", "next_page_token")
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    skills: _containers.RepeatedCompositeFieldContainer[Skill]
    next_page_token: str
    def __init__(self, skills: _Optional[_Iterable[_Union[Skill, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class SkillFields(_message.Message):
    __slots__ = ("code", "name", "description", "colour", "descriptors", "scale_id")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTORS_FIELD_NUMBER: _ClassVar[int]
    SCALE_ID_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    description: str
    colour: str
    descriptors: _containers.RepeatedCompositeFieldContainer[Descriptor]
    scale_id: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., colour: _Optional[str] = ..., descriptors: _Optional[_Iterable[_Union[Descriptor, _Mapping]]] = ..., scale_id: _Optional[str] = ...) -> None: ...

class CreateSkillRequest(_message.Message):
    __slots__ = ("district_id", "school_id", "skill")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    school_id: str
    skill: SkillFields
    def __init__(self, district_id: _Optional[str] = ..., school_id: _Optional[str] = ..., skill: _Optional[_Union[SkillFields, _Mapping]] = ...) -> None: ...

class CreateSkillResponse(_message.Message):
    __slots__ = ("skill",)
    SKILL_FIELD_NUMBER: _ClassVar[int]
    skill: Skill
    def __init__(self, skill: _Optional[_Union[Skill, _Mapping]] = ...) -> None: ...

class UpdateSkillRequest(_message.Message):
    __slots__ = ("skill_id", "skill")
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    skill: SkillFields
    def __init__(self, skill_id: _Optional[str] = ..., skill: _Optional[_Union[SkillFields, _Mapping]] = ...) -> None: ...

class UpdateSkillResponse(_message.Message):
    __slots__ = ("skill",)
    SKILL_FIELD_NUMBER: _ClassVar[int]
    skill: Skill
    def __init__(self, skill: _Optional[_Union[Skill, _Mapping]] = ...) -> None: ...

class RetireSkillRequest(_message.Message):
    __slots__ = ("skill_id",)
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    def __init__(self, skill_id: _Optional[str] = ...) -> None: ...

class RetireSkillResponse(_message.Message):
    __slots__ = ("skill",)
    SKILL_FIELD_NUMBER: _ClassVar[int]
    skill: Skill
    def __init__(self, skill: _Optional[_Union[Skill, _Mapping]] = ...) -> None: ...

class DeleteSkillRequest(_message.Message):
    __slots__ = ("skill_id",)
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    def __init__(self, skill_id: _Optional[str] = ...) -> None: ...

class DeleteSkillResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetEffectiveSkillsRequest(_message.Message):
    __slots__ = ("district_id", "school_id", "include_retired")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_RETIRED_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    school_id: str
    include_retired: bool
    def __init__(self, district_id: _Optional[str] = ..., school_id: _Optional[str] = ..., include_retired: bool = ...) -> None: ...

class GetEffectiveSkillsResponse(_message.Message):
    __slots__ = ("skills",)
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    skills: _containers.RepeatedCompositeFieldContainer[Skill]
    def __init__(self, skills: _Optional[_Iterable[_Union[Skill, _Mapping]]] = ...) -> None: ...

class DefineScaleRequest(_message.Message):
    __slots__ = ("district_id", "code", "name", "levels")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    LEVELS_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    code: str
    name: str
    levels: _containers.RepeatedCompositeFieldContainer[Level]
    def __init__(self, district_id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., levels: _Optional[_Iterable[_Union[Level, _Mapping]]] = ...) -> None: ...

class DefineScaleResponse(_message.Message):
    __slots__ = ("scale",)
    SCALE_FIELD_NUMBER: _ClassVar[int]
    scale: Scale
    def __init__(self, scale: _Optional[_Union[Scale, _Mapping]] = ...) -> None: ...

class GetScaleRequest(_message.Message):
    __slots__ = ("scale_id",)
    SCALE_ID_FIELD_NUMBER: _ClassVar[int]
    scale_id: str
    def __init__(self, scale_id: _Optional[str] = ...) -> None: ...

class GetScaleResponse(_message.Message):
    __slots__ = ("scale",)
    SCALE_FIELD_NUMBER: _ClassVar[int]
    scale: Scale
    def __init__(self, scale: _Optional[_Union[Scale, _Mapping]] = ...) -> None: ...

class ListScalesRequest(_message.Message):
    __slots__ = ("district_id", "page")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    page: PageRequest
    def __init__(self, district_id: _Optional[str] = ..., page: _Optional[_Union[PageRequest, _Mapping]] = ...) -> None: ...

class ListScalesResponse(_message.Message):
    __slots__ = ("scales", "next_page_token")
    SCALES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    scales: _containers.RepeatedCompositeFieldContainer[Scale]
    next_page_token: str
    def __init__(self, scales: _Optional[_Iterable[_Union[Scale, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DefineRubricRequest(_message.Message):
    __slots__ = ("district_id", "code", "name", "scale_id", "skill_id", "criteria")
    DISTRICT_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCALE_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    district_id: str
    code: str
    name: str
    scale_id: str
    skill_id: str
    criteria: _containers.RepeatedCompositeFieldContainer[Criterion]
    def __init__(self, district_id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., scale_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., criteria: _Optional[_Iterable[_Union[Criterion, _Mapping]]] = ...) -> None: ...

class DefineRubricResponse(_message.Message):
    __slots__ = ("rubric",)
    RUBRIC_FIELD_NUMBER: _ClassVar[int]
    rubric: Rubric
    def __init__(self, rubric: _Optional[_Union[Rubric, _Mapping]] = ...) -> None: ...

class GetRubricRequest(_message.Message):
    __slots__ = ("rubric_id",)
    RUBRIC_ID_FIELD_NUMBER: _ClassVar[int]
    rubric_id: str
    def __init__(self, rubric_id: _Optional[str] = ...) -> None: ...

class GetRubricResponse(_message.Message):
    __slots__ = ("rubric",)
    RUBRIC_FIELD_NUMBER: _ClassVar[int]
    rubric: Rubric
    def __init__(self, rubric: _Optional[_Union[Rubric, _Mapping]] = ...) -> None: ...
