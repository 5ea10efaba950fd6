"""nameko's QueueConsumer, but handing providers the raw message: bodies are never decoded by kombu.

nameko's own consumer lets kombu decode bodies by content type; an undecodable body (malformed JSON, an unexpected
content type) raises inside the consume loop and takes the whole container down. Reliable handlers parse the
envelope themselves and dead-letter what they cannot parse.
"""
from __future__ import annotations

import logging
from functools import partial

from amqp.exceptions import ConnectionError as AMQPConnectionError
from nameko.messaging import QueueConsumer

log = logging.getLogger(__name__)
# Under eventlet a reset socket raises the builtin ConnectionResetError / BrokenPipeError (OSError), which nameko's
# ack_message does not catch (only amqp's ConnectionError): it escaped the worker and killed the whole container.
CONNECTION_LOST = (AMQPConnectionError, OSError)


class RawQueueConsumer(QueueConsumer):
    """Shared by reliable handlers (its own connection); provider.handle_message(message) gets the kombu Message."""

    def handle_raw_message(self, provider, message) -> None:
        ident = f"{type(provider).__name__}.handle_message[{message.delivery_info.get('routing_key')}]"
        self.container.spawn_managed_thread(partial(provider.handle_message, message), identifier=ident)

    def ack_message(self, message) -> None:
        """Ack; if the connection is gone the broker already reclaimed the message and will redeliver it."""
        try:
            super().ack_message(message)
        except CONNECTION_LOST as exc:
            log.warning("ack lost with the connection (%r); the broker will redeliver", exc)

    def requeue_message(self, message) -> None:
        try:
            super().requeue_message(message)
        except CONNECTION_LOST as exc:
            log.warning("requeue lost with the connection (%r); the broker will redeliver", exc)

    def get_consumers(self, consumer_cls, channel):
        for provider in self._providers:
            consumer = consumer_cls(queues=[provider.queue], on_message=partial(self.handle_raw_message, provider))
            consumer.qos(prefetch_count=self.prefetch_count)
            self._consumers[provider] = consumer
        return self._consumers.values()
