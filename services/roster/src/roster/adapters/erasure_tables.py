"""The erasure saga's tables on the roster metadata: one row per erasure on request, one per service confirmation."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

Id = String(36)


def add_erasure_tables(metadata: MetaData) -> tuple[Table, Table]:
    """Define ``erasure_requests`` and ``erasure_confirmations`` in the roster's ``metadata`` (migrations 0006, 0007)."""
    return _requests(metadata), _confirmations(metadata)


def _requests(metadata: MetaData) -> Table:
    return Table(
        "erasure_requests", metadata,
        Column("id", Id, primary_key=True),
        Column("pseudonym", String(64), nullable=False),
        Column("student_id", Id, nullable=False, server_default=""),      # cleared when the certificate is issued
        Column("reason", Text, nullable=False),
        Column("requested_by", String(255), nullable=False),
        Column("requested_by_roles", String(255), nullable=False, server_default=""),
        Column("requested_at", DateTime(timezone=True), nullable=False),
        Column("services", Text, nullable=False),                        # comma-separated: who must confirm
        Column("status", String(16), nullable=False),                    # pending | completed
        Column("attempts", Integer, nullable=False, server_default="1"),
        Column("last_requested_at", DateTime(timezone=True), nullable=True),
        Column("completed_at", DateTime(timezone=True), nullable=True),
        Column("certificate", Text, nullable=False, server_default=""),  # JSON
        Column("signature", Text, nullable=False, server_default=""),    # compact JWS over the certificate
        Column("artifact_id", Id, nullable=False, server_default=""),     # set: one artifact's erasure (0007)
        Column("refusal", Text, nullable=False, server_default=""),       # why a refused erasure erased nothing
        Column("media_only", Boolean, nullable=False, server_default=false()),   # the media years' erasure
        Index("ix_erasure_requests_status", "status", "last_requested_at"),
        Index("ix_erasure_requests_student_id", "student_id"),
    )


def _confirmations(metadata: MetaData) -> Table:
    return Table(
        "erasure_confirmations", metadata,
        Column("erasure_id", Id, ForeignKey("erasure_requests.id"), primary_key=True),
        Column("service", String(64), primary_key=True),
        Column("counts", Text, nullable=False),                          # JSON {table: rows, media_objects: n}
        Column("confirmed_at", String(40), nullable=False),
    )


def add_retention_tables(metadata: MetaData) -> tuple[Table, Table, Table, Table]:
    """The district's retention schedule (one row), legal holds, and the records reported due: whole portfolios
    (migration 0006) and media alone (0007)."""
    schedule = Table(
        "retention_schedule", metadata,
        Column("key", String(16), primary_key=True),                  # "district"
        Column("portfolio_years", Integer, nullable=False),
        Column("media_years", Integer, nullable=False),
        Column("grace_days", Integer, nullable=False),
        Column("updated_by", String(255), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )
    holds = Table(
        "legal_holds", metadata,
        Column("student_id", Id, primary_key=True),
        Column("reason", Text, nullable=False),
        Column("placed_by", String(255), nullable=False),
        Column("placed_at", DateTime(timezone=True), nullable=False),
    )
    return (schedule, holds, _due(metadata, "retention_due"), _due(metadata, "retention_media_due"))


def _due(metadata: MetaData, name: str) -> Table:
    return Table(
        name, metadata,
        Column("student_id", Id, primary_key=True),
        Column("left_on", Date, nullable=False),
        Column("due_on", Date, nullable=False),
        Column("reported_on", Date, nullable=False),
        Column("erase_after", Date, nullable=False),
        Column("erasure_id", Id, nullable=False, server_default=""),
    )
