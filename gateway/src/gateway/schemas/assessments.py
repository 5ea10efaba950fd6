"""The REST API's assessment and growth shapes: request bodies (validated, documented in /docs) and responses built
straight from the AssessmentsService's protobuf messages (skillfolio.reflections.v1.assessments)."""
from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from gateway.schemas.common import Count
from skillfolio.reflections.v1 import assessments_pb2 as pb


class CriterionLevel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    criterion_code: str = Field(min_length=1, max_length=64)
    level_rank: int = Field(ge=0, le=1000, description="A rank of the rubric's scale (1 = lowest).")


class NewAssessment(BaseModel):
    """A level of the skill's scale, a strength-based comment (required from a teacher) and, when the skill has a
    rubric, a level per criterion."""

    model_config = ConfigDict(extra="forbid")

    skill_id: str = Field(min_length=1, max_length=64, description="A skill tagged on the artifact.")
    level_rank: int = Field(ge=0, le=1000, description="A rank of the skill's scale (1 = lowest).")
    comment: str = Field("", max_length=5000, description="What the learner can do (required from a teacher).")
    criterion_levels: list[CriterionLevel] = Field(default_factory=list, max_length=100)

    def request_fields(self) -> dict:
        return {"skill_id": self.skill_id, "level_rank": self.level_rank, "comment": self.comment,
                "criterion_levels": [pb.CriterionLevel(criterion_code=c.criterion_code, level_rank=c.level_rank)
                                     for c in self.criterion_levels]}


class Level(BaseModel):
    rank: Count
    name: str
    description: str


class Criterion(BaseModel):
    code: str
    name: str
    descriptors: list[str] = Field(description="One per level, in the order of the instrument's levels.")


class Instrument(BaseModel):
    skill_id: str
    skill_name: str
    scale_id: str
    scale_name: str
    levels: list[Level]
    rubric_id: str = Field(description="Empty when the skill has no rubric.")
    rubric_name: str
    criteria: list[Criterion]


class Assessment(BaseModel):
    id: str
    artifact_id: str
    skill_id: str
    assessor_id: str
    assessor_role: str = Field(description="teacher | student (a self-assessment)")
    level_rank: Count
    level_name: str
    comment: str
    criterion_levels: list[CriterionLevel]
    assessed_at: str
    disagreements: list[str] = Field(default_factory=list, description="Statements of disagreement attached after "
                                     "a refused amendment, oldest first (FERPA): shown beside the assessment.")
    amended: bool = Field(False, description="Its comment was changed by an amendment.")


class SkillAssessments(BaseModel):
    skill_id: str
    skill_name: str
    teacher_assessments: list[Assessment]
    self_assessments: list[Assessment]


class ArtifactAssessments(BaseModel):
    artifact_id: str
    skills: list[SkillAssessments]


class GrowthPoints(BaseModel):
    """A school year's assessment points as columns, oldest first: entry i of every list is point i."""

    assessed_at: list[str] = Field(description="ISO 8601, UTC.")
    level_rank: list[Count]
    level_name: list[str]
    max_rank: list[Count]
    artifact_id: list[str] = Field(description="The evidence: GET /api/v1/artifacts/{artifact_id}.")
    assessor_role: list[str] = Field(description="teacher, or student (a self-assessment).")


class GrowthYear(BaseModel):
    school_year_id: str
    title: str
    start_date: str
    artifacts_tagged: Count
    points: GrowthPoints


class SkillGrowth(BaseModel):
    skill_id: str
    skill_name: str
    colour: str
    max_rank: Count
    years: list[GrowthYear]


class Growth(BaseModel):
    student_id: str
    skills: list[SkillGrowth]


def instrument_json(m: pb.Instrument) -> dict:
    return {"skill_id": m.skill_id, "skill_name": m.skill_name, "scale_id": m.scale_id, "scale_name": m.scale_name,
            "levels": [{"rank": l.rank, "name": l.name, "description": l.description} for l in m.levels],
            "rubric_id": m.rubric_id, "rubric_name": m.rubric_name,
            "criteria": [{"code": c.code, "name": c.name, "descriptors": list(c.descriptors)} for c in m.criteria]}


def assessment_json(m: pb.Assessment) -> dict:
    return {"id": m.id, "artifact_id": m.artifact_id, "skill_id": m.skill_id, "assessor_id": m.assessor_id,
            "assessor_role": m.assessor_role, "level_rank": m.level_rank, "level_name": m.level_name,
            "comment": m.comment, "assessed_at": m.assessed_at,
            "criterion_levels": [{"criterion_code": c.criterion_code, "level_rank": c.level_rank}
                                 for c in m.criterion_levels]}


def assessments_json(artifact_id: str, reply: pb.ListAssessmentsResponse) -> dict:
    return {"artifact_id": artifact_id, "skills": [
        {"skill_id": s.skill_id, "skill_name": s.skill_name,
         "teacher_assessments": [assessment_json(a) for a in s.teacher_assessments],
         "self_assessments": [assessment_json(a) for a in s.self_assessments]} for s in reply.skills]}


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def growth_moment(microseconds: int) -> dt.datetime:
    """A GrowthPoints ``assessed_at_us`` as an aware UTC datetime (orjson writes it as ISO 8601, like isoformat)."""
    return _EPOCH + dt.timedelta(microseconds=microseconds)


def growth_points(columns: pb.GrowthPoints) -> list[tuple]:
    """A year's point columns as rows (assessed_at, level_rank, level_name, max_rank, artifact_id, assessor_role)."""
    return list(zip(map(growth_moment, columns.assessed_at_us), columns.level_rank, columns.level_name,
                    columns.max_rank, columns.artifact_id, columns.assessor_role))


def growth_points_json(columns: pb.GrowthPoints) -> dict:
    """A year's points as GrowthPoints columns (assessed_at as datetimes: orjson writes them as ISO 8601)."""
    return {"assessed_at": list(map(growth_moment, columns.assessed_at_us)), "level_rank": list(columns.level_rank),
            "level_name": list(columns.level_name), "max_rank": list(columns.max_rank),
            "artifact_id": list(columns.artifact_id), "assessor_role": list(columns.assessor_role)}


def growth_json(reply: pb.GetGrowthResponse) -> dict:
    """The Growth document; serialize it with orjson (ORJSONResponse)."""
    return {"student_id": reply.student_id, "skills": [
        {"skill_id": s.skill_id, "skill_name": s.skill_name, "colour": s.colour, "max_rank": s.max_rank,
         "years": [{"school_year_id": y.school_year_id, "title": y.title, "start_date": y.start_date,
                    "artifacts_tagged": y.artifacts_tagged, "points": growth_points_json(y.points)}
                   for y in s.years]}
        for s in reply.skills]}
