"""Operator tools: replay a service's outbox (mark rows unsent again) and list or requeue dead-lettered messages."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from urllib.parse import quote, unquote, urlsplit

import requests
from sqlalchemy import Engine, Table, select, update

from chassis.config import PlatformSettings
from chassis.db import is_postgres
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage, open_connection
from chassis.messaging.topology import ATTEMPT_HEADER, ORIGIN_HEADER
from chassis.relay_wakeup import wake_idle_relay

Progress = Callable[[int], None]


def mark_unsent(engine: Engine, outbox: Table, producer: str, since: dt.datetime | None = None,
                event_type: str | None = None, chunk: int = 5000, progress: Progress = lambda n: None) -> int:
    """Set ``sent_at`` back to NULL for matching sent rows, in chunks; the relay republishes them (consumers dedupe)."""
    condition = [outbox.c.sent_at.is_not(None)]
    if since is not None:
        condition.append(outbox.c.created_at >= since)
    if event_type:
        condition.append(outbox.c.type == event_type)
    with engine.connect() as connection:
        ids = [row.id for row in connection.execute(select(outbox.c.id).where(*condition).order_by(outbox.c.id))]
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        with engine.begin() as connection:
            connection.execute(update(outbox).where(outbox.c.id.in_(part)).values(sent_at=None))
            if is_postgres(engine):
                wake_idle_relay(connection, producer)
        progress(len(part))
    return len(ids)


def management_api(amqp_url: str) -> str:
    """RabbitMQ's management API: ``SKILLFOLIO_RABBITMQ_API`` or the AMQP host on port 15672."""
    parts = urlsplit(amqp_url)
    default = f"http://{parts.username or 'guest'}:{parts.password or 'guest'}@{parts.hostname}:15672/api"
    return PlatformSettings().rabbitmq_api or default


def dead_letter_queues(amqp_url: str) -> list[dict]:
    """``[{"queue", "messages"}]`` for every ``*.dlq`` queue of the AMQP URL's vhost."""
    api = urlsplit(management_api(amqp_url))
    vhost = unquote(urlsplit(amqp_url).path[1:]) or "/"
    base = f"{api.scheme}://{api.hostname}:{api.port}{api.path}"
    response = requests.get(f"{base}/queues/{quote(vhost, safe='')}", auth=(api.username, api.password), timeout=10)
    response.raise_for_status()
    return [{"queue": q["name"], "messages": q.get("messages", 0)} for q in response.json()
            if q["name"].endswith(".dlq")]


def requeue_dead_letters(amqp_url: str, dlq: str, progress: Progress = lambda n: None) -> int:
    """Move the messages parked in ``dlq`` back to their consumer queue with a fresh attempt count.

    Each copy is confirmed before its original is acked. Bounded by the depth at the start, so a message that is
    parked again at once is not moved twice in one run.
    """
    if not dlq.endswith(".dlq"):
        raise ValueError(f"{dlq!r} is not a dead-letter queue (names end in .dlq)")
    publisher = ConfirmingPublisher(amqp_url)
    moved = 0
    with open_connection(amqp_url) as connection:
        channel = connection.channel()
        depth = channel.queue_declare(dlq, passive=True)[1]
        for _ in range(depth):
            message = channel.basic_get(dlq, no_ack=False)
            if message is None:
                break
            headers = dict(message.headers or {})
            origin = headers.pop(ORIGIN_HEADER, None) or dlq[:-len(".dlq")]
            headers[ATTEMPT_HEADER] = 0
            body = message.body if isinstance(message.body, bytes) else message.body.encode()
            publisher.publish_batch("", [OutgoingMessage(origin, body, message.properties.get("message_id", ""),
                                                         message.properties.get("correlation_id", ""), headers)])
            channel.basic_ack(message.delivery_tag)
            moved += 1
            progress(1)
    publisher.close()
    return moved
