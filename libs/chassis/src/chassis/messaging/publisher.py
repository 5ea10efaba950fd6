"""Batched publisher confirms over py-amqp: publish a whole batch, then drain the broker's acks (the relay's path)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import amqp


class PublishNotConfirmed(Exception):
    """The broker nacked a message of the batch, or did not confirm it in time: the batch must be retried."""


@dataclass(frozen=True)
class OutgoingMessage:
    routing_key: str
    body: bytes
    message_id: str
    correlation_id: str = ""
    headers: dict = field(default_factory=dict)


def connection_params(amqp_url: str) -> dict:
    """py-amqp ``Connection`` keyword arguments for an ``amqp://user:pass@host:port/vhost`` URL."""
    parts = urlsplit(amqp_url)
    vhost = unquote(parts.path[1:]) if len(parts.path) > 1 else "/"
    return {"host": f"{parts.hostname or '127.0.0.1'}:{parts.port or 5672}",
            "userid": unquote(parts.username or "guest"), "password": unquote(parts.password or "guest"),
            "virtual_host": vhost, "connect_timeout": 10, "heartbeat": 0}


def open_connection(amqp_url: str) -> amqp.Connection:
    """A connected py-amqp connection (use as a context manager)."""
    connection = amqp.Connection(**connection_params(amqp_url))
    connection.connect()
    return connection


class ConfirmingPublisher:
    """One connection, one confirm-mode channel; :meth:`publish_batch` returns only once every message is acked."""

    def __init__(self, amqp_url: str, confirm_timeout: float = 30.0) -> None:
        self._params = connection_params(amqp_url)
        self._confirm_timeout = confirm_timeout
        self._connection: amqp.Connection | None = None
        self._channel = None
        self._declared: set[str] = set()
        self._next_tag = 0
        self._unconfirmed: set[int] = set()
        self._nacked = 0
        self._sent = 0                           # published since the last wait_confirms

    def _ensure_channel(self):
        if self._channel is None:
            connection = amqp.Connection(**self._params)
            connection.connect()
            channel = connection.channel()
            channel.confirm_select()
            channel.events["basic_ack"].add(self._on_ack)
            channel.events["basic_nack"].add(self._on_nack)
            self._connection, self._channel = connection, channel
            self._declared, self._next_tag, self._unconfirmed = set(), 0, set()
            self._nacked = self._sent = 0
        return self._channel

    def _settle(self, delivery_tag: int, multiple: bool) -> int:
        if multiple:
            settled = {tag for tag in self._unconfirmed if tag <= delivery_tag}
        else:
            settled = {delivery_tag} & self._unconfirmed
        self._unconfirmed -= settled
        return len(settled)

    def _on_ack(self, delivery_tag: int, multiple: bool) -> None:
        self._settle(delivery_tag, multiple)

    def _on_nack(self, delivery_tag: int, multiple: bool) -> None:
        self._nacked += self._settle(delivery_tag, multiple)

    def declare_exchange(self, exchange: str) -> None:
        """Declare ``exchange`` as a durable topic exchange (once per connection)."""
        channel = self._ensure_channel()
        if exchange and exchange not in self._declared:     # "" is the default exchange: never declared
            channel.exchange_declare(exchange, "topic", durable=True, auto_delete=False)
            self._declared.add(exchange)

    def publish_batch(self, exchange: str, messages: list[OutgoingMessage]) -> None:
        """Publish persistent JSON messages, then wait until the broker confirmed all of them.

        Raises :class:`PublishNotConfirmed` on a nack or timeout and lets connection errors propagate; either way
        the caller must treat the whole batch as unpublished (and :meth:`close` before retrying).
        """
        self.publish(exchange, messages)
        self.wait_confirms()

    def publish(self, exchange: str, messages: list[OutgoingMessage]) -> None:
        """Send persistent JSON messages without waiting: :meth:`wait_confirms` waits for every one sent so far."""
        if not messages:
            return
        self.declare_exchange(exchange)
        channel = self._channel
        for message in messages:
            channel.basic_publish(
                amqp.Message(message.body, content_type="application/json", content_encoding="utf-8",
                             delivery_mode=2, message_id=message.message_id,
                             correlation_id=message.correlation_id or None,
                             application_headers=message.headers or None),
                exchange=exchange, routing_key=message.routing_key)
            self._next_tag += 1
            self._unconfirmed.add(self._next_tag)
            self._sent += 1

    def wait_confirms(self) -> None:
        """Return once the broker confirmed every message sent since the last call; raise
        :class:`PublishNotConfirmed` if it nacked any of them (or did not answer in time)."""
        sent, self._sent = self._sent, 0
        self._drain_confirms()
        nacked, self._nacked = self._nacked, 0
        if nacked:
            raise PublishNotConfirmed(f"broker nacked {nacked} of {sent} messages")

    def _drain_confirms(self) -> None:
        deadline = time.monotonic() + self._confirm_timeout
        while self._unconfirmed:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise PublishNotConfirmed(f"{len(self._unconfirmed)} messages unconfirmed after "
                                          f"{self._confirm_timeout}s")
            try:
                self._connection.drain_events(timeout=min(remaining, 1.0))
            except TimeoutError:
                continue

    def close(self) -> None:
        """Drop the connection (after an error, or at shutdown); the next publish reconnects."""
        connection, self._connection, self._channel = self._connection, None, None
        if connection is not None:
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - the connection is being discarded anyway
                try:
                    connection.collect()
                except Exception:  # noqa: BLE001
                    pass
