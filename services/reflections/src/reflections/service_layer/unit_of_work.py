"""The reflections unit of work: one session, the repository and replicas over it, the outbox, the audit log, and
the roster to ask before a refusal."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from chassis.access import Viewer
from chassis.roster_replica.owner import RosterRelations
from chassis.uow import UnitOfWork
from reflections.adapters.amendment_repository import AmendmentRepository
from reflections.adapters.assessment_repository import AssessmentsRepository
from reflections.adapters.catalog_replica import CatalogReplica
from reflections.adapters.credential_repository import CredentialRepository
from reflections.adapters.goal_repository import GoalRepository
from reflections.adapters.milestone_repository import MilestoneRepository
from reflections.adapters.orm import audit_log, idempotency_keys, inbox, outbox
from reflections.adapters.progress_repository import ProgressRepository
from reflections.adapters.replicas import Replicas
from reflections.adapters.repository import ReflectionsRepository
from reflections.adapters.revision_media import RevisionMediaRecords

PRODUCER = "reflections"


class ReflectionsUnitOfWork(UnitOfWork):
    """``with uow: ...; uow.commit()``."""

    records: ReflectionsRepository
    media: RevisionMediaRecords
    replicas: Replicas
    goals: GoalRepository
    milestones: MilestoneRepository
    catalog: CatalogReplica
    assessments: AssessmentsRepository
    credentials: CredentialRepository
    progress: ProgressRepository
    amendments: AmendmentRepository

    def __init__(self, session_factory: sessionmaker, replica_wait: dt.timedelta = dt.timedelta(minutes=10),
                 roster: RosterRelations | None = None) -> None:
        super().__init__(session_factory, outbox, PRODUCER, idempotency_keys, inbox)
        self.replica_wait = replica_wait      # how long an unknown new artifact id may still arrive (artifact_owner)
        self.roster = roster                  # asked before a refusal for want of a relation (roster_replica.owner)

    def _open(self, session: Session) -> None:
        self.records = ReflectionsRepository(session)
        self.media = RevisionMediaRecords(session)
        self.replicas = Replicas(session)
        self.goals = GoalRepository(session)
        self.milestones = MilestoneRepository(session)
        self.catalog = CatalogReplica(session)
        self.assessments = AssessmentsRepository(session)
        self.credentials = CredentialRepository(session)
        self.progress = ProgressRepository(session)
        self.amendments = AmendmentRepository(session)

    def audit(self, viewer: Viewer, action: str, student_ids: list[str], detail: dict | None = None) -> None:
        """Record a disclosure or change of students' records by ``viewer`` in this transaction."""
        self.record_access(audit_log, actor=viewer.subject, actor_roles=viewer.roles,
                      action=f"reflections.{action}", subject_ids=student_ids, subject_type="student",
                      detail=detail)


UowFactory = Callable[[], ReflectionsUnitOfWork]
