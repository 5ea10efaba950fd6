"""Operator tools against real PostgreSQL and RabbitMQ: outbox replay, dead-letter listing and requeue."""
import datetime as dt

import amqp
import pytest
from sqlalchemy import func, select, update

from chassis.db import make_engine
from chassis.messaging import replay
from chassis.messaging.relay import OutboxRelay
from chassis.messaging.testing import (
    add_to_outbox,
    amqp_connection,
    bind_queue,
    create_messaging_tables,
    drain_queue,
    envelope,
)
from chassis.messaging.topology import ATTEMPT_HEADER, ORIGIN_HEADER
from chassis.testing import infra, wait_for

pytestmark = pytest.mark.integration


def test_replay_marks_matching_rows_unsent_and_the_relay_republishes(fresh_pg_database_url, fresh_amqp_url):
    engine = make_engine(fresh_pg_database_url, pool_size=2)
    outbox, _ = create_messaging_tables(engine)
    bind_queue(fresh_amqp_url, "tap", "demo.events")
    old, new = [envelope("demo", "a_happened") for _ in range(3)], [envelope("demo", "a_happened") for _ in range(4)]
    other = [envelope("demo", "b_happened") for _ in range(2)]
    add_to_outbox(engine, outbox, old)
    with engine.begin() as conn:
        conn.execute(update(outbox).values(created_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)))
    add_to_outbox(engine, outbox, new + other)
    relay = OutboxRelay(engine, outbox, fresh_amqp_url, "demo")
    assert relay.publish_all() == 9
    drain_queue(fresh_amqp_url, "tap")
    count = replay.mark_unsent(engine, outbox, "demo", since=dt.datetime(2021, 1, 1, tzinfo=dt.UTC),
                               event_type="a_happened")
    assert count == 4
    assert relay.publish_all() == 4
    relay.publisher.close()
    assert sorted(m.properties["message_id"] for m in drain_queue(fresh_amqp_url, "tap")) == \
        sorted(e.event_id for e in new)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).where(outbox.c.sent_at.is_(None))).scalar() == 0
    engine.dispose()


def test_dead_letters_are_listed_and_requeued_with_a_fresh_attempt_count(fresh_amqp_url, monkeypatch):
    monkeypatch.setenv("SKILLFOLIO_RABBITMQ_API", infra.RABBIT_API)
    with amqp_connection(fresh_amqp_url) as connection:
        channel = connection.channel()
        for name in ("evt-x-y--z.handle", "evt-x-y--z.handle.dlq"):
            channel.queue_declare(name, durable=True, auto_delete=False)
        for i in range(3):
            channel.basic_publish(amqp.Message(f'{{"n": {i}}}', message_id=f"m{i}", delivery_mode=2,
                                               application_headers={ATTEMPT_HEADER: 5,
                                                                    ORIGIN_HEADER: "evt-x-y--z.handle"}),
                                  exchange="", routing_key="evt-x-y--z.handle.dlq")

    def counted() -> list[dict] | None:             # the management API's counts lag a few seconds
        listed = replay.dead_letter_queues(fresh_amqp_url)
        return listed if listed and listed[0]["messages"] == 3 else None
    listed = wait_for(counted, 15, "the management API to count the 3 dead letters", interval=0.5)
    assert listed == [{"queue": "evt-x-y--z.handle.dlq", "messages": 3}]
    assert replay.requeue_dead_letters(fresh_amqp_url, "evt-x-y--z.handle.dlq") == 3
    moved = drain_queue(fresh_amqp_url, "evt-x-y--z.handle")
    assert [m.properties["message_id"] for m in moved] == ["m0", "m1", "m2"]
    assert all(m.headers[ATTEMPT_HEADER] == 0 for m in moved)
    assert drain_queue(fresh_amqp_url, "evt-x-y--z.handle.dlq") == []
    with pytest.raises(ValueError, match="not a dead-letter queue"):
        replay.requeue_dead_letters(fresh_amqp_url, "evt-x-y--z.handle")
