"""The roster's unit of work: one session, the roster repositories over it, the outbox and the audit log."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session, sessionmaker

from chassis.uow import UnitOfWork
from roster.adapters.access_facts import AccessFacts
from roster.adapters.credentials_repository import CredentialsRepository
from roster.adapters.directory_repository import DirectoryRepository
from roster.adapters.orm import audit_log, outbox
from roster.adapters.people_repository import PeopleRepository
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
    today: dt.date

    def __init__(self, session_factory: sessionmaker, clock: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(session_factory, outbox, PRODUCER)
        self._clock = clock

    def _open(self, session: Session) -> None:
        self.today = self._clock()
        self.people = PeopleRepository(session, self.today)
        self.sections = SectionsRepository(session)
        self.directory = DirectoryRepository(session)
        self.facts = AccessFacts(session, self.today)
        self.credentials = CredentialsRepository(session)

    def record_disclosure(self, viewer: Viewer, action: str, student_ids: Iterable[str],
                          detail: dict | None = None) -> bool:
        """Audit that ``viewer`` saw these students' records (the viewer's own record is not a disclosure)."""
        others = [sid for sid in student_ids if sid != viewer.subject]
        return self.record_access(audit_log, actor=viewer.subject, actor_roles=viewer.roles,
                             action=action, subject_ids=others, detail=detail)


UowFactory = Callable[[], RosterUnitOfWork]   # what use cases hold: opens a fresh unit per call
