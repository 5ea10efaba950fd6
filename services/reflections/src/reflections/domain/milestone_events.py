"""Milestone events the reflections service publishes on ``reflections.events``
(payloads: protos/skillfolio/events/v1/milestones.proto)."""
from __future__ import annotations

from dataclasses import dataclass, field

from chassis.events import DomainEvent


@dataclass(frozen=True)
class MilestoneTypeDefined(DomainEvent):
    type_id: str
    code: str
    name: str
    rubric_id: str
    grade_levels: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MilestoneCreated(DomainEvent):
    milestone_id: str
    student_id: str
    type_id: str
    type_code: str
    scheduled_on: str
    teacher_id: str


@dataclass(frozen=True)
class MilestoneEvidenceSelected(DomainEvent):
    milestone_id: str
    student_id: str
    artifact_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PanellistInvited(DomainEvent):
    invitation_id: str
    milestone_id: str
    student_id: str
    kind: str
    person_id: str
    expires_at: str
    teacher_id: str


@dataclass(frozen=True)
class MilestoneScored(DomainEvent):
    milestone_id: str
    student_id: str
    invitation_id: str
    panellist_kind: str


@dataclass(frozen=True)
class MilestoneCompleted(DomainEvent):
    milestone_id: str
    student_id: str
    school_id: str
    grade_level: str
    type_code: str
    outcome: str
    teacher_id: str
