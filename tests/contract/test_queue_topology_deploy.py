"""The deploy files agree with the queue topology the chassis declares: every KEDA ScaledObject scales on queues its
Deployment really consumes, and definitions.json gives every `<service>.events` its alternate exchange."""
from __future__ import annotations

import json
import re

from deploy_layout import ROOT

from chassis.messaging.topology import alternate_exchange_policy, dlq_name, retry_queue_name, unroutable_name
from skillfolio_cli.services import SERVICES


def declared_queue_names(consumed_queues: dict[str, list[str]]) -> set[str]:
    """Every queue name `skillfolio queues declare` creates: consumer queues and their companions, unroutables."""
    mains = {queue for queues in consumed_queues.values() for queue in queues}
    companions = {dlq_name(q) for q in mains} | {retry_queue_name(q, 1000) for q in mains}
    return mains | companions | {unroutable_name(service) for service in SERVICES}


def _matched(scaled: dict, names: set[str]) -> set[str]:
    (trigger,) = scaled["spec"]["triggers"]
    metadata = trigger["metadata"]
    if metadata.get("useRegex") == "true":
        return {name for name in names if re.fullmatch(metadata["queueName"], name)}
    return {metadata["queueName"]} & names


def test_every_scaled_object_scales_on_exactly_the_queues_its_deployment_consumes(by_kind, consumed_queues):
    names = declared_queue_names(consumed_queues)
    scaled_objects = by_kind("ScaledObject")
    assert scaled_objects
    for name, scaled in scaled_objects.items():
        target = scaled["spec"]["scaleTargetRef"]["name"]
        assert target in consumed_queues, f"ScaledObject {name} scales {target}, which consumes no queue"
        matched = _matched(scaled, names)
        assert matched, f"ScaledObject {name}'s queueName matches no queue any service declares"
        wrong = sorted(matched ^ set(consumed_queues[target]))
        assert not wrong, f"ScaledObject {name} must count exactly {target}'s own consumer queues: {wrong}"


def test_a_worker_consuming_nothing_has_no_scaled_object(by_kind, consumed_queues):
    targets = {s["spec"]["scaleTargetRef"]["name"] for s in by_kind("ScaledObject").values()}
    assert consumed_queues["roster-events"], "roster coordinates erasures: it consumes erasure_confirmed"
    for name, queues in consumed_queues.items():
        assert (name in targets) == bool(queues), name


def test_definitions_give_every_events_exchange_its_alternate_exchange():
    definitions = json.loads((ROOT / "deploy/rabbitmq/definitions.json").read_text())
    policies = {policy["name"]: policy for policy in definitions["policies"]}
    for service in SERVICES:
        expected = {**alternate_exchange_policy(service), "vhost": "/"}
        assert policies.get(expected["name"]) == expected, f"definitions.json: {expected['name']}"
        assert re.fullmatch(expected["pattern"], f"{service}.events")
        assert not re.fullmatch(expected["pattern"], f"{service}.events.unroutable")
    exchange_policies = [p for p in definitions["policies"] if p["apply-to"] in ("exchanges", "all")]
    assert len(exchange_policies) == len(SERVICES), "one policy applies per exchange: no other may match"
