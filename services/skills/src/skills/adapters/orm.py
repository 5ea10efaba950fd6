"""Skills database schema (SQLAlchemy Core tables); migrations are generated from and checked against it.

Descriptors, levels and rubric criteria are value objects of their aggregate, stored as JSON text beside it.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

from chassis.audit import add_audit_table
from chassis.messaging.tables import add_messaging_tables

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s",
})
Id = String(36)
Key = String(64)


def _updated_at() -> Column:
    return Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now(),
                  onupdate=func.now())


frameworks = Table(
    "frameworks", metadata,
    Column("id", Id, primary_key=True),
    Column("district_id", Key, nullable=False),
    Column("school_id", Key, nullable=False, server_default=""),     # "" = the district framework
    Column("name", String(200), nullable=False),
    Column("grade_bands", Text, nullable=False, server_default="[]"),  # JSON [{code, low_grade, high_grade}]
    _updated_at(),
    UniqueConstraint("district_id", "school_id", name="uq_frameworks_district_school"),
)

skills = Table(
    "skills", metadata,
    Column("id", Id, primary_key=True),
    Column("framework_id", Id, ForeignKey("frameworks.id"), nullable=False),
    Column("district_id", Key, nullable=False),
    Column("school_id", Key, nullable=False, server_default=""),
    Column("code", Key, nullable=False),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("colour", String(7), nullable=False),
    Column("text_colour", String(7), nullable=False),
    Column("descriptors", Text, nullable=False, server_default="{}"),  # JSON {band code: text}
    Column("scale_id", String(36), nullable=False, server_default=""),
    Column("retired", Boolean, nullable=False, server_default="0"),
    _updated_at(),
    UniqueConstraint("framework_id", "code", name="uq_skills_framework_code"),
    Index("ix_skills_district_order", "district_id", "school_id", "code"),
)

scales = Table(
    "scales", metadata,
    Column("id", Id, primary_key=True),
    Column("district_id", Key, nullable=False),
    Column("code", Key, nullable=False),
    Column("name", String(200), nullable=False),
    Column("levels", Text, nullable=False),                            # JSON [{rank, name, description}]
    _updated_at(),
    UniqueConstraint("district_id", "code", name="uq_scales_district_code"),
)

rubrics = Table(
    "rubrics", metadata,
    Column("id", Id, primary_key=True),
    Column("district_id", Key, nullable=False),
    Column("code", Key, nullable=False),
    Column("name", String(200), nullable=False),
    Column("scale_id", Id, ForeignKey("scales.id"), nullable=False),
    Column("skill_id", String(36), nullable=False, server_default=""),
    Column("criteria", Text, nullable=False),                          # JSON [{code, name, cells {rank: text}}]
    _updated_at(),
    UniqueConstraint("district_id", "code", name="uq_rubrics_district_code"),
)

skill_usage = Table(  # fed by artifacts events: which artifacts a skill ever tagged (delete vs retire)
    "skill_usage", metadata,
    Column("skill_id", Id, primary_key=True),
    Column("artifact_id", Id, primary_key=True),
    Column("active", Boolean, nullable=False, server_default="1"),     # false once the artifact is deleted
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_skill_usage_artifact_id", "artifact_id"),
)

school_admins = Table(  # replica of roster school-admin roles, fed by roster person events
    "school_admins", metadata,
    Column("person_id", Id, primary_key=True),
    Column("school_id", Id, primary_key=True),
)

people = Table(  # replica of roster people's status, fed by roster person events: an inactive person is refused
    "people", metadata,
    Column("person_id", Id, primary_key=True),
    Column("active", Boolean, nullable=False, server_default="1"),
)

replica_versions = Table(  # the newest event applied per replicated entity: each event type has its own queue, so an
    "replica_versions", metadata,  # older event (or one after a deletion) can arrive late and must not win
    Column("kind", String(16), primary_key=True),                      # "artifact" | "person"
    Column("entity_id", Id, primary_key=True),
    Column("last_event_at", String(40), nullable=False),               # envelope occurred_at, UTC ISO 8601
    Column("deleted", Boolean, nullable=False, server_default="0"),
)

outbox, inbox = add_messaging_tables(metadata)
audit_log = add_audit_table(metadata)
