from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Level(_message.Message):
    __slots__ = ("rank", "name", "description")
    RANK_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    rank: int
    name: str
    description: str
    def __init__(self, rank: _Optional[int] = ..., name: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class Criterion(_message.Message):
    __slots__ = ("code", "name", "descriptors")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTORS_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    descriptors: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., descriptors: _Optional[_Iterable[str]] = ...) -> None: ...

class Instrument(_message.Message):
    __slots__ = ("skill_id", "skill_name", "scale_id", "scale_name", "levels", "rubric_id", "rubric_name", "criteria")
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_NAME_FIELD_NUMBER: _ClassVar[int]
    SCALE_ID_FIELD_NUMBER: _ClassVar[int]
    SCALE_NAME_FIELD_NUMBER: _ClassVar[int]
    LEVELS_FIELD_NUMBER: _ClassVar[int]
    RUBRIC_ID_FIELD_NUMBER: _ClassVar[int]
    RUBRIC_NAME_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    skill_name: str
    scale_id: str
    scale_name: str
    levels: _containers.RepeatedCompositeFieldContainer[Level]
    rubric_id: str
    rubric_name: str
    criteria: _containers.RepeatedCompositeFieldContainer[Criterion]
    def __init__(self, skill_id: _Optional[str] = ..., skill_name: _Optional[str] = ..., scale_id: _Optional[str] = ..., scale_name: _Optional[str] = ..., levels: _Optional[_Iterable[_Union[Level, _Mapping]]] = ..., rubric_id: _Optional[str] = ..., rubric_name: _Optional[str] = ..., criteria: _Optional[_Iterable[_Union[Criterion, _Mapping]]] = ...) -> None: ...

class CriterionLevel(_message.Message):
    __slots__ = ("criterion_code", "level_rank")
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    criterion_code: str
    level_rank: int
    def __init__(self, criterion_code: _Optional[str] = ..., level_rank: _Optional[int] = ...) -> None: ...

class Assessment(_message.Message):
    __slots__ = ("id", "artifact_id", "skill_id", "assessor_id", "assessor_role", "level_rank", "level_name", "comment", "criterion_levels", "assessed_at", "disagreements", "amended")
    ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    ASSESSOR_ID_FIELD_NUMBER: _ClassVar[int]
    ASSESSOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    LEVEL_NAME_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    CRITERION_LEVELS_FIELD_NUMBER: _ClassVar[int]
    ASSESSED_AT_FIELD_NUMBER: _ClassVar[int]
    DISAGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    AMENDED_FIELD_NUMBER: _ClassVar[int]
    id: str
    artifact_id: str
    skill_id: str
    assessor_id: str
    assessor_role: str
    level_rank: int
    level_name: str
    comment: str
    criterion_levels: _containers.RepeatedCompositeFieldContainer[CriterionLevel]
    assessed_at: str
    disagreements: _containers.RepeatedScalarFieldContainer[str]
    amended: bool
    def __init__(self, id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., assessor_id: _Optional[str] = ..., assessor_role: _Optional[str] = ..., level_rank: _Optional[int] = ..., level_name: _Optional[str] = ..., comment: _Optional[str] = ..., criterion_levels: _Optional[_Iterable[_Union[CriterionLevel, _Mapping]]] = ..., assessed_at: _Optional[str] = ..., disagreements: _Optional[_Iterable[str]] = ..., amended: bool = ...) -> None: ...

class GetInstrumentRequest(_message.Message):
    __slots__ = ("artifact_id", "skill_id")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    skill_id: str
    def __init__(self, artifact_id: _Optional[str] = ..., skill_id: _Optional[str] = ...) -> None: ...

class GetInstrumentResponse(_message.Message):
    __slots__ = ("instrument",)
    INSTRUMENT_FIELD_NUMBER: _ClassVar[int]
    instrument: Instrument
    def __init__(self, instrument: _Optional[_Union[Instrument, _Mapping]] = ...) -> None: ...

class AssessRequest(_message.Message):
    __slots__ = ("artifact_id", "skill_id", "level_rank", "comment", "criterion_levels")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    CRITERION_LEVELS_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    skill_id: str
    level_rank: int
    comment: str
    criterion_levels: _containers.RepeatedCompositeFieldContainer[CriterionLevel]
    def __init__(self, artifact_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., level_rank: _Optional[int] = ..., comment: _Optional[str] = ..., criterion_levels: _Optional[_Iterable[_Union[CriterionLevel, _Mapping]]] = ...) -> None: ...

class AssessResponse(_message.Message):
    __slots__ = ("assessment",)
    ASSESSMENT_FIELD_NUMBER: _ClassVar[int]
    assessment: Assessment
    def __init__(self, assessment: _Optional[_Union[Assessment, _Mapping]] = ...) -> None: ...

