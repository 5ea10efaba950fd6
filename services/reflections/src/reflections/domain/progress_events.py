"""Point of progress events the reflections service publishes on ``reflections.events``
(payloads: protos/skillfolio/events/v1/progress.proto)."""
from __future__ import annotations

from dataclasses import dataclass, field

from chassis.events import DomainEvent


@dataclass(frozen=True)
class PointOfProgressCompleted(DomainEvent):
    point_id: str
    student_id: str
    section_id: str
    term_id: str
    term_name: str
    school_year_id: str
    teacher_id: str
    skill_id: str
    level_rank: int
    level_name: str
    artifact_ids: list[str] = field(default_factory=list)
