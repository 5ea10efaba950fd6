"""How writers wake the relay on real PostgreSQL: NOTIFY only while a relay holds its idle lock; the handshake with
writers in flight; a lock that dies with its session; claims that roll back when their relay dies or hangs; the
fallback poll that bounds a missed wake-up."""
import threading
import time
from dataclasses import dataclass

import pytest
from sqlalchemy import select, text

from chassis.db import make_engine, make_session_factory
from chassis.events import DomainEvent
from chassis.messaging import relay_batches
from chassis.messaging.listener import Idle, OutboxListener
from chassis.messaging.relay import OutboxRelay
from chassis.messaging.testing import (
    add_to_outbox,
    bind_queue,
    create_messaging_tables,
    drain_queue,
    envelope,
    queue_depth,
)
from chassis.relay_wakeup import wake_idle_relay
from chassis.testing import wait_for
from chassis.uow import UnitOfWork

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


def commit_event(engine, outbox, producer: str = "demo") -> None:
    uow = UnitOfWork(make_session_factory(engine), outbox, producer)
    with uow:
        uow.raise_event(ThingHappened("x"))
        uow.commit()


def notified(listener: OutboxListener) -> bool:
    """Whether a NOTIFY reached ``listener`` (waits briefly: a notification arrives right after its commit)."""
    return listener.wait(0.3)


def unsent(engine, outbox) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(outbox.c.id).where(outbox.c.sent_at.is_(None))).all())


def test_writers_notify_only_while_a_relay_says_it_is_idle(db):
    engine, outbox = db
    relay, witness = OutboxListener(engine, "demo"), OutboxListener(engine, "demo")
    try:
        witness.wait(0)                                          # LISTEN on
        commit_event(engine, outbox)
        assert not notified(witness)                             # no relay idle: the commit took no global lock
        assert relay.announce_idle() is Idle.ANNOUNCED
        commit_event(engine, outbox)
        assert notified(witness)
        relay.release_idle()
        commit_event(engine, outbox)
        assert not notified(witness)
    finally:
        relay.close()
        witness.close()


def test_a_commit_writes_its_events_and_wakes_an_idle_relay_even_after_flushing_them_in_chunks(db):
    engine, outbox = db
    relay, witness = OutboxListener(engine, "demo"), OutboxListener(engine, "demo")
    try:
        witness.wait(0)
        assert relay.announce_idle() is Idle.ANNOUNCED
        uow = UnitOfWork(make_session_factory(engine), outbox, "demo")
        with uow:
            uow.raise_events([ThingHappened("a"), ThingHappened("b")])
            assert uow.flush_events() == 2                       # a bulk writer flushes per chunk...
            uow.commit()                                         # ...and has nothing pending at its commit
        assert notified(witness)
        with uow:
            uow.raise_events([ThingHappened(str(n)) for n in range(3)])
            uow.commit()                                         # the rows and the check: one round trip
        assert notified(witness)
        assert unsent(engine, outbox) == 5
        with uow:
            uow.commit()                                         # no events: no wake-up
        assert not notified(witness)
    finally:
        relay.close()
        witness.close()


def test_a_writer_between_its_check_and_its_commit_keeps_the_relay_polling(db):
    engine, outbox = db
    relay = OutboxListener(engine, "demo")
    try:
        with engine.connect() as writer:
            add_to_outbox(engine, outbox, [envelope("demo", "thing_happened")])
            wake_idle_relay(writer, "demo")                      # checked: it will not NOTIFY at its commit
            assert relay.announce_idle() is Idle.WRITERS         # so the relay must not sleep yet
            writer.commit()
        assert relay.announce_idle() is Idle.ANNOUNCED           # every writer that did not NOTIFY has committed
    finally:
        relay.close()


def test_the_idle_lock_ends_with_its_session(db):
    engine, outbox = db
    first, second, witness = (OutboxListener(engine, "demo") for _ in range(3))
    try:
        witness.wait(0)
        assert first.announce_idle() is Idle.ANNOUNCED
        assert second.announce_idle() is Idle.OTHER_RELAY        # writers notify: it may sleep on LISTEN too
        first.close()                                            # a killed relay's session ends
        commit_event(engine, outbox)
        assert not notified(witness)                             # nobody sleeps: nobody is notified
        assert second.announce_idle() is Idle.ANNOUNCED
    finally:
        for listener in (first, second, witness):
            listener.close()


