"""The notifications unit of work: one session, the repositories and replicas over it, the outbox, the inbox and
the audit log."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from chassis.access import Viewer
from chassis.uow import UnitOfWork
from notifications.adapters.deliveries import DeliveriesRepository
from notifications.adapters.orm import audit_log, inbox, outbox
from notifications.adapters.replicas import Replicas
from notifications.adapters.repository import NotificationsRepository
from notifications.adapters.settings import SettingsRepository

PRODUCER = "notifications"


class NotificationsUnitOfWork(UnitOfWork):
    """``with uow: ...; uow.commit()``."""

    notifications: NotificationsRepository
    deliveries: DeliveriesRepository
    settings: SettingsRepository
    replicas: Replicas

    def __init__(self, session_factory: sessionmaker) -> None:
        super().__init__(session_factory, outbox, PRODUCER, inbox=inbox)

    def _open(self, session: Session) -> None:
        self.notifications = NotificationsRepository(session)
        self.deliveries = DeliveriesRepository(session)
        self.settings = SettingsRepository(session)
        self.replicas = Replicas(session)

    def audit(self, viewer: Viewer, action: str, student_ids: list[str], detail: dict | None = None) -> None:
        """Record a disclosure of students' records (feed lines, approval items) to ``viewer`` in this transaction."""
        self.record_access(audit_log, actor=viewer.subject, actor_roles=viewer.roles,
                           action=f"notifications.{action}", subject_ids=student_ids, subject_type="student",
                           detail=detail)


UowFactory = Callable[[], NotificationsUnitOfWork]
