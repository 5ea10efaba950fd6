"""PostgreSQL LISTEN for the outbox channel, and the idle lock by which a sleeping relay asks writers to NOTIFY it."""
from __future__ import annotations

import enum
import select

from sqlalchemy import Engine

from chassis.relay_wakeup import RELAY_IDLE_LOCK_CLASS, outbox_channel, relay_idle_key


class Idle(enum.Enum):
    """What :meth:`OutboxListener.announce_idle` found."""
    ANNOUNCED = "announced"        # this relay holds the idle lock: writers NOTIFY from now on
    OTHER_RELAY = "other relay"    # another relay's session holds it: writers NOTIFY, and every listener wakes
    WRITERS = "writers"            # writers between their check and their commit: they will not NOTIFY, poll


class OutboxListener:
    """A dedicated autocommit connection LISTENing on ``producer``'s channel; :meth:`wait` returns early on a NOTIFY.

    While the relay sleeps this session holds the advisory lock that writers check at commit
    (``chassis.relay_wakeup``). A session-level lock ends with its session: closing the connection, or the relay's
    process dying, drops it, and writers simply stop notifying (the relay's fallback poll still runs).
    """

    def __init__(self, engine: Engine, producer: str) -> None:
        self._engine = engine
        self._channel = outbox_channel(producer)
        self._lock = {"cls": RELAY_IDLE_LOCK_CLASS, "key": relay_idle_key(producer)}
        self._connection = None
        self.holds_idle_lock = False

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

    def _query(self, sql: str):
        try:
            with self._connect().cursor() as cursor:
                cursor.execute(sql, self._lock)
                return cursor.fetchone()[0]
        except Exception:
            self.close()
            raise

    def announce_idle(self) -> Idle:
        """Take the idle lock (LISTEN is already on). It fails while a writer between its check and its commit holds
        it shared; once taken, every writer that did not NOTIFY has committed, so re-read the outbox, then sleep."""
        if self._query("SELECT pg_try_advisory_lock(%(cls)s, %(key)s)"):
            self.holds_idle_lock = True
            return Idle.ANNOUNCED
        if self._query("SELECT pg_try_advisory_lock_shared(%(cls)s, %(key)s)"):   # only writers hold it
            self._query("SELECT pg_advisory_unlock_shared(%(cls)s, %(key)s)")
            return Idle.WRITERS
        return Idle.OTHER_RELAY

    def release_idle(self) -> None:
        """Busy again: writers stop notifying."""
        if self.holds_idle_lock:
            self.holds_idle_lock = False
            self._query("SELECT pg_advisory_unlock(%(cls)s, %(key)s)")

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
        """Closing the session also drops the idle lock."""
        connection, self._connection = self._connection, None
        self.holds_idle_lock = False
        if connection is not None:
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - already broken
                pass
