"""Goal events the reflections service publishes on ``reflections.events``
(payloads: protos/skillfolio/events/v1/goals.proto)."""
from __future__ import annotations

from dataclasses import dataclass, field

from chassis.events import DomainEvent


@dataclass(frozen=True)
class GoalSet(DomainEvent):
    goal_id: str
    student_id: str
    skill_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GoalUpdated(DomainEvent):
    goal_id: str
    student_id: str
    skill_ids: list[str] = field(default_factory=list)
    evidence_artifact_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GoalClosed(DomainEvent):
    goal_id: str
    student_id: str
    status: str
