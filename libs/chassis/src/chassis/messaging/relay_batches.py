"""The relay's batches: claim outbox rows (marked sent in a transaction left open), publish them with confirms,
commit once confirmed. On PostgreSQL the next batch is claimed while the broker confirms the previous one."""
from __future__ import annotations

import collections
import contextlib
import datetime as dt
import json

from sqlalchemy import Connection, Engine, Table, bindparam, select, text, update

from chassis import metrics
from chassis.db import is_postgres
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage


def to_message(row) -> OutgoingMessage:
    """An outbox row as an AMQP message: routing key = event type, message id = event id, correlation id carried."""
    try:
        correlation_id = json.loads(row.body).get("correlation_id") or ""
    except ValueError:
        correlation_id = ""
    return OutgoingMessage(routing_key=row.type, body=row.body.encode(), message_id=row.event_id,
                           correlation_id=correlation_id)


def claim_statement(outbox: Table, postgres: bool, batch_size: int):
    """Mark the first ``batch_size`` unsent rows sent and return them; another relay's open claim is skipped."""
    unsent = select(outbox.c.id).where(outbox.c.sent_at.is_(None)).order_by(outbox.c.id).limit(batch_size)
    if postgres:
        claimed = unsent.with_for_update(skip_locked=True).cte("claimed")
        condition = outbox.c.id == claimed.c.id
    else:
        condition = outbox.c.id.in_(unsent.scalar_subquery())
    return update(outbox).where(condition).values(sent_at=bindparam("sent_at")) \
        .returning(outbox.c.id, outbox.c.event_id, outbox.c.type, outbox.c.body)


class ClaimedBatch:
    """Rows marked sent in an open transaction: :meth:`commit` once the broker confirmed them, else
    :meth:`abandon` (the rollback leaves them unsent)."""

    def __init__(self, connection: Connection, rows: list) -> None:
        self.connection, self.rows = connection, rows

    def commit(self) -> int:
        try:
            self.connection.commit()
        finally:
            self.connection.close()
        return len(self.rows)

    def abandon(self) -> None:
        with contextlib.suppress(Exception):     # a broken connection rolls back anyway
            self.connection.rollback()
        with contextlib.suppress(Exception):
            self.connection.close()


class OutboxBatches:
    """Claim -> publish -> confirm -> commit, batch after batch, in id order (at-least-once: a crash before a
    commit republishes that batch; consumers dedupe)."""

    def __init__(self, engine: Engine, outbox: Table, publisher: ConfirmingPublisher, exchange: str,
                 producer: str, batch_size: int) -> None:
        self.engine, self.publisher, self.exchange, self.producer = engine, publisher, exchange, producer
        self.batch_size = batch_size
        self.pipelined = is_postgres(engine)       # SQLite has one writer: a batch commits before the next claim
        self._claim = claim_statement(outbox, self.pipelined, batch_size)

    def claim(self) -> ClaimedBatch | None:
        connection = self.engine.connect()
        try:
            connection.begin()
            if self.pipelined:
                # Marking sent need not wait for the WAL flush: if a crash loses it, the rows are simply
                # republished (at-least-once; consumers dedupe). Saves an fsync per batch.
                connection.execute(text("SET LOCAL synchronous_commit = off"))
            rows = sorted(connection.execute(self._claim, {"sent_at": dt.datetime.now(dt.timezone.utc)}).all(),
                          key=lambda row: row.id)
        except BaseException:
            connection.close()
            raise
        if not rows:
            ClaimedBatch(connection, rows).abandon()
            return None
        return ClaimedBatch(connection, rows)

    def _send(self, batch: ClaimedBatch, confirm: bool) -> None:
        try:
            if confirm:
                self.publisher.wait_confirms()
            else:
                self.publisher.publish(self.exchange, [to_message(row) for row in batch.rows])
        except BaseException:
            self.publisher.close()               # the channel state is unknown: reconnect before the retry
            raise

    def _commit(self, batch: ClaimedBatch) -> int:
        count = batch.commit()
        for type_, n in collections.Counter(row.type for row in batch.rows).items():
            metrics.EVENTS_PUBLISHED.labels(self.producer, type_).inc(n)
        return count

    def publish(self, max_batches: int = 1) -> int:
        """Publish up to ``max_batches`` batches; return how many rows were published (and committed sent).

        Pipelined: publish batch N, commit N-1, claim N+1, then wait for N's confirms, so the database work overlaps
        the broker's. Every batch but the last is full, so a total divisible by ``batch_size`` means "maybe more".
        """
        published, confirmed, batch = 0, None, self.claim()
        try:
            for number in range(1, max_batches + 1):
                if batch is None:
                    break
                self._send(batch, confirm=False)
                if confirmed is not None:
                    published, confirmed = published + self._commit(confirmed), None
                more = len(batch.rows) == self.batch_size and number < max_batches
                following = self.claim() if more and self.pipelined else None
                self._send(batch, confirm=True)
                confirmed, batch = batch, following
                if more and not self.pipelined:
                    published, confirmed = published + self._commit(confirmed), None
                    batch = self.claim()
            if confirmed is not None:
                published, confirmed = published + self._commit(confirmed), None
        finally:
            for left in (confirmed, batch):     # an error: what is not committed stays unsent
                if left is not None:
                    left.abandon()
        return published
