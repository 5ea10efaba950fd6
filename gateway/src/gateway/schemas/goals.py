"""The REST API's goal shapes: request bodies (validated, unknown fields refused) and the Goal response, built
from the reflections service's protobuf Goal (skillfolio.reflections.v1.goals)."""
from __future__ import annotations

from typing import Literal

from google.protobuf.json_format import MessageToDict
from pydantic import BaseModel, Field

from gateway.schemas.artifacts import Body
from gateway.schemas.common import Id, text


def as_json(message) -> dict:
    """A protobuf message as JSON with its proto field names and every field present (empty ones too)."""
    return MessageToDict(message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True)


class Goal(BaseModel):
    id: str
    student_id: str
    title: str
    success_criteria: str
    skill_ids: list[str]
    evidence_artifact_ids: list[str] = Field(description="Linked artifacts, in the order they were linked.")
    status: Literal["active", "achieved", "not_achieved", "withdrawn"]
    closing_reflection: str = Field(description="What the student wrote when closing the goal.")
    created_at: str
    updated_at: str
    closed_at: str = Field(description="Empty while the goal is active.")


class Goals(BaseModel):
    items: list[Goal] = Field(description="Newest first.")


class NewGoal(Body):
    title: str = text(500)
    skill_ids: list[Id] = Field(min_length=1, max_length=50, description="At least one skill the goal is about.")
    success_criteria: str = text(5000, description="How the student will know they reached it.")


class GoalChanges(Body):
    """Only the fields sent change."""

    title: str | None = text(500, None)
    success_criteria: str | None = text(5000, None)
    skill_ids: list[Id] | None = Field(None, min_length=1, max_length=50, description="Replaces the goal's skills.")


class Evidence(Body):
    artifact_ids: list[Id] = Field([], max_length=200, description="Artifacts of the student's to link.")
    unlink_artifact_ids: list[Id] = Field([], max_length=200, description="Linked artifacts to remove.")


class Closing(Body):
    status: Literal["achieved", "not_achieved", "withdrawn"]
    closing_reflection: str = text(10000, description="Required: looking back on the goal.")
