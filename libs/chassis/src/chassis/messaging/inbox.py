"""Idempotent inbox: record (consumer, event_id) in the same transaction as a handler's effect; repeats change nothing.

Units of work call :func:`claim` (``uow.claim(envelope)``); chassis.messaging.subscriptions applies a handler once.
The events workers' batch paths claim a whole batch in one statement (:func:`claim_all`).
"""
from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from chassis.upserts import upsert


def claim(session: Session, inbox_table: Table, consumer: str, event_id: str) -> bool:
    """Insert the inbox row inside ``session``'s open transaction; False if ``consumer`` already applied the event.

    Call it FIRST in the transaction, before the effect. Race-safe: on PostgreSQL a concurrent redelivery blocks
    on the unique key until the first transaction ends, then sees the conflict (or wins if the first rolled back).
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(inbox_table).values(consumer=consumer, event_id=event_id).on_conflict_do_nothing(
        index_elements=["consumer", "event_id"])
    return session.execute(statement).rowcount == 1


def claim_all(session: Session, inbox_table: Table, keys) -> set[tuple[str, str]]:
    """:func:`claim` for many ``(consumer, event_id)`` pairs in one statement: the pairs not applied before (the
    rows it inserted). Race-safe in the same way."""
    return set(upsert(session, inbox_table, [{"consumer": c, "event_id": i} for c, i in keys],
                      ["consumer", "event_id"], [], returning=("consumer", "event_id")))


def already_applied(session: Session, inbox_table: Table, consumer: str, event_id: str) -> bool:
    """Read-only check (diagnostics and tests); handlers use :func:`claim`, which is race-safe."""
    row = session.execute(inbox_table.select().where(inbox_table.c.consumer == consumer,
                                                     inbox_table.c.event_id == event_id)).first()
    return row is not None
