"""The rebuild's event feed: a queue of its own bound to every subscribed (source, type) BEFORE the sources'
outboxes are replayed (`skillfolio events replay`'s mechanism: rows marked unsent, the running relays publish them
again), so it receives the whole history plus anything published meanwhile; deleted when the rebuild ends."""
from __future__ import annotations

import time
import uuid
from collections.abc import Iterable

from sqlalchemy import Table

from chassis.config import service_settings
from chassis.db import make_engine
from chassis.events import Envelope
from chassis.messaging import replay
from chassis.messaging.publisher import open_connection
from chassis.messaging.topology import events_exchange


class ReplayFeed:
    """``with ReplayFeed(amqp_url, subscriptions) as feed: feed.replay(outboxes); feed()``."""

    def __init__(self, amqp_url: str, subscriptions: Iterable[tuple[str, str]], batch: int = 200,
                 idle_timeout: float = 600.0) -> None:
        self.amqp_url, self.keys, self.batch, self.idle_timeout = amqp_url, sorted(set(subscriptions)), batch, \
            idle_timeout
        self.queue = f"reporting.rebuild.{uuid.uuid4().hex[:12]}"
        self._last = time.monotonic()

    def __enter__(self) -> ReplayFeed:
        self.connection = open_connection(self.amqp_url)
        self.channel = self.connection.channel()
        self.channel.queue_declare(self.queue, durable=False, exclusive=True, auto_delete=True)
        for source, event_type in self.keys:
            exchange = events_exchange(source)
            self.channel.exchange_declare(exchange.name, exchange.type, durable=True, auto_delete=False)
            self.channel.queue_bind(self.queue, exchange.name, routing_key=event_type)
        return self

    def __exit__(self, *exc_info) -> None:
        self.connection.close()

    def replay(self, outboxes: dict[str, Table]) -> int:
        """Mark each source's subscribed events unsent (its relay republishes them); how many."""
        total = 0
        for source, outbox in outboxes.items():
            engine = make_engine(service_settings(source).database_url, pool_size=1)
            try:
                for event_type in [t for s, t in self.keys if s == source]:
                    total += replay.mark_unsent(engine, outbox, source, event_type=event_type)
            finally:
                engine.dispose()
        return total

    def __call__(self) -> list[Envelope]:
        """Up to ``batch`` waiting messages (acknowledged: a rebuild that fails discards everything anyway); []
        after a short wait when none is waiting. Refuses after ``idle_timeout`` seconds with nothing."""
        out = []
        while len(out) < self.batch:
            message = self.channel.basic_get(self.queue, no_ack=True)
            if message is None:
                break
            out.append(Envelope.from_json(message.body))
        if out:
            self._last = time.monotonic()
        elif time.monotonic() - self._last > self.idle_timeout:
            raise TimeoutError(f"no replayed event for {self.idle_timeout:.0f}s: are the sources' events roles "
                               "(their outbox relays) running?")
        else:
            time.sleep(0.2)            # the relays are republishing: poll the queue again shortly
        return out
