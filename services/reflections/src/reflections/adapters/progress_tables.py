"""Points of progress schema (SQLAlchemy Core, on the reflections metadata): the district's terms with their due
dates, one point per student, section and term, and the student work each references (in order)."""
from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint

from reflections.adapters.schema import Id, Key, metadata

progress_terms = Table(
    "progress_terms", metadata,
    Column("id", Id, primary_key=True),
    Column("school_year_id", Key, nullable=False),
    Column("name", String(100), nullable=False),
    Column("due_on", String(10), nullable=False),           # ISO date, the district's day
    Column("updated_by", Key, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("school_year_id", "name", name="uq_progress_terms_school_year_id_name"),
)

points_of_progress = Table(
    "points_of_progress", metadata,
    Column("id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Column("section_id", Key, nullable=False),
    Column("term_id", Id, ForeignKey("progress_terms.id"), nullable=False),
    Column("teacher_id", Key, nullable=False),
    Column("skill_id", Key, nullable=False),
    Column("level_rank", Integer, nullable=False),
    Column("level_name", String(200), nullable=False, server_default=""),
    Column("comment", Text, nullable=False),
    Column("completed_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("student_id", "section_id", "term_id", name="uq_points_of_progress_student_section_term"),
    Index("ix_points_of_progress_section_term", "section_id", "term_id"),
)

point_of_progress_artifacts = Table(
    "point_of_progress_artifacts", metadata,
    Column("point_id", Id, ForeignKey("points_of_progress.id"), primary_key=True),
    Column("artifact_id", Id, primary_key=True),
    Column("position", Integer, nullable=False),
)
