"""Notifications database schema (SQLAlchemy Core): the roster replica plus contacts and artifacts replicas,
notifications (the feed, each with how and when its email goes), approvals, preferences and district settings,
deliveries (one email: instant or digest) with their attempts, failing addresses, outbox/inbox and the audit log.
Migrations are checked against it."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from chassis.audit import add_audit_table
from chassis.messaging.tables import add_messaging_tables
from chassis.roster_replica.tables import add_roster_replica_tables


def utc(moment):
    """A stored moment as an aware UTC datetime (SQLite, the embedded default, returns naive ones)."""
    return moment.replace(tzinfo=dt.UTC) if moment is not None and moment.tzinfo is None else moment


metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s",
})
Id = String(36)
Key = String(64)
When = DateTime(timezone=True)
BigIntId = BigInteger().with_variant(Integer(), "sqlite")

outbox, inbox = add_messaging_tables(metadata)
audit_log = add_audit_table(metadata)
roster = add_roster_replica_tables(metadata)
people, guardianships, replica_versions = roster.people, roster.guardianships, roster.replica_versions

contacts = Table(                                  # from roster person events: how to address someone
    "contacts", metadata,
    Column("person_id", Key, primary_key=True),
    Column("given_name", String(200), nullable=False, server_default=""),
    Column("family_name", String(200), nullable=False, server_default=""),
    Column("email", String(320), nullable=False, server_default=""),
    Column("language", String(16), nullable=False, server_default=""),
)

artifacts = Table(                                 # from artifacts events: who added what, for which student
    "artifacts", metadata,
    Column("artifact_id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Column("added_by", Key, nullable=False, server_default=""),
    Column("added_by_role", String(16), nullable=False, server_default=""),
    Column("title", String(300), nullable=False, server_default=""),
    Column("school_id", Key, nullable=False, server_default=""),
    Column("deleted", Boolean, nullable=False, server_default="0"),
)

notifications = Table(
    "notifications", metadata,
    Column("id", Id, primary_key=True),
    Column("recipient_id", Key, nullable=False),
    Column("student_id", Key, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("category", String(40), nullable=False),
    Column("actor_id", Key, nullable=False, server_default=""),
    Column("subject_id", Key, nullable=False, server_default=""),
    Column("title", String(300), nullable=False, server_default=""),
    Column("user_text", Text, nullable=False, server_default=""),
    Column("outcome", String(40), nullable=False, server_default=""),
    Column("link", String(500), nullable=False, server_default=""),
    Column("count", Integer, nullable=False, server_default="1"),
    Column("created_at", When, nullable=False),
    Column("updated_at", When, nullable=False),
    Column("read", Boolean, nullable=False, server_default="0"),
    Column("held_by", Id, nullable=False, server_default=""),         # an approval it waits for ("" = none)
    Column("email_mode", String(8), nullable=False, server_default="none"),   # instant | daily | weekly | none
    Column("email_due_at", When, nullable=True),                      # digests: the digest time it belongs to
    Column("delivery_id", Id, nullable=True),                         # the one email that carries it
    Index("ix_notifications_feed", "recipient_id", "created_at", "id"),      # also the per-event coalescing lookup
    Index("ix_notifications_student_recent", "student_id", "created_at"),    # the batch path's coalescing lookup
    # partial (migration 0002): each query using them names a digest mode, a delivery or a hold
    Index("ix_notifications_digest_due", "email_mode", "email_due_at",
          postgresql_where=text("email_mode IN ('daily', 'weekly')")),
    Index("ix_notifications_delivery", "delivery_id", postgresql_where=text("delivery_id IS NOT NULL")),
    Index("ix_notifications_held", "held_by", postgresql_where=text("held_by <> ''")),
)

approvals = Table(                                 # a student's own action, held until a current teacher approves
    "approvals", metadata,
    Column("id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("subject_id", Key, nullable=False, server_default=""),
    Column("title", String(300), nullable=False, server_default=""),
    Column("link", String(500), nullable=False, server_default=""),
    Column("created_at", When, nullable=False),
    Column("approved_by", Key, nullable=False, server_default=""),
    Column("approved_at", When, nullable=True),
    Index("ix_approvals_pending", "approved_at", "student_id"),
)

preferences = Table(
    "preferences", metadata,
    Column("person_id", Key, primary_key=True),
    Column("categories", Text, nullable=False, server_default="{}"),   # JSON {category: delivery}
    Column("email", Boolean, nullable=False, server_default="1"),
    Column("language", String(16), nullable=False, server_default=""),
    Column("time_zone", String(64), nullable=False, server_default=""),
    Column("quiet_hours_start", String(5), nullable=False, server_default=""),
    Column("quiet_hours_end", String(5), nullable=False, server_default=""),
)

district_settings = Table(                         # one row, key "district"
    "district_settings", metadata,
    Column("key", String(16), primary_key=True),
    Column("body", Text, nullable=False),           # JSON of domain.preferences.DistrictSettings
)

deliveries = Table(                                # one email: instant (one notification) or a digest
    "deliveries", metadata,
    Column("id", Id, primary_key=True),
    Column("recipient_id", Key, nullable=False),
    Column("kind", String(8), nullable=False),      # instant | daily | weekly
    Column("period_key", String(40), nullable=False),   # digest: its local date / ISO week; instant: the notification
    Column("category", String(40), nullable=False, server_default=""),
    Column("status", String(12), nullable=False),   # queued | sent | parked | suppressed
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("due_at", When, nullable=False),
    Column("lease_until", When, nullable=True),     # a sender holds it until then (a killed sender's lease lapses)
    Column("last_error", Text, nullable=False, server_default=""),
    Column("message_id", String(300), nullable=False, server_default=""),
    Column("created_at", When, nullable=False),
    Column("finished_at", When, nullable=True),     # sent, parked or suppressed
    UniqueConstraint("recipient_id", "kind", "period_key", name="uq_deliveries_one_per_period"),
    Index("ix_deliveries_due", "status", "due_at"),
)

delivery_attempts = Table(
    "delivery_attempts", metadata,
    Column("id", BigIntId, primary_key=True, autoincrement=True),
    Column("delivery_id", Id, nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("at", When, nullable=False),
    Column("outcome", String(12), nullable=False),  # sent | transient | permanent
    Column("error", Text, nullable=False, server_default=""),
    Index("ix_delivery_attempts_delivery", "delivery_id"),
)

addresses = Table(                                 # bounces / 5xx per address; failing ones get no more mail
    "addresses", metadata,
    Column("email", String(320), primary_key=True),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("failing", Boolean, nullable=False, server_default="0"),
    Column("last_error", Text, nullable=False, server_default=""),
)
