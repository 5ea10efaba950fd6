"""The reporting unit of work: one session, the fact store over it, and the inbox that applies each event once."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from chassis.uow import UnitOfWork
from reporting.adapters.facts import FactStore
from reporting.adapters.orm import inbox, outbox
from reporting.adapters.reads import ReportReads

PRODUCER = "reporting"


class ReportingUnitOfWork(UnitOfWork):
    """``with uow: ...; uow.commit()``; ``facts`` for projections, ``reads`` for reports."""

    facts: FactStore
    reads: ReportReads
    deferred: set[str] | None = None    # a batch collects the students to derive once at its end (batches.py)

    def __init__(self, session_factory: sessionmaker) -> None:
        super().__init__(session_factory, outbox, PRODUCER, inbox=inbox)

    def _open(self, session: Session) -> None:
        self.facts = FactStore(session)
        self.reads = ReportReads(session)


UowFactory = Callable[[], ReportingUnitOfWork]
