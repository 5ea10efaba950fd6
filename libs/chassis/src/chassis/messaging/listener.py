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
            connection = pooled.dbapi_connection  # (driver_connection reads None once detached)
            pooled.detach()                       # a long-lived LISTEN session never goes back to the pool
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(f'LISTEN "{self._channel}"')
            self._connection = connection
        return self._connection

    def wait(self, timeout: float, interrupt_fd: int | None = None) -> bool:
        """Block (cooperatively under eventlet) until a notification, ``timeout``, or ``interrupt_fd`` is readable.

        Returns True if a notification arrived.
        """
        connection = self._connect()
        try:
            connection.poll()
            if not connection.notifies:
                watched = [connection] if interrupt_fd is None else [connection, interrupt_fd]
                ready, _, _ = select.select(watched, [], [], timeout)
                if connection in ready:
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
