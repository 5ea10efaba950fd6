"""The outbox relay against real PostgreSQL and RabbitMQ: confirms, SKIP LOCKED concurrency, LISTEN wake-up."""
import datetime as dt
import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import select, update

from chassis.db import make_engine, make_session_factory
from chassis.events import DomainEvent
from chassis.messaging.relay import OutboxRelay
from chassis.messaging.testing import add_to_outbox, bind_queue, create_messaging_tables, drain_queue, envelope
from chassis.testing import wait_for
from chassis.uow import UnitOfWork

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class ThingHappened(DomainEvent):
    thing: str


@pytest.fixture
def db(fresh_pg_database_url):
    engine = make_engine(fresh_pg_database_url, pool_size=4)
    outbox, inbox = create_messaging_tables(engine)
    yield engine, outbox
    engine.dispose()


def unsent(engine, outbox) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(outbox.c.id).where(outbox.c.sent_at.is_(None))).all())


def test_publishes_with_confirms_and_marks_sent(db, fresh_amqp_url):
    engine, outbox = db
    bind_queue(fresh_amqp_url, "tap", "demo.events")
    events = [envelope("demo", "thing_happened", {"n": i}, correlation_id=f"corr-{i}") for i in range(450)]
    add_to_outbox(engine, outbox, events)
    relay = OutboxRelay(engine, outbox, fresh_amqp_url, "demo", batch_size=200)
    assert relay.publish_all() == 450
    relay.close()
    assert unsent(engine, outbox) == 0
    messages = drain_queue(fresh_amqp_url, "tap")
    assert [m.properties["message_id"] for m in messages] == [e.event_id for e in events]   # id order
    first = messages[0]
    assert first.properties["delivery_mode"] == 2
    assert first.properties["content_type"] == "application/json"
    assert first.properties["correlation_id"] == "corr-0"
    assert first.delivery_info["routing_key"] == "thing_happened"
    assert json.loads(first.body)["data"] == {"n": 0}


def test_a_completed_cycle_advances_the_liveness_clock_and_a_failing_one_does_not(db, fresh_amqp_url):
    from chassis.metrics import RELAY_LAST_CYCLE
    engine, outbox = db
    relay = OutboxRelay(engine, outbox, fresh_amqp_url, "liveness", poll_seconds=0.01)
    before = time.time()
    relay._cycle()
    relay.close()
    stamp = RELAY_LAST_CYCLE.labels("liveness")._value.get()
    assert before <= stamp <= time.time()
    broken = OutboxRelay(engine, outbox, "amqp://guest:guest@127.0.0.1:1/", "liveness")
    add_to_outbox(engine, outbox, [envelope("liveness", "thing_happened")])
    with pytest.raises(OSError):
        broken._cycle()
    assert RELAY_LAST_CYCLE.labels("liveness")._value.get() == stamp


def test_broker_down_rolls_back_and_keeps_rows_unsent(db):
    engine, outbox = db
    add_to_outbox(engine, outbox, [envelope("demo", "thing_happened")])
    relay = OutboxRelay(engine, outbox, "amqp://guest:guest@127.0.0.1:1/", "demo")
    with pytest.raises(OSError):
        relay.publish_pending()
    assert unsent(engine, outbox) == 1


