"""Batch consumption for a subscriptions table: the same queues, retries and DLQs as ``@reliable_handler``, but the
deliveries waiting across all of a service's queues are applied together by the service's batch function (one
transaction for many events), then each is acked.

A service passes ``subscribes(table, uows, batch=apply)``; ``apply(uows, envelopes)`` applies the events it has not
applied before, all or none, claiming each in the inbox as ``consumer_name(service, method)`` (the per-event
consumer, so both paths dedupe each other), and returns the ``(consumer, event_id)`` pairs it applied now. When a
batch fails, each of its deliveries goes the per-event way (the table's handler, its retries and DLQ), so one
poison event is retried and parked alone and never holds the others back.
"""
from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable

from eventlet.event import Event
from eventlet.queue import Empty, LightQueue
from nameko.extensions import ProviderCollector, SharedExtension

from chassis import metrics
from chassis.events import Envelope
from chassis.messaging.consumer import ReliableEventHandler, reliable_handler
from chassis.messaging.queue_consumer import RawQueueConsumer
from chassis.messaging.subscriptions import APPLIED, DUPLICATE

log = logging.getLogger(__name__)
# events per transaction; wait to fill one; unacked per queue: two full batches, so the next one is already here
# while one is applied (at 100, batches from one queue could never pass 100 and each waited for the broker);
# 1,000 events a batch spread its fixed statements thinner (notify_fanout: 3,176 -> 4,034 notifications/s)
MAX_BATCH, LINGER_S, PREFETCH = 1000, 0.05, 2000
BatchApply = Callable[[Callable, list[Envelope]], set[tuple[str, str]]]


class BatchQueueConsumer(RawQueueConsumer):
    """The batch handlers' own consumer connection, with a prefetch that lets batches fill (not worker-bound)."""

    @property
    def prefetch_count(self) -> int:
        return max(PREFETCH, self.container.max_workers)


class EventBatcher(ProviderCollector, SharedExtension):
    """Collects the container's batched deliveries; one managed thread applies them a batch at a time."""

    def setup(self) -> None:
        self._waiting: LightQueue = LightQueue()
        self._idle = Event()
        self._idle.send(None)

    def start(self) -> None:
        self.container.spawn_managed_thread(self._run, identifier="EventBatcher.run")

    def add(self, provider: BatchedEventHandler, message, envelope: Envelope) -> None:
        self._waiting.put((provider, message, envelope))

    def stop(self) -> None:
        """Let the batch in hand finish (its acks); deliveries not yet applied return to their queues unacked."""
        self.wait_for_providers()
        self._idle.wait()

    def _collect(self) -> list:
        batch = [self._waiting.get()]
        deadline = time.monotonic() + LINGER_S
        while len(batch) < MAX_BATCH:
            try:
                batch.append(self._waiting.get(timeout=max(0.0, deadline - time.monotonic())))
            except Empty:
                break
        return batch

    def _run(self) -> None:
        while True:
            batch = self._collect()
            self._idle = Event()
            try:
                self.flush(batch)
            finally:
                self._idle.send(None)

    def flush(self, batch: list) -> None:
        by_apply: dict[int, list] = {}
        for item in batch:
            by_apply.setdefault(id(item[0].apply), []).append(item)
        for items in by_apply.values():
            provider = items[0][0]
            try:
                applied = set(provider.apply(provider.uows, [envelope for _, _, envelope in items]))
            except Exception:  # noqa: BLE001 - any failure: each delivery is retried on its own
                log.exception("a batch of %d events failed; applying each on its own", len(items))
                for handler, message, envelope in items:
                    handler.deliver_alone(message, envelope)
                continue
            for handler, message, envelope in items:
                key = (handler.handler_name, envelope.event_id)
                handler.settle_applied(message, APPLIED if key in applied else DUPLICATE)
                applied.discard(key)              # a second copy in the same batch is a duplicate
            metrics.EVENT_BATCH_SIZE.labels(self.container.service_name).observe(len(items))


class BatchedEventHandler(ReliableEventHandler):
    """A reliable handler whose deliveries go to the container's :class:`EventBatcher` (same queue and topology)."""

    queue_consumer = BatchQueueConsumer()
    batcher = EventBatcher()

    def __init__(self, source_service: str, event_type: str, apply: BatchApply, uows: Callable, **kwargs) -> None:
        self.apply, self.uows = apply, uows
        super().__init__(source_service, event_type, **kwargs)

    def setup(self) -> None:
        super().setup()
        self.batcher.register_provider(self)

    def stop(self) -> None:
        super().stop()
        self.batcher.unregister_provider(self)

    def handle_message(self, message) -> None:
        envelope = self.envelope_of(message)
        if envelope is not None:
            self.batcher.add(self, message, envelope)

    def settle_applied(self, message, outcome: str) -> None:
        self._settle(message, outcome, None)

    def deliver_alone(self, message, envelope: Envelope) -> None:
        """The per-event way: the table's handler in a worker, its failure retried or dead-lettered."""
        context = {"correlation_id": envelope.correlation_id, "event_id": envelope.event_id}
        self.container.spawn_worker(self, (envelope,), {}, context_data=context,
                                    handle_result=functools.partial(self.handle_result, message))


def batched_handler(source_service: str, event_type: str, apply: BatchApply, uows: Callable):
    """``@reliable_handler`` whose deliveries are applied in batches by ``apply`` (the method is the fallback)."""
    return reliable_handler(source_service, event_type, entrypoint=BatchedEventHandler, apply=apply, uows=uows)
