"""The artifacts unit of work: one session, the repository and replicas over it (roster, panels, skill catalog),
the outbox, the audit log, idempotency keys, and the roster to ask before a refusal."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from artifacts.adapters.media_objects import MediaObjects
from artifacts.adapters.media_records import MediaRecords
from artifacts.adapters.orm import audit_log, idempotency_keys, inbox, outbox
from artifacts.adapters.panel_grants import PanelGrants
from artifacts.adapters.replicas import Replicas
from artifacts.adapters.repository import ArtifactsRepository
from artifacts.adapters.showcase_repository import ShowcaseRepository
from artifacts.adapters.skill_catalog import SkillCatalog
from artifacts.domain.access import Viewer
from chassis.roster_replica.owner import RosterRelations
from chassis.uow import UnitOfWork

PRODUCER = "artifacts"


class ArtifactsUnitOfWork(UnitOfWork):
    """``with uow: ...; uow.commit()``."""

    artifacts: ArtifactsRepository
    media: MediaRecords
    media_objects: MediaObjects
    replicas: Replicas
    panels: PanelGrants
    catalog: SkillCatalog
    showcases: ShowcaseRepository

    def __init__(self, session_factory: sessionmaker, roster: RosterRelations | None = None) -> None:
        super().__init__(session_factory, outbox, PRODUCER, idempotency_keys, inbox)
        self.roster = roster          # asked before a refusal for want of a relation (chassis.roster_replica.owner)

    def _open(self, session: Session) -> None:
        self.artifacts = ArtifactsRepository(session)
        self.media = MediaRecords(session)
        self.media_objects = MediaObjects(session)
        self.replicas = Replicas(session)
        self.panels = PanelGrants(session)
        self.catalog = SkillCatalog(session)
        self.showcases = ShowcaseRepository(session)

    def audit(self, viewer: Viewer, action: str, student_ids: list[str], detail: dict | None = None) -> None:
        """Record a disclosure or change of students' records by ``viewer`` in this transaction."""
        self.record_access(audit_log, actor=viewer.subject, actor_roles=viewer.roles,
                      action=f"artifacts.{action}", subject_ids=student_ids, subject_type="student", detail=detail)


UowFactory = Callable[[], ArtifactsUnitOfWork]
