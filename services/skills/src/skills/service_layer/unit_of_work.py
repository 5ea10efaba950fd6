"""The skills unit of work: one session, the repositories over it, the outbox and the audit log of changes."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from chassis.uow import UnitOfWork
from skills.adapters.orm import audit_log, inbox, outbox
from skills.adapters.replicas import Replicas
from skills.adapters.repository import SkillsRepository
from skills.domain.access import Viewer

PRODUCER = "skills"


class SkillsUnitOfWork(UnitOfWork):
    """``with uow: ...; uow.commit()``."""

    skills: SkillsRepository
    replicas: Replicas

    def __init__(self, session_factory: sessionmaker) -> None:
        super().__init__(session_factory, outbox, PRODUCER, inbox=inbox)

    def _open(self, session: Session) -> None:
        self.raised = 0
        self.skills = SkillsRepository(session)
        self.replicas = Replicas(session)

    raised = 0                      # events raised since the unit opened (the loader reports it)

    def raise_event(self, event):
        self.raised += 1
        return super().raise_event(event)

    def record_change(self, viewer: Viewer, action: str, subject_type: str, subject_id: str,
                      detail: dict | None = None) -> None:
        """Audit one change (who changed which framework, skill, scale or rubric) in this transaction."""
        self.record_access(audit_log, actor=viewer.subject, actor_roles=viewer.roles, action=action,
                      subject_ids=[subject_id], subject_type=subject_type, detail=detail)


UowFactory = Callable[[], SkillsUnitOfWork]
