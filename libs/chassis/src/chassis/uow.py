"""Unit of work: one transaction for a handler's state changes, the events it raises (the outbox write) and, for an
event delivery, the inbox row that makes it apply once (:meth:`UnitOfWork.claim`)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session, sessionmaker

from chassis.audit import record_access
from chassis.context import current_correlation_id
from chassis.events import DomainEvent, Envelope
from chassis.idempotency import keep
from chassis.messaging.inbox import claim
from chassis.relay_wakeup import (  # noqa: F401 (outbox_channel, wake_idle_relay: re-exported)
    MAX_ROWS_WITH_WAKE,
    insert_and_wake,
    outbox_channel,
    wake_idle_relay,
)


class UnitOfWork:
    """``with uow: ...; uow.commit()``: state, outbox rows and the inbox row commit together or not at all.

    Services subclass this to attach repositories to ``self.session`` in :meth:`_open`. An event delivery sets
    ``consumer`` (chassis.messaging.subscriptions does, from the subscription it built) and calls :meth:`claim`.
    """

    consumer: str = ""          # the inbox consumer name of the delivery this unit of work applies
    duplicate: bool = False     # set by claim(): the consumer had already applied the event

    def __init__(self, session_factory: sessionmaker, outbox: Table, producer: str,
                 idempotency_keys: Table | None = None, inbox: Table | None = None) -> None:
        self._session_factory = session_factory
        self._outbox = outbox
        self._inbox = inbox
        self.idempotency_keys = idempotency_keys
        self.producer = producer
        self.session: Session | None = None
        self._pending: list[Envelope] = []
        self._flushed = 0                      # outbox rows written in this transaction so far

    def __enter__(self):
        self.session = self._session_factory()
        self._pending = []
        self._flushed = 0
        self.duplicate = False
        self._open(self.session)
        return self

    def _open(self, session: Session) -> None:
        """Hook for subclasses: build repositories over ``session``."""

    def __exit__(self, *exc_info) -> None:
        self.rollback()
        self.session.close()

    def raise_event(self, event: DomainEvent) -> Envelope:
        envelope = Envelope.from_event(event, self.producer, current_correlation_id())
        self._pending.append(envelope)
        return envelope

    def raise_events(self, events: Iterable[DomainEvent]) -> None:
        for event in events:
            self.raise_event(event)

    def claim(self, envelope: Envelope) -> bool:
        """Record that ``consumer`` applies ``envelope``, FIRST in the transaction; False (and ``duplicate``) if it
        already did. Race-safe: a concurrent redelivery waits on the inbox key until this transaction ends."""
        if self._inbox is None or not self.consumer:
            raise RuntimeError(f"{type(self).__name__} has no inbox or no consumer: claim() serves event deliveries")
        first = claim(self.session, self._inbox, self.consumer, envelope.event_id)
        self.duplicate = self.duplicate or not first
        return first

    def keep_result(self, result: Any) -> None:
        """A create calls this before it commits: under an Idempotency-Key, ``result`` is kept in this transaction
        and answers retries of the same request (chassis.idempotency)."""
        keep(self.session, self.idempotency_keys, result)

    def flush_events(self) -> int:
        """Write pending events into the outbox inside the open transaction (bulk importers call this per chunk)."""
        rows = self._pending_rows()
        if rows:
            self.session.execute(insert(self._outbox), rows)
        return len(rows)

    def _pending_rows(self) -> list[dict]:
        rows = [{"event_id": e.event_id, "type": e.type, "body": e.to_json()} for e in self._pending]
        self._pending = []
        self._flushed += len(rows)
        return rows

    def commit(self) -> None:
        """Commit state, inbox and outbox; on PostgreSQL a commit that wrote events wakes its relay if it sleeps
        (chassis.relay_wakeup), the last events and that check sent in one round trip."""
        if self.session.get_bind().dialect.name != "postgresql":
            self.flush_events()
        elif self._pending or self._flushed:
            if len(self._pending) > MAX_ROWS_WITH_WAKE:
                self.flush_events()
            insert_and_wake(self.session, self._outbox, self.producer, self._pending_rows())
        self.session.commit()
        self._flushed = 0

    def rollback(self) -> None:
        self._pending = []
        self._flushed = 0
        if self.session is not None:
            self.session.rollback()

    def record_access(self, table: Table, **fields: Any) -> bool:
        """Append one audit row in this transaction (:func:`chassis.audit.record_access`); the service's audit
        rules call this, so a fake unit of work (chassis.testing.fake_uow) can keep the rows in a list."""
        return record_access(self.session, table, **fields)


def lazy_unit_of_work(service: str, uow_type: type[UnitOfWork], pool_size: int = 4) -> Callable[[], UnitOfWork]:
    """A factory of ``uow_type`` for an events worker: the engine is built on first use, after the worker's
    eventlet monkey-patching, from ``<SERVICE>_DATABASE_URL``."""
    sessions: list[sessionmaker] = []

    def new_unit_of_work() -> UnitOfWork:
        if not sessions:
            from chassis.config import service_settings
            from chassis.db import make_engine, make_session_factory
            sessions.append(make_session_factory(make_engine(service_settings(service).database_url,
                                                             pool_size=pool_size)))
        return uow_type(sessions[0])
    return new_unit_of_work
