"""A nameko extension that runs an :class:`OutboxRelay` in a green thread of the events worker, stopped on SIGTERM."""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from nameko.constants import AMQP_URI_CONFIG_KEY
from nameko.extensions import DependencyProvider
from sqlalchemy import Engine, Table

from chassis.config import service_settings
from chassis.messaging.relay import OutboxRelay

log = logging.getLogger(__name__)
RETENTION_CONFIG_KEY = "SKILLFOLIO_OUTBOX_RETENTION_HOURS"


class OutboxRelayRunner(DependencyProvider):
    """Declare on a nameko service: ``relay = OutboxRelayRunner("roster", make_engine_fn, outbox)``.

    ``engine_factory`` is called in the worker (after eventlet's monkey patching), never at import.
    """

    def __init__(self, producer: str, engine_factory: Callable[[], Engine], outbox_table: Table,
                 relay_class: type[OutboxRelay] = OutboxRelay) -> None:
        self.producer, self.engine_factory, self.outbox_table = producer, engine_factory, outbox_table
        self.relay_class = relay_class
        self.relay: OutboxRelay | None = None
        self._thread = None

    def setup(self) -> None:
        settings = service_settings(self.producer)
        hours = float(self.container.config.get(RETENTION_CONFIG_KEY, 24 * 7))
        self.relay = self.relay_class(self.engine_factory(), self.outbox_table, self.container.config[AMQP_URI_CONFIG_KEY],
                                 self.producer, batch_size=settings.relay_batch_size,
                                 poll_seconds=settings.relay_poll_seconds, retention=dt.timedelta(hours=hours))

    def start(self) -> None:
        self._thread = self.container.spawn_managed_thread(self.relay.run, identifier=f"outbox_relay[{self.producer}]")

    def stop(self) -> None:
        """Graceful: finish the batch in flight (its transaction commits or rolls back), then return."""
        self.relay.stop()
        if self._thread is not None:
            self._thread.wait()

    def kill(self) -> None:
        self.relay.stop()
        if self._thread is not None:
            self._thread.kill()

    def get_dependency(self, worker_ctx) -> OutboxRelay:
        return self.relay
