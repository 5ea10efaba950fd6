"""The roster's unit of work: one session, the roster repositories over it, the outbox and the audit log."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session, sessionmaker

from chassis.uow import UnitOfWork
from roster.adapters.access_facts import AccessFacts
from roster.adapters.credentials_repository import CredentialsRepository
from roster.adapters.directory_repository import DirectoryRepository
from roster.adapters.erasure_repository import ErasureRepository
from roster.adapters.orm import audit_log, inbox, outbox
from roster.adapters.people_repository import PeopleRepository
from roster.adapters.privacy_officers_repository import PrivacyOfficersRepository
from roster.adapters.retention_repository import RetentionRepository
from roster.adapters.rights_repository import RightsRepository
from roster.adapters.sections_repository import SectionsRepository
from roster.domain.access import Viewer

PRODUCER = "roster"


class RosterUnitOfWork(UnitOfWork):
    """``with uow: ...; uow.commit()``; ``today`` is fixed when the unit opens, so one request sees one date."""

    people: PeopleRepository
    sections: SectionsRepository
    directory: DirectoryRepository
    facts: AccessFacts
    credentials: CredentialsRepository
    rights: RightsRepository
    erasures: ErasureRepository
    retention: RetentionRepository
    privacy_officers: PrivacyOfficersRepository
    today: dt.date

    def __init__(self, session_factory: sessionmaker, clock: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(session_factory, outbox, PRODUCER, inbox=inbox)
        self._clock = clock

    def _open(self, session: Session) -> None:
        self.today = self._clock()
        self.people = PeopleRepository(session, self.today)
        self.sections = SectionsRepository(session)
        self.directory = DirectoryRepository(session)
        self.facts = AccessFacts(session, self.today)
        self.credentials = CredentialsRepository(session)
        self.rights = RightsRepository(session)
        self.erasures = ErasureRepository(session)
        self.retention = RetentionRepository(session)
        self.privacy_officers = PrivacyOfficersRepository(session)

    def record_act(self, actor: str, actor_roles: Iterable[str], action: str, subject_ids: Iterable[str],
                   detail: dict | None = None, subject_type: str = "student") -> bool:
        """Audit an act on these subjects' records whoever did it (exports and privacy officer grants)."""
        return self.record_access(audit_log, actor=actor, actor_roles=actor_roles, action=action,
                                  subject_ids=subject_ids, subject_type=subject_type, detail=detail)

    def record_disclosure(self, viewer: Viewer, action: str, student_ids: Iterable[str],
                          detail: dict | None = None) -> bool:
        """Audit that ``viewer`` saw these students' records (the viewer's own record is not a disclosure)."""
        others = [sid for sid in student_ids if sid != viewer.subject]
        return self.record_access(audit_log, actor=viewer.subject, actor_roles=viewer.roles,
                             action=action, subject_ids=others, detail=detail)

    def record_change(self, actor: str, actor_roles: Iterable[str], action: str, student_id: str,
                      detail: dict | None = None) -> bool:
        """Audit a change to who may see the student's record, whoever made it (the student too)."""
        return self.record_access(audit_log, actor=actor, actor_roles=actor_roles, action=action,
                                  subject_ids=[student_id], detail=detail)


UowFactory = Callable[[], RosterUnitOfWork]   # what use cases hold: opens a fresh unit per call
