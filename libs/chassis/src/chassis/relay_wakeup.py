"""How a commit that wrote outbox rows wakes its relay on PostgreSQL: NOTIFY only while a relay sleeps.

NOTIFY takes one database-wide lock from the commit until its WAL flush ends, so notifying commits run one at a
time. An idle relay holds an advisory lock exclusively (chassis.messaging.listener); a busy one polls.
"""
from __future__ import annotations

import functools
import zlib

from sqlalchemy import Table, text

RELAY_IDLE_LOCK_CLASS = 0x534F_4952      # advisory lock namespace ("SOIR"): (class, relay_idle_key(producer))


def outbox_channel(producer: str) -> str:
    """The PostgreSQL NOTIFY channel the relay of ``producer`` listens on."""
    return f"outbox_{producer}"


def relay_idle_key(producer: str) -> int:
    """The advisory lock (second key, an int4) an idle relay of ``producer`` holds exclusively while it sleeps."""
    return zlib.crc32(outbox_channel(producer).encode()) - (1 << 31)


# The writer's check takes the lock shared, so it either fails (a relay sleeps: NOTIFY) or holds the lock until this
# commit is visible: a relay announcing idleness meanwhile fails to take it, keeps polling and so sees the row.
_WAKE_SQL = "SELECT pg_notify(:channel, '') WHERE NOT pg_try_advisory_xact_lock_shared(:cls, :key)"
_WAKE_IDLE_RELAY = text(_WAKE_SQL)
MAX_ROWS_WITH_WAKE = 50          # outbox rows written in the same round trip as the wake-up check (more: insert first)


def wake_idle_relay(executor, producer: str) -> None:
    """In a PostgreSQL transaction that wrote outbox rows (a Session or a Connection): have ``producer``'s relay
    woken at commit if it sleeps. A busy relay is not disturbed, and the commit takes no database-wide lock."""
    executor.execute(_WAKE_IDLE_RELAY, _wake_params(producer))


def _wake_params(producer: str) -> dict:
    return {"channel": outbox_channel(producer), "cls": RELAY_IDLE_LOCK_CLASS, "key": relay_idle_key(producer)}


def insert_and_wake(session, outbox: Table, producer: str, rows: list[dict]) -> None:
    """:func:`wake_idle_relay` after inserting ``rows`` (event_id, type, body; at most :data:`MAX_ROWS_WITH_WAKE`)
    into ``outbox``, both in ONE round trip: psycopg2 sends the two statements as one simple query. A commit's events
    so cost the writer no more round trips than the bare insert."""
    params = _wake_params(producer)
    for i, row in enumerate(rows):
        params.update({f"event_id_{i}": row["event_id"], f"type_{i}": row["type"], f"body_{i}": row["body"]})
    session.execute(_insert_and_wake(session.get_bind().dialect.identifier_preparer.format_table(outbox), len(rows)),
                    params)


@functools.lru_cache(maxsize=256)
def _insert_and_wake(table: str, count: int):
    """The statement for ``count`` rows, built (and its bind names parsed) once."""
    values = ", ".join(f"(:event_id_{i}, :type_{i}, :body_{i})" for i in range(count))
    return text((f"INSERT INTO {table} (event_id, type, body) VALUES {values}; " if count else "") + _WAKE_SQL)
