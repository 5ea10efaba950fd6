"""The raw consume-and-ack baseline of the ingestion benches: py-amqp ``basic_consume`` with a prefetch, each full (or
final) batch handed to a function, then acked with one ``multiple`` ack; returns messages/s. A batch smaller than
the prefetch lets the broker deliver the next batch while one is handled (as the events workers' batching does)."""
from __future__ import annotations

import time

import amqp

from chassis.messaging.publisher import connection_params


def consume(amqp_url: str, queue: str, total: int, prefetch: int, handle_batch, timeout: float = 60,
            batch: int | None = None) -> float:
    """Consume ``total`` messages of ``queue``, handing each batch (``batch`` messages, default the prefetch) of
    bodies to ``handle_batch`` before acking it."""
    batch = batch or prefetch
    connection = amqp.Connection(**connection_params(amqp_url))
    connection.connect()
    channel = connection.channel()
    channel.basic_qos(0, prefetch, False)
    pending: list = []
    done = [0]

    def on_message(message) -> None:
        pending.append(message)
        if len(pending) >= batch or done[0] + len(pending) >= total:
            handle_batch([m.body for m in pending])
            channel.basic_ack(pending[-1].delivery_tag, multiple=True)
            done[0] += len(pending)
            pending.clear()
    started = time.perf_counter()
    channel.basic_consume(queue, callback=on_message)
    while done[0] < total:
        connection.drain_events(timeout=timeout)
    elapsed = time.perf_counter() - started
    connection.close()
    return total / elapsed
