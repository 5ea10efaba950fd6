"""``@batch_handler(source, type)``: a reliable event entrypoint that hands its method a batch of envelopes.

Same queue, bindings, retry queues, DLQ and inbox consumer as ``@reliable_handler`` (wire-compatible: a service can
switch either way). Messages are gathered up to ``SKILLFOLIO_EVENT_BATCH_SIZE`` (its own consumer prefetches that
many) or for ``SKILLFOLIO_EVENT_BATCH_LINGER_MS``, and the method returns one outcome per envelope: ``applied``,
``duplicate`` or the exception that envelope raised. Each message is then settled alone, as a reliable handler
settles it: acked after the commit, or moved to its retry queue or DLQ (a poison event never takes its batch along).
"""
from __future__ import annotations

import functools
import logging

import eventlet
from nameko.exceptions import ContainerBeingKilled

from chassis.context import correlation_id_var, new_correlation_id
from chassis.events import Envelope
from chassis.messaging.consumer import ReliableEventHandler
from chassis.messaging.queue_consumer import RawQueueConsumer
from chassis.messaging.redelivery import failed_attempts

log = logging.getLogger(__name__)
BATCH_SIZE_CONFIG_KEY, LINGER_CONFIG_KEY = "SKILLFOLIO_EVENT_BATCH_SIZE", "SKILLFOLIO_EVENT_BATCH_LINGER_MS"


class BatchQueueConsumer(RawQueueConsumer):
    """The batch handlers' own connection, prefetching a whole batch per queue (not ``max_workers``)."""

    @property
    def prefetch_count(self) -> int:
        return max(1, int(self.container.config.get(BATCH_SIZE_CONFIG_KEY, 500)))


class BatchEventHandler(ReliableEventHandler):
    """Consumes ``<source_service>.events`` messages of ``event_type``; the method receives a list of envelopes."""

    queue_consumer = BatchQueueConsumer()

    def setup(self) -> None:
        super().setup()
        self.batch_size = self.queue_consumer.prefetch_count
        self.linger = max(0, int(self.container.config.get(LINGER_CONFIG_KEY, 50))) / 1000
        self.pending: list[tuple[object, Envelope]] = []
        self.generation = 0

    def handle_message(self, message) -> None:
        try:
            envelope = Envelope.from_json(message.body)
        except Exception as exc:  # noqa: BLE001 - any unparseable body is poison
            self._dead_letter(message, failed_attempts(message), f"unparseable envelope: {exc!r}")
            return
        self.pending.append((message, envelope))
        if len(self.pending) >= self.batch_size:
            self._flush()
        elif len(self.pending) == 1:
            self.container.spawn_managed_thread(functools.partial(self._flush_later, self.generation))

    def _flush_later(self, generation: int) -> None:
        eventlet.sleep(self.linger)
        if generation == self.generation:
            self._flush()

    def _flush(self) -> None:
        batch, self.pending = self.pending, []
        self.generation += 1
        if not batch:
            return
        messages = [m for m, _ in batch]
        context = {"correlation_id": batch[0][1].correlation_id}
        try:
            self.container.spawn_worker(self, ([e for _, e in batch],), {}, context_data=context,
                                        handle_result=functools.partial(self.handle_batch_result, messages))
        except ContainerBeingKilled:
            for message in messages:
                self.queue_consumer.requeue_message(message)

    def handle_batch_result(self, messages, worker_ctx, result=None, exc_info=None):
        outcomes = result if exc_info is None else [exc_info[1]] * len(messages)
        for message, outcome in zip(messages, outcomes, strict=True):
            failed = isinstance(outcome, BaseException)
            self.handle_result(message, worker_ctx, None if failed else outcome,
                               (type(outcome), outcome, outcome.__traceback__) if failed else None)
        return result, exc_info


def batch_handler(source_service: str, event_type: str, **kwargs):
    """Decorate a nameko service method ``(self, envelopes) -> [outcome per envelope]`` to handle batches of
    ``event_type`` events of ``source_service`` (chassis.messaging.subscribed_service builds these from a table)."""
    def decorate(method):
        @functools.wraps(method)
        def run_in_context(self, envelopes: list[Envelope]):
            token = correlation_id_var.set(envelopes[0].correlation_id or new_correlation_id())
            try:
                return method(self, envelopes)
            finally:
                correlation_id_var.reset(token)
        return BatchEventHandler.decorator(source_service, event_type, **kwargs)(run_in_context)
    return decorate
