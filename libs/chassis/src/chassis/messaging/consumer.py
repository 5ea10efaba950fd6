"""``@reliable_handler(source, type)``: a nameko event entrypoint that retries with backoff and dead-letters.

nameko 2.14's ``@event_handler`` acks and loses a failed event (or requeues it hot forever); this one acks only after
the handler returned (its effect and inbox row committed), sends failures to ``<queue>.retry.<ms>`` with an attempt
header, and parks them in ``<queue>.dlq`` after ``event_max_attempts`` (unparseable envelopes at once).
"""
from __future__ import annotations

import functools
import logging
import time
import traceback

from nameko.exceptions import ContainerBeingKilled
from nameko.extensions import Entrypoint

from chassis import metrics
from chassis.config import PlatformSettings
from chassis.context import correlation_id_var, new_correlation_id
from chassis.events import Envelope
from chassis.messaging.queue_consumer import RawQueueConsumer
from chassis.messaging.redelivery import Redelivery, failed_attempts
from chassis.messaging.subscriptions import APPLIED, DUPLICATE
from chassis.messaging.topology import (
    ConsumerTopology,
    consumer_name,
    dlq_name,
    events_exchange,
    handler_queue_name,
    retry_delay_ms,
    retry_queue_name,
)

log = logging.getLogger(__name__)
QUEUE_TYPE_CONFIG_KEY = "SKILLFOLIO_QUEUE_TYPE"


class ReliableEventHandler(Entrypoint):
    """Consumes ``<source_service>.events`` messages of ``event_type``; the method receives an :class:`Envelope`."""

    queue_consumer = RawQueueConsumer()
    redelivery = Redelivery()

    def __init__(self, source_service: str, event_type: str, **kwargs) -> None:
        self.source_service, self.event_type = source_service, event_type
        super().__init__(**kwargs)

    def setup(self) -> None:
        platform = PlatformSettings()
        self.max_attempts = max(1, platform.event_max_attempts)
        self.handler_name = consumer_name(self.container.service_name, self.method_name)
        self.topology = ConsumerTopology(
            queue=handler_queue_name(self.source_service, self.event_type, self.container.service_name,
                                     self.method_name),
            exchange=events_exchange(self.source_service), routing_key=self.event_type,
            retry_delays_ms=tuple(platform.retry_delays_ms or [1000]),
            queue_type=self.container.config.get(QUEUE_TYPE_CONFIG_KEY, "quorum"))
        self.queue = self.topology.main_queue()
        self.redelivery.declare(self.topology.all_queues())
        self.queue_consumer.register_provider(self)

    def stop(self) -> None:
        self.queue_consumer.unregister_provider(self)

    def envelope_of(self, message) -> Envelope | None:
        """The delivery's envelope, or None after parking an unparseable body in the DLQ at once (it is poison)."""
        try:
            return Envelope.from_json(message.body)
        except Exception as exc:  # noqa: BLE001 - any unparseable body is poison
            self._dead_letter(message, failed_attempts(message), f"unparseable envelope: {exc!r}")
            return None

    def handle_message(self, message) -> None:
        envelope = self.envelope_of(message)
        if envelope is None:
            return
        context = {"correlation_id": envelope.correlation_id, "event_id": envelope.event_id}
        try:
            self.container.spawn_worker(self, (envelope,), {}, context_data=context,
                                        handle_result=functools.partial(self.handle_result, message))
        except ContainerBeingKilled:
            self.queue_consumer.requeue_message(message)

    def handle_result(self, message, worker_ctx, result=None, exc_info=None):
        token = correlation_id_var.set(worker_ctx.context_data.get("correlation_id") or "")
        try:
            self._settle(message, result, exc_info)
        except Exception:  # noqa: BLE001 - an escaping error would kill the container; the message stays unacked
            log.exception("could not settle a delivery of %s; the broker will redeliver it", self.handler_name)
        finally:
            correlation_id_var.reset(token)
        return result, exc_info

    def _settle(self, message, result, exc_info) -> None:
        if exc_info is None:
            self.queue_consumer.ack_message(message)
            metrics.EVENTS_CONSUMED.labels(self.container.service_name, self.handler_name,
                                           result if result in (APPLIED, DUPLICATE) else APPLIED).inc()
            return
        metrics.EVENTS_FAILED.labels(self.container.service_name, self.handler_name).inc()
        error = "".join(traceback.format_exception_only(exc_info[0], exc_info[1])).strip()
        attempts = failed_attempts(message) + 1
        if attempts >= self.max_attempts:
            self._dead_letter(message, attempts, error)
        else:
            self._retry_later(message, attempts, error)

    def _retry_later(self, message, attempts: int, error: str) -> None:
        delay = retry_delay_ms(list(self.topology.retry_delays_ms), attempts)
        self._move(message, retry_queue_name(self.topology.queue, delay), attempts, error, "retried")
        log.warning("event handler %s failed (attempt %d of %d), retrying in %d ms: %s", self.handler_name,
                    attempts, self.max_attempts, delay, error)

    def _dead_letter(self, message, attempts: int, error: str) -> None:
        self._move(message, dlq_name(self.topology.queue), attempts, error, "dead_lettered")
        log.error("event parked in %s after %d attempts: %s", dlq_name(self.topology.queue), attempts, error)

    def _move(self, message, target: str, attempts: int, error: str, outcome: str) -> None:
        """Republish with confirms, then ack; if the republish fails, requeue after a pause (never drop, never spin)."""
        try:
            self.redelivery.republish(message, target, attempts, error, self.topology.queue)
        except Exception:  # noqa: BLE001 - broker trouble: the original stays in its queue
            log.exception("could not move a failed event to %s; requeueing it", target)
            time.sleep(1.0)
            self.queue_consumer.requeue_message(message)
            return
        self.queue_consumer.ack_message(message)
        metrics.EVENTS_CONSUMED.labels(self.container.service_name, self.handler_name, outcome).inc()


def reliable_handler(source_service: str, event_type: str, entrypoint: type = ReliableEventHandler, **kwargs):
    """Decorate a nameko service method ``(self, envelope)`` to handle ``event_type`` events of ``source_service``.

    The method runs with the event's correlation id in the log context; it applies its effect together with the
    inbox row in one transaction, and returns :data:`DUPLICATE` when the inbox says it had been applied (counted
    apart). Services declare subscriptions as data instead (chassis.messaging.subscribed_service builds these).
    """
    def decorate(method):
        @functools.wraps(method)
        def run_in_context(self, envelope: Envelope):
            token = correlation_id_var.set(envelope.correlation_id or new_correlation_id())
            try:
                return DUPLICATE if method(self, envelope) == DUPLICATE else APPLIED
            finally:
                correlation_id_var.reset(token)
        return entrypoint.decorator(source_service, event_type, **kwargs)(run_in_context)
    return decorate
