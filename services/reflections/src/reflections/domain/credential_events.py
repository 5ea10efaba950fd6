"""Open Badges events the reflections service publishes on ``reflections.events``
(payloads: protos/skillfolio/events/v1/credentials.proto)."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.events import DomainEvent


@dataclass(frozen=True)
class BadgeDefined(DomainEvent):
    badge_id: str
    kind: str
    name: str
    milestone_type_id: str
    skill_id: str
    min_outcome: str
    defined_by: str


@dataclass(frozen=True)
class BadgeAwarded(DomainEvent):
    credential_id: str
    badge_id: str
    student_id: str
    milestone_id: str
    issued_by: str


@dataclass(frozen=True)
class CredentialRevoked(DomainEvent):
    credential_id: str
    badge_id: str
    student_id: str
    revoked_by: str
