"""`skillfolio queues declare` (also run by `skillfolio up`, the migrations Job and compose's migrate service)
declares the topology before anything publishes: events a relay publishes before any worker started wait in their
queues, and an event no queue is bound for lands in ``<service>.events.unroutable`` instead of being dropped.
Real RabbitMQ, a fresh vhost; no process is started."""
from __future__ import annotations

import pytest
from kombu import Connection, Exchange, Producer, Queue

from chassis.config import PlatformSettings
from chassis.events import Envelope
from chassis.messaging.topology import unroutable_name
from chassis.testing.infra import free_port
from skillfolio_cli.platform import WORKER_MODULES
from skillfolio_cli.queues import consumer_topologies, declare_before_start, declare_topology
from skillfolio_cli.services import SERVICES

pytestmark = pytest.mark.integration


def _depth(url: str, queue: str) -> int:
    with Connection(url) as connection:
        return Queue(queue, passive=True)(connection.default_channel).queue_declare(passive=True).message_count


def _publish(url: str, exchange: str, event_type: str) -> None:
    """What a relay does: publish to the producer's exchange, confirmed (so the depth read after it is settled)."""
    with Connection(url, transport_options={"confirm_publish": True}) as connection:
        Producer(connection.default_channel).publish(
            Envelope(type=event_type, producer=exchange.split(".")[0], data={"person_id": "p-1"}).to_json(),
            exchange=Exchange(exchange, type="topic", durable=True), routing_key=event_type)


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
    platform = PlatformSettings(amqp_url=fresh_amqp_url, queue_type="classic")   # ~300 quorum queues stall 2 cores
    declared = declare_topology(WORKER_MODULES, SERVICES, platform)
    assert declared.handlers == sum(len(consumer_topologies(m, platform)) for m in WORKER_MODULES)
    assert declare_topology(WORKER_MODULES, SERVICES, platform) == declared     # idempotent: same arguments

    topologies = [t for m in WORKER_MODULES for t in consumer_topologies(m, platform)]
    with Connection(fresh_amqp_url) as connection:   # each worker's own declaration agrees (no PRECONDITION_FAILED)
        for topology in topologies:
            for queue in topology.all_queues():
                queue(connection.default_channel).declare()
    roster_added = [t.queue for t in topologies if (t.exchange.name, t.routing_key) == ("roster.events",
                                                                                         "person_added")]
    assert "evt-roster-person_added--artifacts.person_added" in roster_added
    _publish(fresh_amqp_url, "roster.events", "person_added")
    assert {queue: _depth(fresh_amqp_url, queue) for queue in roster_added} == {queue: 1 for queue in roster_added}
    assert _depth(fresh_amqp_url, unroutable_name("roster")) == 0


def test_an_event_no_queue_is_bound_for_lands_in_the_unroutable_queue(fresh_amqp_url):
    # A live broker: the relay declared its exchange (no arguments) long before the alternate exchange existed.
    with Connection(fresh_amqp_url) as connection:
        connection.default_channel.exchange_declare("roster.events", "topic", durable=True, auto_delete=False)
    declare_topology(WORKER_MODULES, SERVICES, PlatformSettings(amqp_url=fresh_amqp_url, queue_type="classic"))
    with Connection(fresh_amqp_url) as connection:   # the relay redeclares it as before: still equivalent
        connection.default_channel.exchange_declare("roster.events", "topic", durable=True, auto_delete=False)

    _publish(fresh_amqp_url, "roster.events", "nobody_consumes_this")
    assert _depth(fresh_amqp_url, unroutable_name("roster")) == 1
    assert _depth(fresh_amqp_url, unroutable_name("skills")) == 0


def test_up_without_the_management_plugin_still_declares_every_queue(fresh_amqp_url, monkeypatch, capsys):
    monkeypatch.setenv("SKILLFOLIO_AMQP_URL", fresh_amqp_url)
    monkeypatch.setenv("SKILLFOLIO_QUEUE_TYPE", "classic")   # as `skillfolio up` runs; ~300 quorum queues stall 2 cores
    monkeypatch.setenv("SKILLFOLIO_RABBITMQ_API", f"http://guest:guest@127.0.0.1:{free_port()}/api")   # nothing there
    declare_before_start(WORKER_MODULES, SERVICES)
    assert "management API is not reachable" in capsys.readouterr().err
    assert _depth(fresh_amqp_url, "evt-roster-person_added--artifacts.person_added") == 0   # declared (passive)
    assert _depth(fresh_amqp_url, unroutable_name("roster")) == 0
