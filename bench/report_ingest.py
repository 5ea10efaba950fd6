"""Benchmark of reporting ingestion (issue 12): events applied to the read models per second against the raw
consume-and-ack rate of the same messages from the same queue, in the same run. Target ratio >= 0.3.

The events are the tests' known district (services/reporting/tests/reporting_stream.py) scaled up: schools,
school years, skills, students with promotions and transfers, artifacts added/updated/deleted, reflections,
feedback, assessments and milestones, published once per measurement to a durable queue. Raw: py-amqp
basic_consume with the events workers' prefetch and batch size (chassis.messaging.batching: the next batch is
delivered while one is handled), ack per batch. Applied: the same consumer, each batch applied by the reporting
service's batch path (one transaction, one inbox claim statement, one statement per read model: the events
worker's path, chassis.messaging.batching) into a fresh database and acked after its commit. The two alternate over
``--rounds`` (the machine is shared: a noisy second moves one round, not the figure); the figures are the medians, and
the ratio the median of the rounds' ratios. Also reported: the per-event path (a transaction and inbox claim per
event: the worker's fallback when a batch fails).

Usage: .venv/bin/python bench/report_ingest.py [--rounds 5]"""
from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import sys
import time

import amqp

from chassis.config import service_settings
from chassis.events import Envelope
from chassis.messaging.batching import MAX_BATCH, PREFETCH
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage, connection_params
from chassis.messaging.subscriptions import feed_before_workers
from chassis.migrations import upgrade
from chassis.testing import infra
from reporting.adapters.reads import Scope
from reporting.bootstrap import build
from reporting.migrations import MIGRATIONS_DIR
from reporting.service_layer.batches import apply_batch
from reporting.service_layer.subscriptions import SUBSCRIPTIONS

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "services/reporting/tests"))
import reporting_stream  # noqa: E402  (the tests' known district)
from _consume import consume  # noqa: E402

EXCHANGE, QUEUE, PER_EVENT_SAMPLE = "bench.reporting", "bench.reporting.ingest", 1500


def publish(amqp_url: str, events) -> None:
    publisher = ConfirmingPublisher(amqp_url)
    messages = [OutgoingMessage("e", e.to_json().encode(), e.event_id) for e in events]
    for start in range(0, len(messages), 1000):
        publisher.publish_batch(EXCHANGE, messages[start:start + 1000])
    publisher.close()


def declare(amqp_url: str) -> None:
    connection = amqp.Connection(**connection_params(amqp_url))
    connection.connect()
    channel = connection.channel()
    channel.exchange_declare(EXCHANGE, "topic", durable=True, auto_delete=False)
    channel.queue_declare(QUEUE, durable=True, auto_delete=False)
    channel.queue_bind(QUEUE, EXCHANGE, routing_key="#")
    connection.close()


def applied_round(amqp_url: str, events) -> tuple[float, int]:
    """Events/s applied by the batch path into a fresh database, and the artifacts its read models count."""
    pg_url = infra.create_database()
    try:
        upgrade(MIGRATIONS_DIR, pg_url)
        app = build(service_settings("reporting", database_url=pg_url, db_pool_size=2))
        publish(amqp_url, events)
        applied = consume(amqp_url, QUEUE, len(events), PREFETCH,
                          lambda bodies: apply_batch(app.unit_of_work, [Envelope.from_json(b) for b in bodies]),
                          batch=MAX_BATCH)
        with app.unit_of_work() as uow:             # the read models hold what was published
            counted = sum(sum(v.values()) for year in reporting_stream.YEARS
                          for v in uow.reads.artifact_counts(Scope(year), "kind").values())
        app.close()
    finally:
        infra.drop_database(pg_url)
    return applied, counted


def per_event_rate(events) -> float:
    pg_url = infra.create_database()
    try:
        upgrade(MIGRATIONS_DIR, pg_url)
        app = build(service_settings("reporting", database_url=pg_url, db_pool_size=2))
        started = time.perf_counter()
        feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, events[:PER_EVENT_SAMPLE], "reporting")
        rate = PER_EVENT_SAMPLE / (time.perf_counter() - started)
        app.close()
    finally:
        infra.drop_database(pg_url)
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    district = reporting_stream.district(seed=2026, n_students=400, n_artifacts=3000)
    events = district.events
    expected = sum(1 for a in district.artifacts if not a.deleted)
    amqp_url = infra.create_vhost()
    raws, applieds, ratios = [], [], []
    try:
        declare(amqp_url)
        for round_no in range(args.rounds):
            publish(amqp_url, events)
            raw = consume(amqp_url, QUEUE, len(events), PREFETCH, lambda bodies: [json.loads(b) for b in bodies],
                          batch=MAX_BATCH)
            applied, counted = applied_round(amqp_url, events)
            if counted != expected:
                sys.exit(f"the read models count {counted} artifacts, the events hold {expected}")
            raws.append(raw), applieds.append(applied), ratios.append(applied / raw)
            print(f"round {round_no + 1}: raw consume+ack {raw:.0f} msg/s; batch apply {applied:.0f} events/s; "
                  f"ratio {applied / raw:.3f}", file=sys.stderr)
        per_event = per_event_rate(events)
    finally:
        infra.delete_vhost(amqp_url)
    raw, applied, ratio = statistics.median(raws), statistics.median(applieds), statistics.median(ratios)
    print(f"medians of {args.rounds} rounds: raw consume+ack {raw:.0f} msg/s; batch apply {applied:.0f} events/s; "
          f"per-event apply {per_event:.0f} events/s; {len(events)} events; {expected} artifacts counted each round",
          file=sys.stderr)
    print(json.dumps({
        "bench": "report_ingest", "value": round(applied, 1), "baseline": round(raw, 1),
        "ratio": round(ratio, 3), "target": 0.3, "better": "higher",
        "applied_events_per_s": round(applied, 1), "raw_consume_ack_per_s": round(raw, 1),
        "round_ratios": [round(r, 3) for r in ratios], "per_event_apply_per_s": round(per_event, 1),
        "events": len(events), "prefetch": PREFETCH, "batch": MAX_BATCH, "rounds": args.rounds}))


if __name__ == "__main__":
    main()