def test_a_relay_that_dies_with_a_claim_leaves_the_rows_to_the_next(db, fresh_amqp_url):
    engine, outbox = db
    add_to_outbox(engine, outbox, [envelope("demo", "thing_happened") for _ in range(5)])
    dying = OutboxRelay(engine, outbox, fresh_amqp_url, "demo").batches
    claim = dying._claim()                                       # marked sent, not committed
    assert len(claim.rows) == 5
    pid = claim.connection.execute(text("SELECT pg_backend_pid()")).scalar()
    with engine.connect() as admin:
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    dying._discard(claim.connection)                             # (the test's handle on the dead session)
    survivor = OutboxRelay(engine, outbox, fresh_amqp_url, "demo")
    assert wait_for(survivor.publish_all, timeout=10, what="the dead relay's rows republished") == 5
    survivor.close()
    assert unsent(engine, outbox) == 0


def test_a_hung_relay_s_claim_expires(db, fresh_amqp_url, monkeypatch):
    engine, outbox = db
    monkeypatch.setattr(relay_batches, "CLAIM_TIMEOUT", "1s")
    add_to_outbox(engine, outbox, [envelope("demo", "thing_happened") for _ in range(3)])
    hung = OutboxRelay(engine, outbox, fresh_amqp_url, "demo").batches
    claim = hung._claim()
    assert len(claim.rows) == 3                                  # ... and it never says anything again
    other = OutboxRelay(engine, outbox, fresh_amqp_url, "demo")
    assert other.publish_all() == 0                              # claimed rows are skipped, not waited for
    assert wait_for(other.publish_all, timeout=10, what="the hung claim rolled back by the server") == 3
    other.close()
    hung._discard(claim.connection)


def test_an_idle_relay_wakes_on_notify_and_a_missed_one_costs_one_poll(db, fresh_amqp_url):
    engine, outbox = db
    relay = OutboxRelay(engine, outbox, fresh_amqp_url, "demo", poll_seconds=3.0, linger_seconds=0.05)
    runner = threading.Thread(target=relay.run)
    runner.start()
    try:
        wait_for(relay.sleeping.is_set, timeout=10, what="the relay idle")
        commit_event(engine, outbox)
        committed = time.monotonic()
        wait_for(lambda: unsent(engine, outbox) == 0, timeout=5, interval=0.01)
        assert time.monotonic() - committed < 1.5                # woken by the NOTIFY, well before its poll
        wait_for(relay.sleeping.is_set, timeout=10, what="the relay idle again")
        add_to_outbox(engine, outbox, [envelope("demo", "thing_happened")])   # a commit that never notifies
        wait_for(lambda: unsent(engine, outbox) == 0, timeout=10, interval=0.01, what="the fallback poll")
        assert relay.failures == 0
    finally:
        relay.stop()
        runner.join(10)
    assert not runner.is_alive()


def test_two_running_relays_with_writers_lose_nothing_and_duplicate_nothing(db, fresh_amqp_url):
    engine, outbox = db
    bind_queue(fresh_amqp_url, "tap", "demo.events")
    relays = [OutboxRelay(engine, outbox, fresh_amqp_url, "demo", batch_size=20, linger_seconds=0.05)
              for _ in range(2)]
    runners = [threading.Thread(target=relay.run) for relay in relays]
    [runner.start() for runner in runners]

    def write(bursts: int) -> None:
        for _ in range(bursts):
            for _ in range(30):
                commit_event(engine, outbox)
            # a lull until a relay has gone idle (sleeps on LISTEN), so the next burst must wake it
            wait_for(lambda: any(relay.sleeping.is_set() for relay in relays), 30, "a relay idle between bursts")
    writers = [threading.Thread(target=write, args=(5,)) for _ in range(4)]
    try:
        [writer.start() for writer in writers]
        [writer.join(60) for writer in writers]
        wait_for(lambda: queue_depth(fresh_amqp_url, "tap") >= 600, timeout=30, what="every event published")
    finally:
        [relay.stop() for relay in relays]
        [runner.join(10) for runner in runners]
    with engine.connect() as conn:
        written = set(conn.execute(select(outbox.c.event_id)).scalars())
    published = [m.properties["message_id"] for m in drain_queue(fresh_amqp_url, "tap")]
    assert len(written) == 600 and set(published) == written          # nothing lost
    assert len(published) == len(written)                              # nothing duplicated (no failure happened)
    assert [relay.failures for relay in relays] == [0, 0]
    assert unsent(engine, outbox) == 0
