"""The REST API's milestone shapes: request bodies (validated, unknown fields refused) and responses built from
the reflections service's protobuf messages (skillfolio.reflections.v1.milestones) with their field names."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from gateway.schemas.artifacts import Body
from gateway.schemas.common import NOT_BLANK, Count, Id, text

Outcome = Literal["NOT_YET", "APPROACHING", "READY", "EXCELLING"]
PanellistKind = Literal["educator", "community", "family"]
GradeLevel = Annotated[str, Field(min_length=1, max_length=8, pattern=NOT_BLANK)]   # OneRoster: KG, 01 .. 12, ...
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"   # the reflections service's own check


class ScaleLevel(BaseModel):
    rank: Count
    name: str
    description: str = ""


class RubricCriterion(BaseModel):
    code: str
    name: str
    descriptors: list[str] = Field(default_factory=list, description="One per level of `levels`, in its order.")


class MilestoneType(BaseModel):
    id: str
    code: str
    name: str
    rubric_id: str
    grade_levels: list[str] = Field(description="Roster grade levels it applies to; empty means any grade.")
    criteria: list[str] = Field(description="The rubric's criterion codes.")
    levels: list[ScaleLevel] = Field(description="The rubric's scale, lowest first.")
    rubric_name: str = ""
    rubric_criteria: list[RubricCriterion] = Field(default_factory=list,
                                                   description="The criteria with their names and level descriptors.")


class MilestoneTypes(BaseModel):
    items: list[MilestoneType]


class CriterionScore(BaseModel):
    criterion_code: str
    level_rank: Count
    level_name: str = ""


class ScoreSheet(BaseModel):
    invitation_id: str
    panellist_name: str
    panellist_kind: str
    scores: list[CriterionScore]
    comment: str
    scored_at: str


class Panellist(BaseModel):
    invitation_id: str
    name: str
    email: str
    kind: str
    person_id: str = Field(description="A district educator account, or empty for a guest.")
    invited_at: str
    expires_at: str


class Milestone(BaseModel):
    id: str
    student_id: str
    type: MilestoneType
    title: str
    scheduled_on: str
    status: Literal["planned", "completed"]
    outcome: str = Field(description="NOT_YET, APPROACHING, READY or EXCELLING once completed, else empty.")
    evidence_artifact_ids: list[str]
    panellists: list[Panellist] = Field(description="A guest panellist sees only themselves.")
    score_sheets: list[ScoreSheet] = Field(description="A panellist sees only their own sheet.")
    created_by: str
    created_at: str
    completed_at: str


class Milestones(BaseModel):
    items: list[Milestone] = Field(description="By date, latest first.")


class Invitation(BaseModel):
    panellist: Panellist
    guest_url: str = Field(description="The panel link for the guest: shown ONCE (only its hash is stored).")


class NewMilestoneType(Body):
    code: str = text(64)
    name: str = text(200)
    rubric_id: Id = Field(description="A rubric of the skills service.")
    grade_levels: list[GradeLevel] = Field([], max_length=14, description='e.g. ["05", "08", "12"]; empty = any grade.')


class NewMilestone(Body):
    type_id: Id
    title: str = text(500)
    scheduled_on: dt.date


class EvidenceSelection(Body):
    artifact_ids: list[Id] = Field(max_length=200, description="Replaces the selection.")


class NewPanellist(Body):
    name: str = text(200)
    email: str = Field(max_length=320, pattern=EMAIL)
    kind: PanellistKind
    person_id: str = Field("", max_length=64, description="A district educator account (scores while signed in).")
    valid_days: int = Field(0, ge=0, le=365, description="How long the panel link works; 0 = the district default.")


class NewScore(Body):
    criterion_code: str = text(64)
    level_rank: int = Field(ge=0, le=100)


class NewScoreSheet(Body):
    scores: list[NewScore] = Field(max_length=50, description="One per rubric criterion.")
    comment: str = Field("", max_length=10000)


class NewOutcome(Body):
    outcome: Outcome
