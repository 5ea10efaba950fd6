"""Append-only audit log (FERPA "record of disclosures"): the table each service adds to its own metadata, the
database guard that rejects UPDATE/DELETE, and :func:`record_access`, which writes in the caller's transaction."""
from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable

from sqlalchemy import Column, DateTime, Index, Insert, Integer, MetaData, String, Table, Text, insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from chassis.context import current_correlation_id
from chassis.messaging.tables import BigIntId

AUDIT_TABLE = "audit_log"


def add_audit_table(metadata: MetaData) -> Table:
    """Define ``audit_log`` in ``metadata``: who read or changed whose record, when, and in which request."""
    return Table(
        AUDIT_TABLE, metadata,
        Column("id", BigIntId, primary_key=True, autoincrement=True),
        Column("occurred_at", DateTime(timezone=True), nullable=False),
        Column("actor", String(255), nullable=False),            # person id, or "service:<name>"
        Column("actor_roles", String(255), nullable=False),      # comma-separated roles the actor held
        Column("action", String(100), nullable=False),           # e.g. "roster.GetPerson"
        Column("subject_type", String(32), nullable=False),      # e.g. "student"
        Column("subject_id", String(36), nullable=True),         # set when exactly one subject was disclosed
        Column("subject_count", Integer, nullable=False),
        Column("subject_ids", Text, nullable=False),             # JSON array of every subject disclosed
        Column("correlation_id", String(64), nullable=False),
        Column("detail", Text, nullable=False),                  # JSON: the request's filters, target, ...
        Index("ix_audit_log_subject_id", "subject_id"),
        Index("ix_audit_log_occurred_at", "occurred_at"),
        Index("ix_audit_log_actor", "actor"),
    )


def record_access(executor: Session | Connection, table: Table, *, actor: str, actor_roles: Iterable[str],
                  action: str, subject_ids: Iterable[str], subject_type: str = "student",
                  detail: dict | None = None) -> bool:
    """Append one audit row inside the caller's open transaction; returns False (writes nothing) when no
    subject was disclosed. The row commits or rolls back with the caller's work."""
    subjects = list(dict.fromkeys(subject_ids))
    if not subjects:
        return False
    executor.execute(_insert(table), {
        "occurred_at": dt.datetime.now(dt.UTC), "actor": actor, "actor_roles": ",".join(sorted(actor_roles)),
        "action": action, "subject_type": subject_type, "subject_id": subjects[0] if len(subjects) == 1 else None,
        "subject_count": len(subjects), "subject_ids": json.dumps(subjects), "correlation_id": current_correlation_id(),
        "detail": json.dumps(detail or {}, sort_keys=True, default=str)})
    return True


@functools.lru_cache(maxsize=32)
def _insert(table: Table) -> Insert:
    """The audit insert, built once per table (every read a service audits binds only its values)."""
    return insert(table)


def append_only_guard_sql(dialect: str, table: str = AUDIT_TABLE) -> list[str]:
    """DDL making ``table`` append-only in the database itself (UPDATE, DELETE and TRUNCATE raise)."""
    if dialect == "postgresql":
        return [
            f"""CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION '{table} is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
            END $$""",
            f"CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()",
        ]
    if dialect == "sqlite":
        return [f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: {op} is not allowed'); END"
                for op in ("UPDATE", "DELETE")]
    raise ValueError(f"no append-only guard for dialect {dialect!r}")


def erasable_history_guard_sql(table: str) -> list[str]:
    """PostgreSQL DDL: ``table`` stays append-only except for a DELETE in a transaction that set
    ``skillfolio.erasure`` to 'on' (chassis.erasure: erasure on request; the audit log itself never allows it)."""
    return [f"""CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' AND current_setting('skillfolio.erasure', true) = 'on' THEN
                RETURN OLD;
              END IF;
              RAISE EXCEPTION '{table} is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
            END $$"""]


def drop_append_only_guard_sql(dialect: str, table: str = AUDIT_TABLE) -> list[str]:
    """DDL undoing :func:`append_only_guard_sql` (for migration downgrades)."""
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
                f"DROP TRIGGER IF EXISTS {table}_no_update_delete ON {table}",
                f"DROP FUNCTION IF EXISTS {table}_append_only()"]
    if dialect == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {table}_no_{op}" for op in ("update", "delete")]
    raise ValueError(f"no append-only guard for dialect {dialect!r}")
