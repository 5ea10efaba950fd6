"""Benchmark of notification fan-out (issue 11 §4): artifact_added events for a district-sized roster (96,000
students, about 150,000 guardians) recorded as notifications, against the raw consume-and-ack rate of the same
messages from the same queue, in the same run. Targets: >= 1,000 notifications/s and ratio >= 0.3.

The notifications database (fresh, migrated) is seeded in bulk with the roster replicas (bench/_fanout_seed.py, not
timed). Per run, one artifact_added per student (a teacher of the student's school adds it, as the artifacts service
publishes it) is published with the chassis ConfirmingPublisher to ``artifacts.events`` and routed to the events
worker's own queue for that type (declared by the worker itself), twice:
  raw:  py-amqp basic_consume with the events worker's prefetch and batch size, each batch parsed and acked (multiple);
  ours: the notifications events role as production runs it (`nameko run` subprocess, its batch handler: one
        transaction and one inbox claim statement per batch, the recipients rule over facts read once, set-based
        inserts; service_layer/batches.py), started on the full queue. Its rate is the notification rows counted
        from the first committed batch to the last (its start-up is not timed): every guardian of every student,
        once, or the run fails.
baseline = raw messages/s x notifications per event (what recording would reach if it cost nothing beyond the
consume and ack), so ratio = ours events/s / raw messages/s. Also reported: the per-event path (a transaction and
inbox claim per event, as before the batch path) on a sample. ``--quick`` is 4,000 students and 3 runs; the default
is the district, 1 run. Prints ONE final JSON line (medians of the runs).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import pathlib
import statistics
import sys
import tempfile
import time

import amqp
from notifications.adapters.orm import notifications
from notifications.bootstrap import build
from notifications.migrations import MIGRATIONS_DIR
from notifications.service_layer.subscriptions import SUBSCRIPTIONS
from sqlalchemy import func, select

from artifacts.domain.events import ArtifactAdded
from chassis.config import service_settings
from chassis.events import Envelope
from chassis.messaging.batching import MAX_BATCH, PREFETCH
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage, connection_params
from chassis.messaging.subscriptions import feed_before_workers
from chassis.messaging.testing import WorkerProcess
from chassis.messaging.topology import handler_queue_name
from chassis.migrations import upgrade
from chassis.testing import infra, wait_for

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import _fanout_seed  # noqa: E402
from _consume import consume  # noqa: E402

EXCHANGE, TYPE = "artifacts.events", "artifact_added"
QUEUE = handler_queue_name("artifacts", TYPE, "notifications", TYPE)
TARGET_RATIO, TARGET_RATE, PER_EVENT_SAMPLE = 0.3, 1000, 600
BASE = dt.datetime(2026, 12, 7, 14, 0, tzinfo=dt.UTC)


def events_of(r: _fanout_seed.Roster, run: int, students: list[str]) -> list[Envelope]:
    """One artifact_added per student, an hour apart per run (nothing coalesces across runs)."""
    made = []
    for i, student in enumerate(students):
        teachers = r.teachers[r.schools[student]]
        event = ArtifactAdded(artifact_id=f"art-{run}-{i:06d}", student_id=student, skill_ids=["sk-1"],
                              school_id=r.schools[student], school_year_id="2026-27", kind="document",
                              added_by=teachers[i % len(teachers)], added_by_role="teacher", status="ready",
                              version=1, title=f"Lab report {i}")
        at = BASE + dt.timedelta(hours=run, microseconds=i)
        made.append(dataclasses.replace(Envelope.from_event(event, "artifacts"), occurred_at=at.isoformat()))
    return made


def publish(amqp_url: str, events: list[Envelope]) -> None:
    publisher = ConfirmingPublisher(amqp_url)
    messages = [OutgoingMessage(e.type, e.to_json().encode(), e.event_id) for e in events]
    for start in range(0, len(messages), 1000):
        publisher.publish_batch(EXCHANGE, messages[start:start + 1000])
    publisher.close()


def consumers(amqp_url: str) -> int:
    connection = amqp.Connection(**connection_params(amqp_url))
    connection.connect()
    try:
        return connection.channel().queue_declare(QUEUE, passive=True).consumer_count
    finally:
        connection.close()


def count(app) -> int:
    with app.unit_of_work() as uow:
        return uow.session.execute(select(func.count()).select_from(notifications)).scalar_one()


def worker(pg_url: str, amqp_url: str, work: pathlib.Path, batch: int) -> WorkerProcess:
    env = {"NOTIFICATIONS_DATABASE_URL": pg_url, "SKILLFOLIO_AMQP_URL": amqp_url,
           "NOTIFICATIONS_EVENTS_METRICS_PORT": str(infra.free_port()),
           "SKILLFOLIO_LOG_LEVEL": os.environ.get("SKILLFOLIO_LOG_LEVEL", "INFO")}
    process = WorkerProcess("notifications", "notifications.entrypoints.worker", env, work / "events.log").start()
    process.wait_ready("outbox relay for notifications started", timeout=120)
    return process


def recorded_by_worker(app, pg_url: str, amqp_url: str, work: pathlib.Path, batch: int, expected: int) -> float:
    """Start the events worker on the full queue; notifications/s from its first committed batch to the last."""
    before = count(app)
    process = worker(pg_url, amqp_url, work, batch)
    try:
        first = wait_for(lambda: (n := count(app) - before) and (n, time.perf_counter()), 300,
                         "the worker's first batch", interval=0.01)
        wait_for(lambda: count(app) - before >= expected or process.alive() and False, 1800,
                 lambda: f"{expected} notifications (now {count(app) - before})", interval=0.05)
        done = time.perf_counter()
        if "applying each on its own" in process.log_text():
            sys.exit(f"a batch failed and was applied event by event: see {work / 'events.log'}")
    finally:
        process.stop()
    made = count(app) - before
    if made != expected:
        sys.exit(f"{made} notifications recorded, the roster's guardians make {expected}")
    return (made - first[0]) / (done - first[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=96_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--prefetch", type=int, default=PREFETCH,
                        help="the raw consumer's prefetch (default the events worker's: chassis.messaging.batching)")
    parser.add_argument("--quick", action="store_true", help="4,000 students, 3 runs")
    args = parser.parse_args()
    if args.quick:
        args.students, args.runs = 4_000, 3
    roster = _fanout_seed.roster(args.students)
    pg_url, amqp_url = infra.create_database(), infra.create_vhost()
    work = pathlib.Path(tempfile.mkdtemp(prefix="notify_fanout-"))
    raw, ours, per_event, rows = [], [], 0.0, 0
    try:
        upgrade(MIGRATIONS_DIR, pg_url)
        _fanout_seed.seed(pg_url, roster)
        declaring = worker(pg_url, amqp_url, work, args.prefetch)      # the worker declares its queues and bindings
        wait_for(lambda: consumers(amqp_url), 120, f"the worker consuming {QUEUE}", ignoring=(Exception,))
        declaring.stop()
        app = build(service_settings("notifications", database_url=pg_url, db_pool_size=2))
        expected = sum(len(gs) for gs in roster.guardians.values())
        per_message = expected / len(roster.students)
        for run in range(args.runs):
            events = events_of(roster, run, roster.students)
            publish(amqp_url, events)
            raw.append(consume(amqp_url, QUEUE, len(events), args.prefetch,
                               lambda bodies: [json.loads(b) for b in bodies], batch=MAX_BATCH))
            publish(amqp_url, events)
            ours.append(recorded_by_worker(app, pg_url, amqp_url, work, args.prefetch, expected) / per_message)
            rows += expected
        sample = events_of(roster, args.runs, roster.students[:PER_EVENT_SAMPLE])
        before = count(app)
        started = time.perf_counter()
        feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, sample, "notifications")
        per_event = (count(app) - before) / (time.perf_counter() - started)
        app.close()
    finally:
        infra.drop_database(pg_url)
        infra.delete_vhost(amqp_url)
    raw_rate, events_rate = statistics.median(raw), statistics.median(ours)
    value, baseline = events_rate * per_message, raw_rate * per_message
    print(f"seeded {len(roster.students)} students, {roster.guardian_count} guardians in {roster.seconds:.1f} s; "
          f"raw consume+ack {[round(x) for x in raw]} msg/s; events worker {[round(x) for x in ours]} events/s "
          f"({per_message:.2f} notifications each); per-event path {per_event:.0f} notifications/s",
          file=sys.stderr)
    print(json.dumps({
        "bench": "notify_fanout", "value": round(value, 1), "baseline": round(baseline, 1),
        "ratio": round(events_rate / raw_rate, 3), "target": TARGET_RATIO, "better": "higher",
        "notifications_per_s": round(value, 1), "target_notifications_per_s": TARGET_RATE,
        "events_per_s": round(events_rate, 1), "raw_consume_ack_per_s": round(raw_rate, 1),
        "per_event_notifications_per_s": round(per_event, 1), "events": len(roster.students),
        "notifications": rows, "students": len(roster.students), "guardians": roster.guardian_count,
        "notifications_per_event": round(per_message, 3), "runs": args.runs, "prefetch": args.prefetch,
        "batch": MAX_BATCH,
        "path": "notifications events worker (nameko batch handler, service_layer/batches.py)"}))


if __name__ == "__main__":
    main()
