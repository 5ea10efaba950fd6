"""The outbox relay's loop: publish the outbox in batches (``relay_batches``), poll while events flow, sleep on
LISTEN when idle. At-least-once: a crash before a batch's commit republishes it; consumers dedupe (inbox).
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time

from sqlalchemy import Engine, Table, delete, func, select
from tenacity import Retrying, retry_if_exception_type, wait_exponential_jitter

from chassis import idempotency, metrics
from chassis.db import is_postgres
from chassis.messaging.listener import Idle, OutboxListener
from chassis.messaging.publisher import ConfirmingPublisher
from chassis.messaging.relay_batches import PostgresBatches, SqliteBatches, to_message  # noqa: F401 (re-exported)

log = logging.getLogger(__name__)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


class OutboxRelay:
    """Publishes ``producer``'s outbox to the durable topic exchange ``<producer>.events``.

    On PostgreSQL several relays may run at once (``FOR UPDATE SKIP LOCKED``); on SQLite run exactly one, which polls
    every ``poll_seconds``. On PostgreSQL the relay polls every ``busy_poll_seconds`` while events flow; after
    ``linger_seconds`` without any it says it is idle (:class:`OutboxListener`), re-reads the outbox, and sleeps
    until a writer's NOTIFY, or ``poll_seconds`` at most (so a lost wake-up costs that much delay, no more).
    """

    def __init__(self, engine: Engine, outbox_table: Table, amqp_url: str, producer: str, batch_size: int = 200,
                 poll_seconds: float = 0.5, retention: dt.timedelta = dt.timedelta(days=7),
                 housekeeping_seconds: float = 5.0, max_backoff_seconds: float = 5.0,
                 busy_poll_seconds: float = 0.01, linger_seconds: float = 0.25, max_batches: int = 25) -> None:
        self.engine, self.outbox, self.producer = engine, outbox_table, producer
        self.exchange = f"{producer}.events"
        self.batch_size, self.poll_seconds, self.retention = batch_size, poll_seconds, retention
        self.busy_poll_seconds, self.linger_seconds = busy_poll_seconds, linger_seconds
        self.housekeeping_seconds = housekeeping_seconds
        self.max_batches = max_batches                          # per cycle, between housekeeping and liveness
        self.publisher = ConfirmingPublisher(amqp_url)
        batches = PostgresBatches if is_postgres(engine) else SqliteBatches
        self.batches = batches(engine, outbox_table, self.publisher, self.exchange, producer, batch_size)
        self.listener = OutboxListener(engine, producer) if is_postgres(engine) else None
        self._stopping = threading.Event()
        self._stop_read_fd, self._stop_write_fd = os.pipe()      # interrupts a LISTEN wait on stop()
        self._next_housekeeping = 0.0
        self._last_published = -linger_seconds                  # monotonic time of the last non-empty cycle
        self.sleeping = threading.Event()                       # set while idle on LISTEN (tests, diagnostics)
        self.failures = 0                        # failed cycles since start (tests and diagnostics)
        self._retrying = Retrying(
            retry=retry_if_exception_type(Exception), sleep=self._stopping.wait, reraise=True,
            wait=wait_exponential_jitter(initial=0.2, max=max_backoff_seconds),
            stop=lambda _state: self._stopping.is_set(), before_sleep=self._on_failure)

    # -- batches -----------------------------------------------------------------------------------------------
    def publish_pending(self, max_batches: int = 1) -> int:
        """Claim, publish and mark sent up to ``max_batches`` batches of ``batch_size`` rows in id order; return how
        many rows were published."""
        return self.batches.publish(max_batches)

    def publish_all(self) -> int:
        """Publish until the outbox has no unsent rows left (tools, tests and benchmarks); the database connections
        the batches held go back."""
        total = 0
        try:
            while (count := self.publish_pending(self.max_batches)):
                total += count
        finally:
            self.batches.close()
        return total

    # -- housekeeping ------------------------------------------------------------------------------------------
    def update_gauges(self) -> None:
        t = self.outbox
        with self.engine.connect() as connection:
            pending, oldest = connection.execute(
                select(func.count(), func.min(t.c.created_at)).where(t.c.sent_at.is_(None))).one()
        metrics.OUTBOX_PENDING.labels(self.producer).set(pending)
        lag = (_utcnow() - _as_utc(oldest)).total_seconds() if oldest else 0.0
        metrics.OUTBOX_LAG.labels(self.producer).set(max(lag, 0.0))

    def purge_sent(self, older_than: dt.timedelta | None = None, chunk: int = 5000) -> int:
        """Delete rows sent before now - retention, in chunks, so the outbox stays small; return how many."""
        t = self.outbox
        cutoff = _utcnow() - (self.retention if older_than is None else older_than)
        total = 0
        while True:
            with self.engine.begin() as connection:
                ids = select(t.c.id).where(t.c.sent_at.is_not(None), t.c.sent_at < cutoff).limit(chunk)
                deleted = connection.execute(delete(t).where(t.c.id.in_(ids.scalar_subquery()))).rowcount
            total += deleted
            if deleted < chunk:
                return total

    def purge_idempotency_keys(self) -> int:
        """Delete Idempotency-Key results past their retention (the service's ``idempotency_keys``, if it has one)."""
        table = self.outbox.metadata.tables.get("idempotency_keys")
        if table is None:
            return 0
        with self.engine.begin() as connection:
            return idempotency.purge(connection, table, _utcnow())

    def _housekeeping(self) -> None:
        now = time.monotonic()
        if now >= self._next_housekeeping:
            self._next_housekeeping = now + self.housekeeping_seconds
            self.update_gauges()
            self.purge_sent()
            self.purge_idempotency_keys()

    # -- the loop ----------------------------------------------------------------------------------------------
    def _cycle(self) -> None:
        published = self.publish_pending(self.max_batches)
        self._housekeeping()
        metrics.RELAY_LAST_CYCLE.labels(self.producer).set_to_current_time()   # a failing relay stops this clock
        now = time.monotonic()
        if published:
            self._last_published = now
        if self.batches.more or self._stopping.is_set():
            return                                               # the last batch was full: maybe more
        if self.listener is None:
            self._stopping.wait(self.poll_seconds)
        elif now - self._last_published < self.linger_seconds:
            self.listener.wait(self.busy_poll_seconds, self._stop_read_fd)   # events flow: writers do not NOTIFY
        else:
            self._idle()

    def _idle(self) -> None:
        """Announce idleness, re-read the outbox (rows committed before the announcement), then sleep."""
        announced = self.listener.announce_idle()
        if announced is Idle.WRITERS:                            # they commit now, without a NOTIFY: poll
            self.listener.wait(self.busy_poll_seconds, self._stop_read_fd)
            return
        try:
            if self.publish_pending(self.max_batches):
                self._last_published = time.monotonic()
                return
            self.sleeping.set()
            self.listener.wait(self.poll_seconds, self._stop_read_fd)
        finally:
            self.sleeping.clear()
            self.listener.release_idle()

    def _on_failure(self, state) -> None:
        self.failures += 1
        self.batches.close()
        if self.listener is not None:
            self.listener.close()
        log.warning("outbox relay for %s failed (attempt %d), retrying in %.1fs: %r", self.producer,
                    state.attempt_number, state.next_action.sleep if state.next_action else 0,
                    state.outcome.exception())

    def run(self) -> None:
        """Relay until :meth:`stop`; failures (broker or database down) back off exponentially and retry."""
        log.info("outbox relay for %s started (exchange %s)", self.producer, self.exchange)
        while not self._stopping.is_set():
            try:
                self._retrying(self._cycle)
            except Exception:  # noqa: BLE001 - only reached when stopping during a backoff
                if not self._stopping.is_set():
                    raise
        self.close()
        log.info("outbox relay for %s stopped", self.producer)

    def close(self) -> None:
        """Let go of the broker connection and the database sessions (a later publish opens them again)."""
        self.publisher.close()
        self.batches.close()
        if self.listener is not None:
            self.listener.close()

    def stop(self) -> None:
        self._stopping.set()
        os.write(self._stop_write_fd, b"x")
