"""Reads of what a service recorded (its outbox envelopes and audit rows), for test assertions."""
from __future__ import annotations

from sqlalchemy import Table, create_engine, select

from chassis.events import Envelope


class ServiceRecords:
    """Opens its own engine on the service database; call :meth:`dispose` when done."""

    def __init__(self, url: str, outbox: Table, audit_log: Table) -> None:
        self.engine = create_engine(url)
        self.outbox, self.audit_log = outbox, audit_log

    def envelopes(self) -> list[Envelope]:
        with self.engine.connect() as conn:
            return [Envelope.from_json(row.body)
                    for row in conn.execute(select(self.outbox).order_by(self.outbox.c.id))]

    def event_types(self) -> list[str]:
        return [e.type for e in self.envelopes()]

    def audit(self) -> list:
        with self.engine.connect() as conn:
            return conn.execute(select(self.audit_log).order_by(self.audit_log.c.id)).all()

    def dispose(self) -> None:
        self.engine.dispose()
