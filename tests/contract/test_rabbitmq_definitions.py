"""deploy/rabbitmq/definitions.json imports into a real RabbitMQ, its policy governs the chassis's queues, and its
alternate-exchange policies, with `skillfolio queues declare --no-policies` (compose, the k8s Job), keep what no
queue is bound for."""
from __future__ import annotations

import json
from urllib.parse import quote, urlsplit

import pytest
import requests
from deploy_layout import ROOT
from kombu import Connection, Exchange, Producer, Queue

from chassis.config import PlatformSettings
from chassis.messaging.topology import ConsumerTopology, events_exchange, handler_queue_name, unroutable_name
from chassis.testing import infra, wait_for

pytestmark = pytest.mark.integration


def _api(path: str) -> tuple[str, tuple[str, str]]:
    parts = urlsplit(infra.RABBIT_API)
    return f"{parts.scheme}://{parts.hostname}:{parts.port}{parts.path}{path}", (parts.username, parts.password)


def _for_vhost(definitions: dict) -> dict:
    """The file's objects without their vhost (the per-vhost import endpoint supplies it)."""
    body = {key: [{k: v for k, v in item.items() if k != "vhost"} for item in items]
            for key, items in definitions.items() if isinstance(items, list) and key != "vhosts"}
    return body


def _import(amqp_url: str) -> dict:
    definitions = json.loads((ROOT / "deploy/rabbitmq/definitions.json").read_text())
    vhost = quote(urlsplit(amqp_url).path.lstrip("/"), safe="")
    url, auth = _api(f"/definitions/{vhost}")
    response = requests.post(url, auth=auth, json=_for_vhost(definitions), timeout=30)
    assert response.status_code in (201, 204), response.text
    return definitions


def test_definitions_and_queues_declare_without_policies_keep_unroutable_events(fresh_amqp_url):
    from skillfolio_cli.platform import WORKER_MODULES
    from skillfolio_cli.queues import declare_topology
    from skillfolio_cli.services import SERVICES
    _import(fresh_amqp_url)
    declare_topology(WORKER_MODULES, SERVICES, PlatformSettings(amqp_url=fresh_amqp_url, queue_type="classic"),
                     policies=False)   # classic: ~300 quorum queues (a Raft group each) stall a 2-core broker
    with Connection(fresh_amqp_url, connect_timeout=60, transport_options={"confirm_publish": True}) as connection:
        Producer(connection.default_channel).publish(b"{}", exchange=Exchange("skills.events", type="topic"),
                                                     routing_key="nobody_consumes_this")
        depth = Queue(unroutable_name("skills"))(connection.default_channel).queue_declare(passive=True)
    assert depth.message_count == 1


def test_definitions_import_and_policy_applies_to_consumer_queues(fresh_amqp_url):
    definitions = _import(fresh_amqp_url)
    vhost = quote(urlsplit(fresh_amqp_url).path.lstrip("/"), safe="")

    url, auth = _api(f"/exchanges/{vhost}/roster.events")
    exchange = requests.get(url, auth=auth, timeout=10).json()
    assert (exchange["type"], exchange["durable"]) == ("topic", True)

    topology = ConsumerTopology(queue=handler_queue_name("roster", "person_added", "artifacts", "on_person_added"),
                                exchange=events_exchange("roster"), routing_key="person_added",
                                retry_delays_ms=(1000,))
    with Connection(fresh_amqp_url) as connection:
        channel = connection.default_channel
        for queue in topology.all_queues():
            queue(channel).declare()

    (policy,) = [p for p in definitions["policies"] if p["apply-to"] == "queues"]
    for queue in topology.all_queues():
        url, auth = _api(f"/queues/{vhost}/{quote(queue.name, safe='')}")

        def with_policy(url=url, auth=auth) -> dict | None:
            info = requests.get(url, auth=auth, timeout=10).json()
            return info if info.get("policy") is not None else None
        # queue stats (and so "policy") are emitted every ~5 s
        info = wait_for(with_policy, 30, f"a policy on {queue.name}", interval=0.5)
        assert info["type"] == "quorum", queue.name
        assert info.get("policy") == policy["name"], f"{queue.name}: policy not applied ({info.get('policy')})"
        assert info["effective_policy_definition"]["dead-letter-strategy"] == "at-least-once"
