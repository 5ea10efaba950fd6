"""The ``outbox`` and ``inbox`` tables, added to each service's own metadata (and so to its migrations)."""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Index, Integer, MetaData, String, Table, Text, func, text

BigIntId = BigInteger().with_variant(Integer(), "sqlite")


def add_messaging_tables(metadata: MetaData) -> tuple[Table, Table]:
    """Define ``outbox`` (events awaiting the relay) and ``inbox`` (events already applied) in ``metadata``."""
    outbox = Table(
        "outbox", metadata,
        Column("id", BigIntId, primary_key=True, autoincrement=True),
        Column("event_id", String(36), nullable=False, unique=True),
        Column("type", String(100), nullable=False),
        Column("body", Text, nullable=False),            # the whole envelope as JSON
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("sent_at", DateTime(timezone=True), nullable=True),
        Index("ix_outbox_unsent", "id", postgresql_where=text("sent_at IS NULL"),
              sqlite_where=text("sent_at IS NULL")),
    )
    inbox = Table(
        "inbox", metadata,
        Column("consumer", String(200), primary_key=True),   # "<service>.<handler>"
        Column("event_id", String(36), primary_key=True),
        Column("processed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    return outbox, inbox