class SelfAssessRequest(_message.Message):
    __slots__ = ("artifact_id", "skill_id", "level_rank", "comment", "criterion_levels")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    CRITERION_LEVELS_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    skill_id: str
    level_rank: int
    comment: str
    criterion_levels: _containers.RepeatedCompositeFieldContainer[CriterionLevel]
    def __init__(self, artifact_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., level_rank: _Optional[int] = ..., comment: _Optional[str] = ..., criterion_levels: _Optional[_Iterable[_Union[CriterionLevel, _Mapping]]] = ...) -> None: ...

class SelfAssessResponse(_message.Message):
    __slots__ = ("assessment",)
    ASSESSMENT_FIELD_NUMBER: _ClassVar[int]
    assessment: Assessment
    def __init__(self, assessment: _Optional[_Union[Assessment, _Mapping]] = ...) -> None: ...

class SkillAssessments(_message.Message):
    __slots__ = ("skill_id", "skill_name", "teacher_assessments", "self_assessments")
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_NAME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ASSESSMENTS_FIELD_NUMBER: _ClassVar[int]
    SELF_ASSESSMENTS_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    skill_name: str
    teacher_assessments: _containers.RepeatedCompositeFieldContainer[Assessment]
    self_assessments: _containers.RepeatedCompositeFieldContainer[Assessment]
    def __init__(self, skill_id: _Optional[str] = ..., skill_name: _Optional[str] = ..., teacher_assessments: _Optional[_Iterable[_Union[Assessment, _Mapping]]] = ..., self_assessments: _Optional[_Iterable[_Union[Assessment, _Mapping]]] = ...) -> None: ...

class ListAssessmentsRequest(_message.Message):
    __slots__ = ("artifact_id",)
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    def __init__(self, artifact_id: _Optional[str] = ...) -> None: ...

class ListAssessmentsResponse(_message.Message):
    __slots__ = ("skills",)
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    skills: _containers.RepeatedCompositeFieldContainer[SkillAssessments]
    def __init__(self, skills: _Optional[_Iterable[_Union[SkillAssessments, _Mapping]]] = ...) -> None: ...

class GrowthPoints(_message.Message):
    __slots__ = ("assessed_at_us", "level_rank", "level_name", "max_rank", "artifact_id", "assessor_role")
    ASSESSED_AT_US_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    LEVEL_NAME_FIELD_NUMBER: _ClassVar[int]
    MAX_RANK_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    ASSESSOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    assessed_at_us: _containers.RepeatedScalarFieldContainer[int]
    level_rank: _containers.RepeatedScalarFieldContainer[int]
    level_name: _containers.RepeatedScalarFieldContainer[str]
    max_rank: _containers.RepeatedScalarFieldContainer[int]
    artifact_id: _containers.RepeatedScalarFieldContainer[str]
    assessor_role: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, assessed_at_us: _Optional[_Iterable[int]] = ..., level_rank: _Optional[_Iterable[int]] = ..., level_name: _Optional[_Iterable[str]] = ..., max_rank: _Optional[_Iterable[int]] = ..., artifact_id: _Optional[_Iterable[str]] = ..., assessor_role: _Optional[_Iterable[str]] = ...) -> None: ...

class GrowthYear(_message.Message):
    __slots__ = ("school_year_id", "title", "start_date", "artifacts_tagged", "points")
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    ARTIFACTS_TAGGED_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    school_year_id: str
    title: str
    start_date: str
    artifacts_tagged: int
    points: GrowthPoints
    def __init__(self, school_year_id: _Optional[str] = ..., title: _Optional[str] = ..., start_date: _Optional[str] = ..., artifacts_tagged: _Optional[int] = ..., points: _Optional[_Union[GrowthPoints, _Mapping]] = ...) -> None: ...

class SkillGrowth(_message.Message):
    __slots__ = ("skill_id", "skill_name", "colour", "max_rank", "years")
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_NAME_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    MAX_RANK_FIELD_NUMBER: _ClassVar[int]
    YEARS_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    skill_name: str
    colour: str
    max_rank: int
    years: _containers.RepeatedCompositeFieldContainer[GrowthYear]
    def __init__(self, skill_id: _Optional[str] = ..., skill_name: _Optional[str] = ..., colour: _Optional[str] = ..., max_rank: _Optional[int] = ..., years: _Optional[_Iterable[_Union[GrowthYear, _Mapping]]] = ...) -> None: ...

class GetGrowthRequest(_message.Message):
    __slots__ = ("student_id",)
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    def __init__(self, student_id: _Optional[str] = ...) -> None: ...

class GetGrowthResponse(_message.Message):
    __slots__ = ("student_id", "skills")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    skills: _containers.RepeatedCompositeFieldContainer[SkillGrowth]
    def __init__(self, student_id: _Optional[str] = ..., skills: _Optional[_Iterable[_Union[SkillGrowth, _Mapping]]] = ...) -> None: ...
