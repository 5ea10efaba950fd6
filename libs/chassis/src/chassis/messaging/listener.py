"""PostgreSQL LISTEN for the outbox channel, so the relay wakes as soon as a transaction with events commits."""
from __future__ import annotations

import select

from sqlalchemy import Engine


class OutboxListener:
    """A dedicated autocommit connection LISTENing on ``channel``; :meth:`wait` returns early on a NOTIFY."""

    def __init__(self, engine: Engine, channel: str) -> None:
        self._engine = engine
        self._channel = channel
        self._connection = None

    def _connect(self):
        if self._connection is None:
            pooled = self._engine.raw_connection()
            pooled.detach()                      # a long-lived LISTEN session never goes back to the pool
            connection = pooled.driver_connection
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(f'LISTEN "{self._channel}"')
            self._connection = connection
        return self._connection

    def wait(self, timeout: float) -> bool:
        """Block (cooperatively under eventlet) until a notification or ``timeout``; True if one arrived."""
        connection = self._connect()
        try:
            connection.poll()
            if not connection.notifies:
                ready, _, _ = select.select([connection], [], [], timeout)
                if ready:
                    connection.poll()
            woke = bool(connection.notifies)
            connection.notifies.clear()
            return woke
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - already broken
                pass
