"""The REST API's exemplar and calibration shapes: request bodies (validated, unknown fields refused) and responses
built from the reflections service's CalibrationService messages (skillfolio.reflections.v1.calibration)."""
from __future__ import annotations

from typing import Literal

from google.protobuf.json_format import MessageToDict
from pydantic import BaseModel, Field

from gateway.schemas.artifacts import Body
from gateway.schemas.common import Count, Id, text


def as_json(message) -> dict:
    """A protobuf message as JSON with its proto field names and every field present."""
    return MessageToDict(message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True)


class Exemplar(BaseModel):
    """De-identified: no student, no artifact."""

    id: str
    skill_id: str
    criterion_code: str = Field(description="Empty: the skill's overall level.")
    level_rank: Count = Field(description="0 while the viewer scores a calibration session blind.")
    level_name: str
    caption: str


class Nomination(BaseModel):
    exemplar: Exemplar
    artifact_id: str
    status: Literal["awaiting_consent", "active", "declined", "withdrawn"]
    nominated_by: str
    nominated_at: str
    consent_by: str = Field(description="Who gave, declined or withdrew consent (the student or a guardian).")
    consent_role: str
    consent_at: str


class Nominations(BaseModel):
    items: list[Nomination] = Field(description="Newest first.")


class Exemplars(BaseModel):
    items: list[Exemplar] = Field(description="Consented exemplars, lowest level first.")


class NewNomination(Body):
    skill_id: Id
    level_rank: int = Field(ge=1, le=100)
    caption: str = text(2000, description="Describe the work without naming the student.")
    criterion_code: str = Field("", max_length=64, description="Optional: a criterion of the skill's rubric.")


class ConsentChoice(Body):
    choice: Literal["give", "decline", "withdraw"]


class Level(BaseModel):
    rank: Count
    name: str


class Criterion(BaseModel):
    code: str
    name: str


class Session(BaseModel):
    id: str
    coach_id: str
    title: str
    skill_id: str
    skill_name: str
    levels: list[Level]
    criteria: list[Criterion]
    exemplar_ids: list[str]
    rater_ids: list[str]
    submitted_rater_ids: list[str]
    created_at: str
    has_alpha: bool
    alpha: float = Field(description="Krippendorff's ordinal alpha over every exemplar and criterion.")


class Sessions(BaseModel):
    items: list[Session] = Field(description="Newest first: the district's agreement over time.")


class Score(Body):
    exemplar_id: Id
    criterion_code: str = Field(min_length=1, max_length=64)
    level_rank: int = Field(ge=1, le=100)


class RaterLevel(BaseModel):
    rater_id: str
    level_rank: Count


class Divergence(BaseModel):
    exemplar_id: str
    levels: list[RaterLevel]
    spread: Count = Field(description="Scale steps between the lowest and highest level given.")


class CriterionAgreement(BaseModel):
    criterion_code: str
    raters: Count
    pairs: Count
    defined: bool = Field(description="False until two raters scored the same exemplar.")
    exact: float
    adjacent: float
    has_alpha: bool
    alpha: float
    divergent: list[Divergence]


class ViewerCan(BaseModel):
    score: bool
    see_results: bool


class SessionView(BaseModel):
    session: Session
    items: list[Exemplar]
    my_scores: list[Score]
    results: list[CriterionAgreement] = Field(description="Empty while the viewer scores blind.")
    viewer_can: ViewerCan


class NewSession(Body):
    title: str = text(200)
    skill_id: Id
    exemplar_ids: list[Id] = Field(min_length=1, max_length=30)
    rater_ids: list[Id] = Field(min_length=2, max_length=40, description="The teachers invited to score.")


class Scores(Body):
    scores: list[Score] = Field(min_length=1, max_length=30 * 20, description="Every exemplar on every criterion.")


class Rater(BaseModel):
    person_id: str
    name: str


class Raters(BaseModel):
    items: list[Rater]
