"""Reads of what a service recorded (its outbox envelopes and audit rows), for test assertions."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import Connection, Table, create_engine, func, select

from chassis.events import Envelope
from chassis.testing.rolled_back import TestDatabase


class ServiceRecords:
    """Reads through the test's own transaction (a :class:`TestDatabase`), or an engine of its own on a database
    URL; call :meth:`dispose` when done."""

    def __init__(self, database: TestDatabase | str, outbox: Table, audit_log: Table) -> None:
        self.database = database if isinstance(database, TestDatabase) else None
        # an engine of its own on a URL; None over a TestDatabase (read through connect(), inside its transaction)
        self.engine = create_engine(database) if isinstance(database, str) else None
        self.outbox, self.audit_log = outbox, audit_log

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection that sees what the service committed (what fails inside it is undone alone)."""
        if self.database is not None:
            with self.database.connect() as conn:
                yield conn
        else:
            with self.engine.connect() as conn:
                yield conn

    def envelopes(self) -> list[Envelope]:
        with self.connect() as conn:
            return [Envelope.from_json(row.body)
                    for row in conn.execute(select(self.outbox).order_by(self.outbox.c.id))]

    def event_types(self) -> list[str]:
        return [e.type for e in self.envelopes()]

    def audit(self) -> list:
        with self.connect() as conn:
            return conn.execute(select(self.audit_log).order_by(self.audit_log.c.id)).all()

    def mark(self) -> tuple[int, int]:
        """Where the audit log and the outbox end now; ``audit_since`` / ``envelopes_since`` read only what follows."""
        with self.connect() as conn:
            return tuple(conn.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar()
                         for t in (self.audit_log, self.outbox))

    def audit_since(self, mark: tuple[int, int]) -> list:
        with self.connect() as conn:
            return conn.execute(select(self.audit_log).where(self.audit_log.c.id > mark[0])
                                .order_by(self.audit_log.c.id)).all()

    def envelopes_since(self, mark: tuple[int, int]) -> list[Envelope]:
        with self.connect() as conn:
            return [Envelope.from_json(row.body) for row in conn.execute(
                select(self.outbox).where(self.outbox.c.id > mark[1]).order_by(self.outbox.c.id))]

    def dispose(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
