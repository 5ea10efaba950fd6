"""Notifications domain events (past tense); payloads match protos/skillfolio/events/v1/notifications.proto."""
from __future__ import annotations

from dataclasses import dataclass, field

from chassis.events import DomainEvent


@dataclass(frozen=True)
class NotificationSent(DomainEvent):
    delivery_id: str
    recipient_id: str
    kind: str
    notification_ids: list[str] = field(default_factory=list)
    message_id: str = ""
    attempts: int = 0


@dataclass(frozen=True)
class NotificationFailed(DomainEvent):
    delivery_id: str
    recipient_id: str
    kind: str
    notification_ids: list[str] = field(default_factory=list)
    attempts: int = 0
    last_error: str = ""
    permanent: bool = False
