"""Benchmark of the outbox relay: throughput against raw batched-confirm publishing, and commit-to-consumer latency.

(1) Relay (claim and mark outbox rows, publish with confirms in batches of 200, commit once confirmed) vs raw
    py-amqp confirm_select publishing of the same messages in batches of 200, same run, median of several runs.
    Target ratio >= 0.8.
(2) The roster events worker (a real `nameko run` subprocess hosting the relay) at a steady 500 events/s:
    latency from the producer's commit to a consumer's receipt, p95 target <= 50 ms.
"""
from __future__ import annotations

import json
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time

import amqp

from chassis.db import make_engine, make_session_factory
from chassis.events import DomainEvent
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage, connection_params
from chassis.messaging.relay import OutboxRelay, to_message
from chassis.messaging.testing import add_to_outbox, create_messaging_tables, envelope
from chassis.migrations import upgrade
from chassis.testing import infra, wait_for
from chassis.uow import UnitOfWork

MESSAGES, RUNS, BATCH = 10_000, 5, 200
RATE, LATENCY_SECONDS = 500, 10


def raw_publish(amqp_url: str, messages) -> float:
    """Baseline: py-amqp, confirm_select, publish 200, drain acks; returns msgs/s."""
    connection = amqp.Connection(**connection_params(amqp_url))
    connection.connect()
    channel = connection.channel()
    channel.exchange_declare("raw.events", "topic", durable=True, auto_delete=False)
    channel.confirm_select()
    acked = {"upto": 0}
    channel.events["basic_ack"].add(lambda tag, multiple: acked.__setitem__("upto", max(acked["upto"], tag)))
    started, tag = time.perf_counter(), 0
    for i in range(0, len(messages), BATCH):
        for m in messages[i:i + BATCH]:
            channel.basic_publish(amqp.Message(m.body, content_type="application/json", delivery_mode=2,
                                               message_id=m.message_id, correlation_id=m.correlation_id or None),
                                  exchange="raw.events", routing_key=m.routing_key)
            tag += 1
        while acked["upto"] < tag:
            connection.drain_events(timeout=30)
    elapsed = time.perf_counter() - started
    connection.close()
    return len(messages) / elapsed


def declare_sink(amqp_url: str, queue: str, exchange: str) -> None:
    connection = amqp.Connection(**connection_params(amqp_url))
    connection.connect()
    channel = connection.channel()
    channel.exchange_declare(exchange, "topic", durable=True, auto_delete=False)
    channel.queue_declare(queue, durable=True, auto_delete=False)
    channel.queue_bind(queue, exchange, "#")
    channel.queue_purge(queue)
    connection.close()


def throughput(pg_url: str, amqp_url: str) -> tuple[list[float], list[float]]:
    engine = make_engine(pg_url, pool_size=2)
    outbox, _ = create_messaging_tables(engine)
    relay_rates, raw_rates = [], []
    for run in range(RUNS):
        for queue, exchange in (("sink.raw", "raw.events"), ("sink.relay", "bench.events")):
            declare_sink(amqp_url, queue, exchange)       # both paths route to a durable queue
        events = [envelope("bench", "thing_happened", {"n": i, "pad": "x" * 200}) for i in range(MESSAGES)]
        with engine.begin() as conn:
            conn.execute(outbox.delete())
        for i in range(0, MESSAGES, 5000):
            add_to_outbox(engine, outbox, events[i:i + 5000])
        rows = [type("Row", (), {"type": e.type, "body": e.to_json(), "event_id": e.event_id}) for e in events]
        messages = [to_message(r) for r in rows]
        if run % 2:                                       # alternate the order: load drifts on a shared machine
            raw_rates.append(raw_publish(amqp_url, messages))
        relay = OutboxRelay(engine, outbox, amqp_url, "bench", batch_size=BATCH)
        started = time.perf_counter()
        assert relay.publish_all() == MESSAGES
        relay_rates.append(MESSAGES / (time.perf_counter() - started))
        relay.close()
        if not run % 2:
            raw_rates.append(raw_publish(amqp_url, messages))
    engine.dispose()
    return relay_rates, raw_rates


class BenchHappened(DomainEvent):
    pass


