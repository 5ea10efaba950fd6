"""Exemplars and calibration schema (SQLAlchemy Core, on the reflections metadata): exemplars with their consent
record, calibration sessions (the rubric as it was when the session began) and each rater's blind scores."""
from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, ForeignKey, Index, Integer, String, Table, Text

from reflections.adapters.schema import Id, Key, metadata

exemplars = Table(
    "exemplars", metadata,
    Column("id", Id, primary_key=True),
    Column("artifact_id", Id, nullable=False),
    Column("student_id", Key, nullable=False),
    Column("skill_id", Key, nullable=False),
    Column("criterion_code", String(64), nullable=False, server_default=""),
    Column("level_rank", Integer, nullable=False),
    Column("level_name", String(200), nullable=False),
    Column("caption", Text, nullable=False),
    Column("nominated_by", Key, nullable=False),
    Column("nominated_at", DateTime(timezone=True), nullable=False),
    Column("status", String(24), nullable=False),
    Column("consent_by", Key, nullable=False, server_default=""),
    Column("consent_role", String(16), nullable=False, server_default=""),
    Column("consent_at", DateTime(timezone=True), nullable=True),
    Index("ix_exemplars_skill_status", "skill_id", "status", "level_rank"),
    Index("ix_exemplars_student_id", "student_id"),
)

calibration_sessions = Table(
    "calibration_sessions", metadata,
    Column("id", Id, primary_key=True),
    Column("coach_id", Key, nullable=False),
    Column("title", String(200), nullable=False),
    Column("skill_id", Key, nullable=False),
    Column("skill_name", String(200), nullable=False, server_default=""),
    Column("levels", Text, nullable=False),            # JSON [[rank, name]], lowest first
    Column("criteria", Text, nullable=False),          # JSON [[code, name]]
    Column("exemplar_ids", Text, nullable=False),      # JSON [id]
    Column("rater_ids", Text, nullable=False),         # JSON [person id]
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("alpha", Float, nullable=True),             # overall ordinal alpha after the latest submission
    Index("ix_calibration_sessions_created_at", "created_at"),
)

calibration_scores = Table(
    "calibration_scores", metadata,
    Column("session_id", Id, ForeignKey("calibration_sessions.id"), primary_key=True),
    Column("rater_id", Key, primary_key=True),
    Column("exemplar_id", Id, primary_key=True),
    Column("criterion_code", String(64), primary_key=True),
    Column("level_rank", Integer, nullable=False),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
)
