"""Turns a service's subscriptions table into its nameko worker's methods: one ``@reliable_handler`` per row.

The method name is the event type (or the row's ``method``), so the queue ``evt-<source>-<type>--<service>.<method>``,
its retry queues and DLQ, and the inbox consumer ``<service>.<method>`` all come from the table, never typed by hand.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

from chassis.events import Envelope
from chassis.messaging.batching import BatchApply, batched_handler
from chassis.messaging.consumer import reliable_handler
from chassis.messaging.subscriptions import Effect, Subscriber, UowFactory, as_subscriber, deliver
from chassis.messaging.topology import consumer_name


def _needs(subscriber: Subscriber, provided: Mapping[str, Callable[[], Any]]) -> list[str]:
    """The dependencies an own-transactions handler takes by name (after ``uows, envelope``); all must be provided."""
    if not subscriber.own_transactions:
        return []
    names = list(inspect.signature(subscriber.handle).parameters)[2:]
    missing = [name for name in names if name not in provided]
    if missing:
        raise TypeError(f"{subscriber.handle.__qualname__} needs {missing}: pass them to subscribes()")
    return names


def _method(source: str, event_type: str, subscriber: Subscriber, consumer: str, uows: UowFactory,
            provided: Mapping[str, Callable[[], Any]], name: str, batch: BatchApply | None = None):
    needs = _needs(subscriber, provided)

    def handle(self, envelope: Envelope) -> str:
        return deliver(uows, subscriber, envelope, consumer, **{key: provided[key]() for key in needs})
    handle.__name__ = handle.__qualname__ = name
    handle.__doc__ = f"{source}.{event_type} -> {getattr(subscriber.handle, '__qualname__', subscriber.handle)}"
    if batch is not None and not subscriber.own_transactions:
        return batched_handler(source, event_type, batch, uows)(handle)
    return reliable_handler(source, event_type)(handle)


def subscribes(subscriptions: Mapping[tuple[str, str], Effect | Subscriber], uows: UowFactory,
               batch: BatchApply | None = None, **dependencies: Callable[[], Any]):
    """Class decorator of a nameko service: one reliable handler per subscription (queues, retries, DLQ, inbox).

    ``dependencies`` are zero-argument providers of what own-transactions handlers take by name (called per
    delivery, so they may build lazily after the worker's monkey-patching), e.g. ``media=_media``. With ``batch``
    (chassis.messaging.batching), the deliveries waiting on every queue are applied together by it, each row's
    handler being the fallback when a batch fails.
    """
    def decorate(cls):
        for (source, event_type), value in subscriptions.items():
            subscriber = as_subscriber(value)
            name = subscriber.method or event_type
            if name in vars(cls):
                raise TypeError(f"{cls.__name__}.{name} is defined twice (give one subscription its own method)")
            setattr(cls, name, _method(source, event_type, subscriber, consumer_name(cls.name, name), uows,
                                       dependencies, name, batch))
        return cls
    return decorate
