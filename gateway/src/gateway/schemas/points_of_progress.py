"""The REST API's points of progress shapes: request bodies (validated, unknown fields refused) and responses built
from the reflections service's protobuf messages (skillfolio.reflections.v1.progress)."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from gateway.schemas.artifacts import Body
from gateway.schemas.common import Count, Id, text


class ProgressTerm(BaseModel):
    id: str
    school_year_id: str
    name: str
    due_on: str = Field(description="The date points of progress for this term are due (YYYY-MM-DD).")
    updated_at: str


class ProgressTerms(BaseModel):
    items: list[ProgressTerm] = Field(description="By school year, then due date.")
    viewer_can_configure: bool = Field(description="The caller may set terms' due dates (a district admin).")


class NewProgressTerm(Body):
    """Naming an existing term of the school year again moves its due date."""

    school_year_id: Id
    name: str = text(100, description="The term's name, e.g. the roster's academic session title.")
    due_on: dt.date = Field(description="The date points of progress for this term are due.")


class PointOfProgress(BaseModel):
    id: str
    student_id: str
    section_id: str
    term_id: str
    term_name: str
    teacher_id: str = Field(description="The author: the teacher who completed it.")
    teacher_name: str
    skill_id: str
    skill_name: str
    level_rank: Count = Field(description="The proficiency level shown: a level of the skill's scale.")
    level_name: str
    comment: str = Field(description="The strength-based comment.")
    artifact_ids: list[str] = Field(description="The referenced student work, in the order given.")
    completed_at: str
    updated_at: str
    editable_until: str = Field(description="The last day its author may change it: the term's due date, or a "
                                            "week after a late completion.")
    late: bool = Field(description="Completed after the term's due date.")
    viewer_can_edit: bool


class PointsOfProgress(BaseModel):
    items: list[PointOfProgress] = Field(description="Newest first.")


class NewPointOfProgress(Body):
    section_id: Id
    term_id: Id
    skill_id: Id
    level_rank: int = Field(ge=0, le=1000, description="A level of the skill's proficiency scale.")
    comment: str = text(5000, description="Required: what the learner can do (strength-based).")
    artifact_ids: list[Id] = Field(min_length=1, max_length=20,
                                   description="At least one live artifact of the student's portfolio.")


class PointChanges(Body):
    """Only the fields sent change."""

    comment: str | None = text(5000, None)
    level_rank: int | None = Field(None, ge=0, le=1000)
    artifact_ids: list[Id] | None = Field(None, min_length=1, max_length=20, description="Replaces the work.")


class ChecklistRow(BaseModel):
    student_id: str
    student_name: str
    status: Literal["done", "missing", "overdue"]
    point: PointOfProgress | None = Field(None, description="Set when done.")


class OverdueTerm(BaseModel):
    term: ProgressTerm
    missing_student_ids: list[str]


class ProgressChecklist(BaseModel):
    section_id: str
    school_year_id: str
    term: ProgressTerm | None = Field(None, description="The term shown; null when the district set none.")
    terms: list[ProgressTerm]
    rows: list[ChecklistRow] = Field(description="The section's students enrolled now, by name.")
    overdue: list[OverdueTerm] = Field(description="Earlier terms past due with students still missing.")
    done_count: Count
    missing_count: Count
