"""How writers wake the relay: NOTIFY only while a relay says it is idle, never while it is busy polling."""
import threading
import time
from dataclasses import dataclass

import pytest
from sqlalchemy import insert

from chassis.db import make_engine, make_session_factory
from chassis.events import DomainEvent
from chassis.messaging.listener import Idle, OutboxListener
from chassis.messaging.relay import OutboxRelay
from chassis.messaging.testing import bind_queue, create_messaging_tables, drain_queue, envelope, wait_until
from chassis.uow import UnitOfWork, outbox_channel, wake_idle_relay

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class ThingHappened(DomainEvent):
    thing: str


@pytest.fixture
def db(fresh_pg_database_url):
    engine = make_engine(fresh_pg_database_url, pool_size=4)
    outbox, _ = create_messaging_tables(engine)
    yield engine, outbox
    engine.dispose()


class Notifications:
    """A LISTEN session counting the relay channel's notifications, exactly: ``count()`` sends a marker on a
    second channel and reads until it arrives (notifications are delivered in commit order)."""

    def __init__(self, engine, producer: str) -> None:
        pooled = engine.raw_connection()
        self.connection = pooled.dbapi_connection
        pooled.detach()
        self.connection.autocommit = True
        self.channel, self.seen, self.markers = outbox_channel(producer), 0, 0
        with self.connection.cursor() as cursor:
            cursor.execute(f'LISTEN "{self.channel}"; LISTEN test_marker')

    def count(self) -> int:
        self.markers += 1
        marker = str(self.markers)
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT pg_notify('test_marker', %s)", (marker,))

        def marker_arrived() -> bool:
            self.connection.poll()
            arrived = False
            for note in self.connection.notifies:
                self.seen += note.channel == self.channel
                arrived |= note.channel == "test_marker" and note.payload == marker
            self.connection.notifies.clear()
            return arrived
        wait_until(marker_arrived, timeout=10, what="the marker notification")
        return self.seen

    def close(self) -> None:
        self.connection.close()


def commit_event(engine, outbox, producer: str = "demo") -> None:
    uow = UnitOfWork(make_session_factory(engine), outbox, producer)
    with uow:
        uow.raise_event(ThingHappened("x"))
        uow.commit()


@pytest.fixture
def running(db, fresh_amqp_url):
    """Start a relay of "demo" (keyword arguments) in a thread; stopped at teardown."""
    engine, outbox = db
    bind_queue(fresh_amqp_url, "tap", "demo.events")
    started = []

    def start(**kwargs) -> OutboxRelay:
        relay = OutboxRelay(engine, outbox, fresh_amqp_url, "demo", **kwargs)
        runner = threading.Thread(target=relay.run)
        runner.start()
        started.append((relay, runner))
        return relay
    yield start
    for relay, runner in started:
        relay.stop()
        runner.join(10)
        assert not runner.is_alive()


def consumed(amqp_url: str, expected: int, seen: list) -> bool:
    seen.extend(drain_queue(amqp_url, "tap"))
    return len(seen) >= expected


def test_a_commit_wakes_an_idle_relay_at_once_and_a_busy_relay_gets_no_notify(db, running, fresh_amqp_url):
    engine, outbox = db
    notes = Notifications(engine, "demo")
    relay = running(poll_seconds=30.0, linger_seconds=30.0)     # idle: sleeps 30 s; busy: 30 s after an event
    try:
        wait_until(relay.sleeping.is_set, timeout=10, what="the relay sleeping idle")
        commit_event(engine, outbox)
        committed, seen = time.monotonic(), []
        wait_until(lambda: consumed(fresh_amqp_url, 1, seen), timeout=10, what="the first event consumed")
        assert time.monotonic() - committed < 1.0                # woken by the NOTIFY, not by its 30 s timeout
        assert notes.count() == 1
        for _ in range(20):                                      # the relay is busy now (it lingers 30 s)
            commit_event(engine, outbox)
        wait_until(lambda: consumed(fresh_amqp_url, 21, seen), timeout=10, what="all 21 events consumed")
        assert notes.count() == 1                                # none of the 20 commits notified
        assert relay.failures == 0
    finally:
        notes.close()


def test_a_relay_goes_idle_after_lingering_and_is_woken_again(db, running, fresh_amqp_url):
    engine, outbox = db
    relay = running(poll_seconds=30.0, linger_seconds=0.05)
    seen = []
    for n in range(1, 4):
        wait_until(relay.sleeping.is_set, timeout=10, what="the relay sleeping idle")
        commit_event(engine, outbox)
        committed = time.monotonic()
        wait_until(lambda: consumed(fresh_amqp_url, n, seen), timeout=10, what=f"event {n} consumed")
        assert time.monotonic() - committed < 1.0


def test_a_second_relay_sleeps_on_the_first_ones_announcement_and_both_are_woken(db, running, fresh_amqp_url):
    engine, outbox = db
    first = running(poll_seconds=30.0, linger_seconds=0.0)
    wait_until(first.sleeping.is_set, timeout=10, what="the first relay sleeping idle")
    second = running(poll_seconds=30.0, linger_seconds=0.0)
    wait_until(second.sleeping.is_set, timeout=10, what="the second relay sleeping idle")
    assert first.listener.holds_idle_lock and not second.listener.holds_idle_lock
    commit_event(engine, outbox)
    committed, seen = time.monotonic(), []
    wait_until(lambda: consumed(fresh_amqp_url, 1, seen), timeout=10, what="the event consumed")
    assert time.monotonic() - committed < 1.0


def test_a_writer_between_its_check_and_its_commit_keeps_the_relay_from_announcing_idle(db):
    engine, outbox = db
    listener = OutboxListener(engine, "demo")
    try:
        with engine.begin() as writer:
            writer.execute(insert(outbox).values(event_id="e-1", type="thing_happened", body="{}"))
            wake_idle_relay(writer, "demo")                      # not idle: no NOTIFY, the check's lock is held
            assert listener.announce_idle() is Idle.WRITERS       # ... until this commit is visible
        assert listener.announce_idle() is Idle.ANNOUNCED
        assert listener.holds_idle_lock
        other = OutboxListener(engine, "demo")
        try:
            assert other.announce_idle() is Idle.OTHER_RELAY
        finally:
            other.close()
        listener.release_idle()
        assert not listener.holds_idle_lock
    finally:
        listener.close()
