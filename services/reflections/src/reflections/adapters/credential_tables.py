"""Open Badges schema (SQLAlchemy Core, on the reflections metadata): the district's badges (for a milestone type at
a threshold outcome, or for a skill) and every award: the signed credential, its status-list index, its revocation."""
from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from reflections.adapters.schema import Id, Key, metadata

badges = Table(
    "badges", metadata,
    Column("id", Id, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("criteria", Text, nullable=False),
    Column("milestone_type_id", Key, nullable=False, server_default=""),
    Column("skill_id", Key, nullable=False, server_default=""),
    Column("min_outcome", String(16), nullable=False, server_default=""),
    Column("created_by", Key, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_badges_milestone_type_id", "milestone_type_id"),
)

badge_awards = Table(
    "badge_awards", metadata,
    Column("id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Column("badge_id", Id, ForeignKey("badges.id"), nullable=False),
    Column("milestone_id", Key, nullable=False, server_default=""),
    Column("status_index", Integer, nullable=False, unique=True),
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("issued_by", Key, nullable=False),
    Column("document", Text, nullable=False),
    Column("jwt", Text, nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Column("revoked_by", Key, nullable=False, server_default=""),
    Column("revoke_reason", Text, nullable=False, server_default=""),
    Index("ix_badge_awards_student_id", "student_id"),
)
