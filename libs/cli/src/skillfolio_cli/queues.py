"""Declare every consumer queue of the platform's worker modules before `skillfolio up` starts any process.

All processes start at once, so an outbox relay can publish before the worker that consumes those events has
declared (and bound) its queue, and RabbitMQ drops what no queue is bound to. The seeded demo district's roster
events and the demo portfolio's uploads are published in exactly that first second. Declaring the same queues
with the same arguments first (what each worker does itself at start; idempotent) closes the gap.
"""
from __future__ import annotations

import importlib
import warnings

from kombu import Connection

from chassis.config import PlatformSettings
from chassis.messaging.topology import ConsumerTopology, events_exchange, handler_queue_name
from chassis.messaging.worker import EVENTLET_WARNING, find_service_class


def consumer_topologies(module_name: str, platform: PlatformSettings) -> list[ConsumerTopology]:
    """The topology of each reliable handler of the nameko service class in ``module_name``."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=EVENTLET_WARNING, category=Warning)
        service_class = getattr(importlib.import_module(module_name), find_service_class(module_name).split(":")[1])
    topologies = []
    for method, value in sorted(vars(service_class).items()):
        for entrypoint in getattr(value, "nameko_entrypoints", ()):
            source, event_type = getattr(entrypoint, "source_service", None), getattr(entrypoint, "event_type", None)
            if source and event_type:
                topologies.append(ConsumerTopology(
                    queue=handler_queue_name(source, event_type, service_class.name, method),
                    exchange=events_exchange(source), routing_key=event_type,
                    retry_delays_ms=tuple(platform.retry_delays_ms or [1000]), queue_type=platform.queue_type))
    return topologies


def declare_consumer_queues(module_names: list[str], platform: PlatformSettings | None = None) -> int:
    """Declare every handler's queue, bound to its exchange; returns how many handlers. Only the main queues:
    they are what keeps a message, and the workers declare their retry queues and DLQs before consuming."""
    platform = platform or PlatformSettings()
    topologies = [t for name in module_names for t in consumer_topologies(name, platform)]
    with Connection(platform.amqp_url, connect_timeout=5) as connection:
        channel = connection.default_channel
        for topology in topologies:
            topology.main_queue()(channel).declare()    # declares the exchange and the binding too
    return len(topologies)
