"""Moves a failed message on, with publisher confirms: to its retry queue (with backoff) or to its dead-letter queue."""
from __future__ import annotations

import logging

from kombu.common import maybe_declare
from nameko.amqp.publish import Publisher, get_connection
from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.extensions import SharedExtension

from chassis.messaging.topology import ATTEMPT_HEADER, ERROR_HEADER, ORIGIN_HEADER

log = logging.getLogger(__name__)

# Headers the broker adds; they must not travel with a republished copy.
_BROKER_HEADERS = ("x-death", "x-first-death-exchange", "x-first-death-queue", "x-first-death-reason",
                   "x-delivery-count")
_MAX_ERROR_CHARS = 2000


def failed_attempts(message) -> int:
    """How many deliveries of this event already failed (our header; 0 on the first delivery)."""
    try:
        return int((message.headers or {}).get(ATTEMPT_HEADER, 0))
    except (TypeError, ValueError):
        return 0


class Redelivery(SharedExtension):
    """One confirming publisher per worker process, shared by all reliable handlers.

    Lazy, because nameko sets extensions up in no particular order (a handler's setup may run before this one's).
    """

    _publisher = None

    @property
    def amqp_uri(self) -> str:
        return self.container.config[AMQP_URI_CONFIG_KEY]

    @property
    def publisher(self) -> Publisher:
        if self._publisher is None:
            # mandatory: a copy that cannot be routed (queue deleted) raises instead of vanishing
            self._publisher = Publisher(self.amqp_uri, use_confirms=True, mandatory=True)
        return self._publisher

    def declare(self, queues) -> None:
        with get_connection(self.amqp_uri) as connection:
            channel = connection.channel()
            for queue in queues:
                maybe_declare(queue, channel)

    def republish(self, message, target_queue: str, attempts: int, error: str, origin: str) -> None:
        """Publish a copy of ``message`` to ``target_queue`` through the default exchange; returns once confirmed."""
        headers = {k: v for k, v in (message.headers or {}).items() if k not in _BROKER_HEADERS}
        headers.update({ATTEMPT_HEADER: attempts, ERROR_HEADER: error[:_MAX_ERROR_CHARS], ORIGIN_HEADER: origin})
        properties = message.properties or {}
        self.publisher.publish(
            message.body, exchange="", routing_key=target_queue, headers=headers,
            content_type=message.content_type or "application/octet-stream",
            content_encoding=message.content_encoding or "binary",
            correlation_id=properties.get("correlation_id"), message_id=properties.get("message_id"))
