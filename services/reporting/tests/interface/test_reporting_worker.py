"""The reporting ``events`` role as a real nameko subprocess over real RabbitMQ: the sources' events reach the read
models once each however often delivered, applied in batches (several events per transaction); a poison event
is retried and parked in its DLQ on its own while the rest of its batch is applied; the lag metrics are exposed."""
from __future__ import annotations

import pytest
import reporting_stream as ks
import requests
from prometheus_client.parser import text_string_to_metric_families

from chassis.events import Envelope
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
from chassis.messaging.testing import WorkerProcess, drain_queue
from chassis.messaging.topology import dlq_name, handler_queue_name
from chassis.testing import infra, wait_for
from reporting.adapters.reads import Scope

# own_database: the worker is a process of its own
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


def publish(amqp_url: str, envelopes: list[Envelope]) -> None:
    publisher = ConfirmingPublisher(amqp_url)
    for e in envelopes:
        publisher.publish_batch(f"{e.producer}.events", [OutgoingMessage(e.type, e.to_json().encode(), e.event_id)])
    publisher.close()


@pytest.fixture
def worker(reporting_db, fresh_amqp_url, tmp_path):
    env = {"REPORTING_DATABASE_URL": reporting_db, "SKILLFOLIO_AMQP_URL": fresh_amqp_url,
           "REPORTING_EVENTS_METRICS_PORT": str(infra.free_port()), "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200",
           "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "3"}
    process = WorkerProcess("reporting", "reporting.entrypoints.worker", env,
                            tmp_path / "reporting-events.log").start()
    process.wait_ready("outbox relay for reporting started")
    yield process
    assert process.stop() == 0


def test_events_reach_the_read_models_once(app, worker, fresh_amqp_url):
    d = ks.district(seed=9, n_students=6, n_artifacts=12)
    catalog = [e for e in d.events if e.type in ("school_added", "school_year_added", "skill_added",
                                                 "scale_defined", "person_added", "person_updated")]
    rest = [e for e in d.events if e not in catalog]
    publish(fresh_amqp_url, catalog)
    publish(fresh_amqp_url, rest + rest[:5])                     # five delivered twice
    total = len(d.events) + 5

    def settled():
        counts = worker.events_consumed()
        return counts if counts.total() >= total else None
    counts = wait_for(settled, 60, "every delivery settled", ignoring=(OSError,))
    assert counts == {"applied": len(d.events), "duplicate": 5}
    with app.unit_of_work() as uow:
        by_kind = {year: uow.reads.artifact_counts(Scope(year), "kind") for year in ks.YEARS}
    assert by_kind == {year: ks.artifact_counts(d, year, "kind") for year in ks.YEARS}
    port = worker.env["REPORTING_EVENTS_METRICS_PORT"]
    metrics = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    assert 'reporting_event_age_seconds_count{source="artifacts"}' in metrics
    assert 'reporting_newest_event_timestamp_seconds{source="roster"}' in metrics
    batches = _sample(metrics, "skillfolio_event_batch_size_count")
    assert 0 < batches < total and _sample(metrics, "skillfolio_event_batch_size_sum") == total


def _sample(metrics: str, name: str) -> float:
    return sum(s.value for f in text_string_to_metric_families(metrics) for s in f.samples if s.name == name)


def test_a_poison_event_is_parked_alone_and_its_batch_applied(app, worker, fresh_amqp_url):
    d = ks.district(seed=4, n_students=4, n_artifacts=8)
    poison = ks._e("artifacts", "artifact_added", ks._ts("2025-01-05"), student_id="s", kind="image")  # no id
    publish(fresh_amqp_url, d.events + [poison])

    def settled():
        counts = worker.events_consumed()
        return counts if counts["dead_lettered"] and counts["applied"] >= len(d.events) else None
    counts = wait_for(settled, 60, "the good events applied and the poison parked", ignoring=(OSError,))
    assert counts == {"applied": len(d.events), "retried": 2, "dead_lettered": 1}     # SKILLFOLIO_EVENT_MAX_ATTEMPTS
    dlq = dlq_name(handler_queue_name("artifacts", "artifact_added", "reporting", "artifact_added"))
    assert [Envelope.from_json(m.body).event_id for m in drain_queue(fresh_amqp_url, dlq)] == [poison.event_id]
    with app.unit_of_work() as uow:
        by_kind = {year: uow.reads.artifact_counts(Scope(year), "kind") for year in ks.YEARS}
    assert by_kind == {year: ks.artifact_counts(d, year, "kind") for year in ks.YEARS}
