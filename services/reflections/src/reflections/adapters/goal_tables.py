"""Goals and milestones schema (SQLAlchemy Core, on the reflections metadata): goals with their skills and
evidence; milestone types, milestones with their evidence, panel invitations (token hashes only) and one score
sheet per panellist."""
from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from reflections.adapters.schema import Id, Key, metadata

goals = Table(
    "goals", metadata,
    Column("id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Column("title", Text, nullable=False),
    Column("success_criteria", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("closing_reflection", Text, nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Index("ix_goals_student_id", "student_id"),
)

goal_skills = Table(
    "goal_skills", metadata,
    Column("goal_id", Id, ForeignKey("goals.id"), primary_key=True),
    Column("skill_id", Key, primary_key=True),
    Column("position", Integer, nullable=False),
)

goal_evidence = Table(
    "goal_evidence", metadata,
    Column("goal_id", Id, ForeignKey("goals.id"), primary_key=True),
    Column("artifact_id", Id, primary_key=True),
    Column("linked_at", DateTime(timezone=True), nullable=False),
)

milestone_types = Table(
    "milestone_types", metadata,
    Column("id", Id, primary_key=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("rubric_id", Key, nullable=False),
    Column("grade_levels", String(255), nullable=False, server_default=""),   # comma-separated roster codes
    Column("created_by", Key, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

milestones = Table(
    "milestones", metadata,
    Column("id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Column("type_id", Id, ForeignKey("milestone_types.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("scheduled_on", String(10), nullable=False),
    Column("status", String(16), nullable=False),
    Column("outcome", String(16), nullable=False, server_default=""),
    Column("created_by", Key, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("completed_by", Key, nullable=False, server_default=""),
    Column("completed_at", DateTime(timezone=True), nullable=True),
    Index("ix_milestones_student_id", "student_id"),
)

milestone_evidence = Table(
    "milestone_evidence", metadata,
    Column("milestone_id", Id, ForeignKey("milestones.id"), primary_key=True),
    Column("artifact_id", Id, primary_key=True),
    Column("position", Integer, nullable=False),
)

panel_invitations = Table(
    "panel_invitations", metadata,
    Column("id", Id, primary_key=True),
    Column("milestone_id", Id, ForeignKey("milestones.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("email", String(320), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("person_id", Key, nullable=False, server_default=""),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("invited_by", Key, nullable=False),
    Column("invited_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("ix_panel_invitations_milestone_id", "milestone_id"),
)

score_sheets = Table(
    "score_sheets", metadata,
    Column("invitation_id", Id, ForeignKey("panel_invitations.id"), primary_key=True),
    Column("milestone_id", Id, ForeignKey("milestones.id"), nullable=False),
    Column("comment", Text, nullable=False, server_default=""),
    Column("scored_at", DateTime(timezone=True), nullable=False),
    Index("ix_score_sheets_milestone_id", "milestone_id"),
)

sheet_scores = Table(
    "sheet_scores", metadata,
    Column("invitation_id", Id, ForeignKey("score_sheets.invitation_id"), primary_key=True),
    Column("criterion_code", String(64), primary_key=True),
    Column("level_rank", Integer, nullable=False),
)