def test_two_relays_publish_each_row_exactly_once(db, fresh_amqp_url):
    engine, outbox = db
    bind_queue(fresh_amqp_url, "tap", "demo.events")
    events = [envelope("demo", "thing_happened", {"n": i}) for i in range(3000)]
    add_to_outbox(engine, outbox, events)
    relays = [OutboxRelay(engine, outbox, fresh_amqp_url, "demo", batch_size=50) for _ in range(2)]
    counts = [0, 0]

    def drain(i):
        counts[i] = relays[i].publish_all()
    threads = [threading.Thread(target=drain, args=(i,)) for i in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sum(counts) == 3000 and min(counts) > 0          # both really worked, concurrently
    ids = [m.properties["message_id"] for m in drain_queue(fresh_amqp_url, "tap")]
    assert len(ids) == 3000 and set(ids) == {e.event_id for e in events}
    assert unsent(engine, outbox) == 0


def test_listen_wakes_the_relay_quickly(db, fresh_amqp_url):
    engine, outbox = db
    bind_queue(fresh_amqp_url, "tap", "demo.events")
    relay = OutboxRelay(engine, outbox, fresh_amqp_url, "demo", poll_seconds=30.0)   # polling would take 30 s
    runner = threading.Thread(target=relay.run)
    runner.start()
    try:
        wait_for(relay.sleeping.is_set, 10, "the relay idle, LISTENing")
        uow = UnitOfWork(make_session_factory(engine), outbox, "demo")
        with uow:
            uow.raise_event(ThingHappened("x"))
            uow.commit()
        committed = time.monotonic()
        wait_for(lambda: unsent(engine, outbox) == 0, timeout=5)
        assert time.monotonic() - committed < 1.0
        assert len(drain_queue(fresh_amqp_url, "tap")) == 1
        assert relay.failures == 0                                # woken by NOTIFY, not by a retry
    finally:
        relay.stop()
        runner.join(10)
    assert not runner.is_alive()


def test_purges_sent_rows_older_than_retention(db, fresh_amqp_url):
    engine, outbox = db
    add_to_outbox(engine, outbox, [envelope("demo", "thing_happened") for _ in range(5)])
    relay = OutboxRelay(engine, outbox, fresh_amqp_url, "demo", retention=dt.timedelta(hours=1))
    relay.publish_all()
    relay.close()
    with engine.begin() as conn:
        conn.execute(update(outbox).where(outbox.c.id <= 3).values(sent_at=dt.datetime.now(dt.UTC)
                                                                   - dt.timedelta(hours=2)))
    add_to_outbox(engine, outbox, [envelope("demo", "thing_happened")])      # unsent: never purged
    assert relay.purge_sent() == 3
    with engine.connect() as conn:
        assert len(conn.execute(select(outbox.c.id)).all()) == 3


def test_sqlite_embedded_default(tmp_path, fresh_amqp_url):
    engine = make_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    outbox, _ = create_messaging_tables(engine)
    bind_queue(fresh_amqp_url, "tap", "demo.events")
    add_to_outbox(engine, outbox, [envelope("demo", "thing_happened") for _ in range(3)])
    relay = OutboxRelay(engine, outbox, fresh_amqp_url, "demo")
    assert relay.publish_all() == 3
    relay.update_gauges()
    assert relay.purge_sent(older_than=dt.timedelta(0)) == 3
    relay.close()
    assert len(drain_queue(fresh_amqp_url, "tap")) == 3


def test_sqlite_relay_never_holds_the_write_lock_while_the_broker_answers(tmp_path, fresh_amqp_url):
    """An events worker's green threads block on SQLite's lock without yielding: a relay holding it across the
    broker's round trip would stall every writer (the embedded default's API and handlers) until it commits."""
    engine = make_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    outbox, _ = create_messaging_tables(engine)
    add_to_outbox(engine, outbox, [envelope("demo", "thing_happened")])
    relay = OutboxRelay(engine, outbox, fresh_amqp_url, "demo")
    publishing, release = threading.Event(), threading.Event()
    publish = relay.publisher.publish

    def publish_and_wait(exchange, messages):
        publish(exchange, messages)
        publishing.set()
        release.wait(10)
    relay.publisher.publish = publish_and_wait
    runner = threading.Thread(target=relay.publish_all)
    runner.start()
    try:
        assert publishing.wait(10)
        writer = sqlite3.connect(tmp_path / "demo.db", timeout=0)             # no wait for a lock
        with writer:
            writer.execute("INSERT INTO outbox (event_id, type, body, created_at) VALUES (?, ?, ?, ?)",
                           (str(uuid.uuid4()), "thing_happened", "{}", "2026-01-01 00:00:00"))
        writer.close()
    finally:
        release.set()
        runner.join(10)
    relay.close()
    assert unsent(engine, outbox) == 0
