"""Event subscriptions as data: a service's table ``{(source, type): handler}``, and how one delivery is applied.

A handler is usually an effect ``(uow, envelope)`` that :func:`apply_once` runs in the transaction that claims the
event in the inbox. One that must work outside a transaction (checking media bytes) is marked
:func:`own_transactions`: it gets a unit-of-work factory whose units claim as its consumer, and its extra arguments
by name from the worker. Free of nameko: chassis.messaging.subscribed_service turns a table into a worker's methods.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from chassis.events import Envelope
from chassis.messaging.topology import consumer_name
from chassis.uow import UnitOfWork

log = logging.getLogger(__name__)
APPLIED, DUPLICATE = "applied", "duplicate"       # a delivery's outcome (the consumed counter's label)
UowFactory = Callable[[], UnitOfWork]
Effect = Callable[[Any, Envelope], None]


@dataclass(frozen=True)
class Subscriber:
    """How one subscribed event is handled (a table value; a plain effect stands for ``Subscriber(effect)``)."""

    handle: Callable
    method: str = ""                 # the nameko method, queue and inbox consumer suffix; default: the event type
    own_transactions: bool = False


def own_transactions(handle: Callable, method: str = "") -> Subscriber:
    """A handler ``(uows, envelope, **dependencies)`` that opens its own units of work and claims in one of them."""
    return Subscriber(handle, method, own_transactions=True)


def as_subscriber(value: Effect | Subscriber) -> Subscriber:
    return value if isinstance(value, Subscriber) else Subscriber(value)


def apply_once(uows: UowFactory, consumer: str, envelope: Envelope, effect: Effect) -> bool:
    """Apply ``effect(uow, envelope)`` and the inbox row in one transaction; False for a duplicate delivery."""
    with uows() as uow:
        uow.consumer = consumer
        if not uow.claim(envelope):
            return False
        effect(uow, envelope)
        uow.commit()
    log.debug("%s applied %s", consumer, envelope.type)
    return True


class ConsumerUnits:
    """A unit-of-work factory for one delivery: every unit it makes claims as ``consumer``; remembers duplicates."""

    def __init__(self, uows: UowFactory, consumer: str) -> None:
        self._uows, self.consumer, self._made = uows, consumer, []

    def __call__(self) -> UnitOfWork:
        uow = self._uows()
        uow.consumer = self.consumer
        self._made.append(uow)
        return uow

    @property
    def duplicate(self) -> bool:
        return any(uow.duplicate for uow in self._made)


def deliver(uows: UowFactory, subscriber: Effect | Subscriber, envelope: Envelope, consumer: str,
            **dependencies: Any) -> str:
    """Hand one envelope to a subscriber as ``consumer``: returns ``applied`` or ``duplicate``."""
    subscriber = as_subscriber(subscriber)
    if not subscriber.own_transactions:
        return APPLIED if apply_once(uows, consumer, envelope, subscriber.handle) else DUPLICATE
    units = ConsumerUnits(uows, consumer)
    subscriber.handle(units, envelope, **dependencies)
    return DUPLICATE if units.duplicate else APPLIED


def consume(uows: UowFactory, subscriptions: Mapping[tuple[str, str], Effect | Subscriber], envelope: Envelope,
            consumer: str, **dependencies: Any) -> bool:
    """Deliver an envelope to the table's subscriber for its producer and type (as the worker would); True when
    applied now, False for a duplicate. Seeders and tests feed replicas through this."""
    subscriber = subscriptions[(envelope.producer, envelope.type)]
    return deliver(uows, subscriber, envelope, consumer, **dependencies) == APPLIED


def feed_before_workers(uows: UowFactory, subscriptions: Mapping[tuple[str, str], Effect | Subscriber],
                        events: list[Envelope], service: str) -> int:
    """Apply the events the table subscribes to (others are skipped) under the service worker's own consumer names,
    so its later deliveries are duplicates; the per-event log lines stay quiet. How many were new. For demo seeds
    that run before any worker does."""
    level = log.level
    log.setLevel(logging.WARNING)     # one INFO line per event is the worker's log, not the seed command's
    try:
        return sum(consume(uows, subscriptions, e, consumer_name(service, _method(subscriptions[key], e.type)))
                   for e in events if (key := (e.producer, e.type)) in subscriptions)
    finally:
        log.setLevel(level)


def _method(subscriber: Effect | Subscriber, event_type: str) -> str:
    return (subscriber.method if isinstance(subscriber, Subscriber) else "") or event_type
