"""Fault tests of reliable messaging: kill the relay or a consumer with SIGKILL, restart RabbitMQ, feed poison.

Each drives real nameko worker subprocesses (tests/fault/probe_*.py) against a fresh PostgreSQL db and vhost, and
asserts that every event's effect is applied exactly once: nothing lost, nothing applied twice.
"""
import signal
import subprocess
import threading
import time

import probe_service
import pytest
from harness import ProbeHarness
from sqlalchemy import func, select

from chassis.testing import wait_for

pytestmark = [pytest.mark.fault, pytest.mark.integration]


@pytest.fixture
def probe(fresh_pg_database_url, fresh_amqp_url, tmp_path):
    harness = ProbeHarness(fresh_pg_database_url, fresh_amqp_url, tmp_path)
    yield harness
    harness.close()


def unsent(probe) -> int:
    outbox = probe_service.outbox
    with probe.engine.connect() as conn:
        return conn.execute(select(func.count()).where(outbox.c.sent_at.is_(None))).scalar()


def test_relay_killed_after_commit_before_publish_loses_nothing(probe, tmp_path):
    probe.start_consumer()
    relay = probe.start_relay(FAULT_RELAY_PAUSE="before_publish")
    events = probe.events(5)
    probe.add_to_outbox(events)                               # the producer's transaction committed
    wait_for((tmp_path / "relay-paused").exists, 30, "the relay to reach its pause point")
    relay.kill()                        # SIGKILL, and reaped: paused before its publish, it published nothing
    assert relay.proc.returncode == -signal.SIGKILL
    assert probe.effects() == {} and unsent(probe) == 5
    probe.start_relay()
    effects = probe.wait_for_effects(events)
    assert set(effects.values()) == {1} and unsent(probe) == 0
    assert set(probe.deliveries().values()) == {1}


def test_relay_killed_after_publish_before_mark_sent_is_deduped(probe, tmp_path):
    probe.start_consumer()
    relay = probe.start_relay(FAULT_RELAY_PAUSE="after_publish")
    events = probe.events(5)
    probe.add_to_outbox(events)
    wait_for((tmp_path / "relay-paused").exists, 30, "the relay to publish and pause")
    probe.wait_for_effects(events)                            # published and applied, but not marked sent
    relay.kill()
    wait_for(lambda: unsent(probe) == 5, 10, "the killed relay's transaction to roll back")
    probe.start_relay()
    wait_for(lambda: unsent(probe) == 0, 30, "the restarted relay to republish")
    wait_for(lambda: set(probe.deliveries().values()) == {2}, 30, "every event delivered twice")
    assert set(probe.effects().values()) == {1} and len(probe.effects()) == 5


def test_consumer_killed_mid_handler_redelivers_and_applies_once(probe, tmp_path):
    consumer = probe.start_consumer()
    hanging = probe.events(1, hang=True)
    probe.publish(hanging)
    wait_for((tmp_path / f"hang-{hanging[0].event_id}").exists, 30, "the handler to hang mid-transaction")
    consumer.kill()
    others = probe.events(20)
    probe.publish(others)
    probe.start_consumer()
    effects = probe.wait_for_effects(hanging + others)
    assert set(effects.values()) == {1}
    assert probe.deliveries()[hanging[0].event_id] == 2


def test_consumer_stopped_mid_handler_exits_within_its_grace_and_the_event_is_applied_once(probe, tmp_path):
    """SIGTERM waits for the handler in hand only ``<SERVICE>_SHUTDOWN_GRACE_SECONDS``: then the worker kills it and
    exits 0 by itself (nameko alone would wait for the hour-long handler until the helper's SIGKILL, -9)."""
    consumer = probe.start_consumer(PROBE_SHUTDOWN_GRACE_SECONDS="1")
    hanging = probe.events(1, hang=True)
    probe.publish(hanging)
    wait_for((tmp_path / f"hang-{hanging[0].event_id}").exists, 30, "the handler to hang mid-transaction")
    assert consumer.stop(timeout=60) == 0, consumer.log_text()[-3000:]
    assert probe.effects() == {}                              # its transaction rolled back
    probe.start_consumer()
    effects = probe.wait_for_effects(hanging)                 # never acked, so redelivered
    assert set(effects.values()) == {1}
    assert probe.deliveries()[hanging[0].event_id] == 2


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", *args], check=True, capture_output=True, timeout=120)


@pytest.mark.exclusive    # every other test talks to this RabbitMQ: this one runs alone, after them
def test_rabbitmq_restart_during_2000_events_loses_and_duplicates_nothing(probe):
    probe.start_consumer()
    probe.start_relay()
    events = probe.events(2000)
    chunks = [events[i:i + 50] for i in range(0, len(events), 50)]

    def produce():
        for chunk in chunks:
            probe.add_to_outbox(chunk)
            time.sleep(0.1)
    producer = threading.Thread(target=produce)
    producer.start()
    try:
        wait_for(lambda: sum(probe.effects().values()) >= 300, 60, "the first 300 effects")
        _rabbitmqctl("stop_app")
        time.sleep(2)
    finally:
        _rabbitmqctl("start_app")
        _rabbitmqctl("await_startup")
        producer.join(60)
    effects = probe.wait_for_effects(events, timeout=120)
    assert len(effects) == 2000 and set(effects.values()) == {1}
    assert unsent(probe) == 0
    assert probe.dead_letters() == []


def test_poison_is_parked_while_the_stream_keeps_flowing(probe):
    probe.start_consumer()
    probe.start_relay()
    before, poison, after = probe.events(100), probe.events(1, poison=True), probe.events(100)
    probe.add_to_outbox(before + poison + after)
    effects = probe.wait_for_effects(before + after)
    assert set(effects.values()) == {1}
    parked = wait_for(probe.dead_letters, 20, "the poison message in the DLQ")
    assert [m.properties["message_id"] for m in parked] == [poison[0].event_id]
    assert poison[0].event_id not in probe.effects()
