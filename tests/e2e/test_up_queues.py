"""`skillfolio up` declares every consumer queue before starting any process, so events a relay publishes in the
first second (the seeded roster, the demo portfolio's uploads) wait in their queues instead of being dropped.
Real RabbitMQ, a fresh vhost; no process is started."""
from __future__ import annotations

import pytest
from kombu import Connection, Exchange, Producer, Queue

from chassis.config import PlatformSettings
from chassis.events import Envelope
from skillfolio_cli.platform import WORKER_MODULES
from skillfolio_cli.queues import consumer_topologies, declare_consumer_queues

pytestmark = pytest.mark.integration


def _depth(url: str, queue: str) -> int:
    with Connection(url) as connection:
        return Queue(queue, passive=True)(connection.default_channel).queue_declare(passive=True).message_count


def test_the_worker_modules_handlers_are_found_with_the_chassis_queue_names():
    platform = PlatformSettings()
    found = {module: consumer_topologies(module, platform) for module in WORKER_MODULES}
    for module in ("artifacts.entrypoints.worker", "artifacts.entrypoints.media_worker"):
        assert found[module], f"{module} declares no reliable handlers"
    for topologies in found.values():
        assert all(t.queue.startswith(f"evt-{t.exchange.name.split('.')[0]}-{t.routing_key}--") for t in topologies)
    media = [t.routing_key for t in found["artifacts.entrypoints.media_worker"]]
    assert "artifact_media_uploaded" in media


def test_queues_declared_before_the_workers_start_keep_what_relays_publish(fresh_amqp_url):
    platform = PlatformSettings(amqp_url=fresh_amqp_url)
    handlers = declare_consumer_queues(WORKER_MODULES, platform)
    assert handlers == sum(len(consumer_topologies(m, platform)) for m in WORKER_MODULES)
    assert declare_consumer_queues(WORKER_MODULES, platform) == handlers     # idempotent: same arguments again

    roster_added = [t.queue for m in WORKER_MODULES for t in consumer_topologies(m, platform)
                    if (t.exchange.name, t.routing_key) == ("roster.events", "person_added")]
    assert "evt-roster-person_added--artifacts.person_added" in roster_added
    with Connection(fresh_amqp_url) as connection:   # what a relay does: publish to the producer's exchange
        Producer(connection.default_channel).publish(
            Envelope(type="person_added", producer="roster", data={"person_id": "p-1"}).to_json(),
            exchange=Exchange("roster.events", type="topic", durable=True), routing_key="person_added")
    assert {queue: _depth(fresh_amqp_url, queue) for queue in roster_added} == {queue: 1 for queue in roster_added}
