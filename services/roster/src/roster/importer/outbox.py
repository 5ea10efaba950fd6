"""The import's unit of work: the chassis UnitOfWork (producer "roster") with a bulk path for a million events.

Envelopes are built without ``dataclasses.asdict`` (about 90 us an event) and COPYed into the outbox on
PostgreSQL; the JSON is identical to ``Envelope.to_json`` (tests/test_import_outbox checks it).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os

from sqlalchemy import insert
from sqlalchemy.orm import sessionmaker

from chassis.context import current_correlation_id
from chassis.events import DomainEvent, Envelope
from chassis.relay_wakeup import wake_idle_relay
from chassis.uow import UnitOfWork
from roster.adapters import orm
from roster.importer.staging import copy_rows

_ENVELOPE_FIELDS = tuple(f.name for f in dataclasses.fields(Envelope))
_EVENT_FIELDS: dict[type, tuple[str, ...]] = {}
_TYPE_NAMES: dict[type, str] = {}


def envelope_json(envelope: Envelope) -> str:
    """``Envelope.to_json`` for envelopes whose data is flat (values are str, int, bool or lists of str)."""
    return json.dumps({name: getattr(envelope, name) for name in _ENVELOPE_FIELDS}, separators=(",", ":"),
                      default=str)


def event_ids(batch: int = 4096):
    """Random (version 4) UUID strings, drawing entropy from os.urandom in batches."""
    while True:
        pool = os.urandom(16 * batch)
        for i in range(0, len(pool), 16):
            raw = bytearray(pool[i:i + 16])
            raw[6] = (raw[6] & 0x0F) | 0x40
            raw[8] = (raw[8] & 0x3F) | 0x80
            h = raw.hex()
            yield f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class ImportUnitOfWork(UnitOfWork):
    """One transaction for a whole import; :meth:`flush_events` is called per chunk so memory stays flat."""

    def __init__(self, session_factory: sessionmaker) -> None:
        super().__init__(session_factory, orm.outbox, "roster")
        self.occurred_at = dt.datetime.now(dt.UTC).isoformat()
        self.events_written = 0
        self._event_ids = event_ids()

    def raise_event(self, event: DomainEvent) -> Envelope:
        cls = type(event)
        names = _EVENT_FIELDS.get(cls)
        if names is None:
            names = _EVENT_FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
            _TYPE_NAMES[cls] = cls.type_name()
        envelope = Envelope(type=_TYPE_NAMES[cls], producer=self.producer,
                            data={name: getattr(event, name) for name in names},
                            correlation_id=current_correlation_id(), schema_version=cls.schema_version,
                            occurred_at=self.occurred_at, event_id=next(self._event_ids))
        self._pending.append(envelope)
        return envelope

    def flush_events(self) -> int:
        if not self._pending:
            return 0
        rows = [(e.event_id, e.type, envelope_json(e)) for e in self._pending]
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            copy_rows(connection.connection.dbapi_connection, "outbox", ("event_id", "type", "body"), rows,
                      ("event_id", "type", "body"))
        else:
            now = dt.datetime.now(dt.UTC)   # explicit: the migrated SQLite default now() does not exist
            self.session.execute(insert(self._outbox), [{"event_id": r[0], "type": r[1], "body": r[2],
                                                         "created_at": now} for r in rows])
        self._pending = []
        self.events_written += len(rows)
        return len(rows)

    def commit(self) -> None:
        """Also wakes the relay for events written set-based (the base class only counts its own last flush)."""
        self.flush_events()
        if self.events_written and self.session.get_bind().dialect.name == "postgresql":
            wake_idle_relay(self.session, self.producer)
        self.session.commit()