def latency(pg_url: str, amqp_url: str, work: pathlib.Path) -> tuple[list[float], list[float]]:
    """Roster's events worker relays roster's outbox; a py-amqp consumer measures commit -> receipt."""
    import roster.migrations
    from roster.adapters.orm import outbox
    upgrade(roster.migrations.MIGRATIONS_DIR, pg_url)
    env = {**os.environ, "ROSTER_DATABASE_URL": pg_url, "SKILLFOLIO_AMQP_URL": amqp_url,
           "ROSTER_EVENTS_METRICS_PORT": "0", "SKILLFOLIO_LOG_LEVEL": "WARNING"}
    log = open(work / "roster-events.log", "wb")
    worker = subprocess.Popen([sys.executable, "-m", "chassis.messaging.worker", "roster", "roster.entrypoints.worker"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    declare_sink(amqp_url, "sink.latency", "roster.events")
    samples: list[float] = []
    connection = amqp.Connection(**connection_params(amqp_url))
    connection.connect()
    channel = connection.channel()
    channel.basic_consume("sink.latency", no_ack=True, callback=lambda m: samples.append(
        (time.time() - json.loads(m.body)["data"]["committed"]) * 1000))
    raw_samples: list[float] = []
    engine = make_engine(pg_url, pool_size=4)
    sessions = make_session_factory(engine)
    def commit_one():
        uow = UnitOfWork(sessions, outbox, "roster")
        with uow:
            env_ = uow.raise_event(BenchHappened())
            object.__setattr__(env_, "data", {"committed": time.time()})
            uow.commit()
    stop = threading.Event()

    def consume():
        while not stop.is_set():
            try:
                connection.drain_events(timeout=0.2)
            except TimeoutError:
                pass
    consumer = threading.Thread(target=consume)
    consumer.start()
    try:
        deadline = time.monotonic() + 60                 # warm-up: until the worker relays (slow imports when busy)
        while not samples and time.monotonic() < deadline:
            commit_one()
            time.sleep(0.5)
        time.sleep(1)
        warm = len(samples)
        total = RATE * LATENCY_SECONDS
        started = time.perf_counter()
        for i in range(total):
            delay = started + i / RATE - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            commit_one()
        wait_for(lambda: len(samples) - warm >= total, 60, "all latency samples")
        relayed = samples[warm:]
        # Baseline in the same run: the same machine and consumer, publishing straight to the queue (no database,
        # no relay) one confirmed message at a time at the same rate.
        publisher = ConfirmingPublisher(amqp_url)
        mark = len(samples)
        started = time.perf_counter()
        for i in range(total):
            delay = started + i / RATE - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            body = json.dumps({"data": {"committed": time.time()}}).encode()
            publisher.publish_batch("", [OutgoingMessage("sink.latency", body, str(i))])
        publisher.close()
        wait_for(lambda: len(samples) - mark >= total, 60, "all raw latency samples")
        raw_samples.extend(samples[mark:])
        return relayed, raw_samples
    finally:
        stop.set()
        consumer.join()
        worker.terminate()
        worker.wait(30)
        log.close()
        connection.close()
        engine.dispose()


def main() -> None:
    work = pathlib.Path("var/bench")
    work.mkdir(parents=True, exist_ok=True)
    pg_url, amqp_url = infra.create_database(), infra.create_vhost()
    pg_url2 = infra.create_database()
    try:
        relay_rates, raw_rates = throughput(pg_url, amqp_url)
        samples, raw_samples = (sorted(s) for s in latency(pg_url2, amqp_url, work))
    finally:
        infra.drop_database(pg_url)
        infra.drop_database(pg_url2)
        infra.delete_vhost(amqp_url)
    relay, raw = statistics.median(relay_rates), statistics.median(raw_rates)
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"relay msgs/s per run: {[round(r) for r in relay_rates]}; raw: {[round(r) for r in raw_rates]}",
          file=sys.stderr)
    print(json.dumps({
        "bench": "outbox_relay", "value": round(relay, 1), "baseline": round(raw, 1),
        "ratio": round(relay / raw, 3), "target": 0.8, "better": "higher",
        "relay_msgs_per_s": round(relay, 1), "raw_confirm_msgs_per_s": round(raw, 1), "messages": MESSAGES,
        "runs": RUNS, "p95_ms": round(p95, 2), "p50_ms": round(statistics.median(samples), 2),
        "p99_ms": round(samples[int(len(samples) * 0.99) - 1], 2), "latency_target_ms": 50,
        "raw_publish_p95_ms": round(raw_samples[int(len(raw_samples) * 0.95) - 1], 2),
        "raw_publish_p50_ms": round(statistics.median(raw_samples), 2),
        "latency_rate_per_s": RATE, "latency_samples": len(samples)}))


if __name__ == "__main__":
    main()
