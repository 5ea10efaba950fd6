"""Events of amendment requests, published on ``reflections.events`` (payloads:
protos/skillfolio/events/v1/amendments.proto); the notifications service tells the people concerned."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.events import DomainEvent


@dataclass(frozen=True)
class AmendmentRequested(DomainEvent):
    amendment_id: str
    record_type: str
    record_id: str
    artifact_id: str
    student_id: str
    requester_id: str
    requester_role: str
    author_id: str                    # who wrote the record (decides it when a teacher)


@dataclass(frozen=True)
class AmendmentDecided(DomainEvent):
    amendment_id: str
    record_type: str
    record_id: str
    artifact_id: str
    student_id: str
    requester_id: str
    decided_by: str
    decider_role: str                 # author | privacy_officer
    outcome: str                      # amended | refused


@dataclass(frozen=True)
class DisagreementAttached(DomainEvent):
    amendment_id: str
    record_type: str
    record_id: str
    artifact_id: str
    student_id: str
    requester_id: str
