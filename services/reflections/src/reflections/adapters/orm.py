"""Reflections database schema (SQLAlchemy Core): prompts, reflections and their append-only revisions, feedback,
comments, the artifact-ownership and roster replicas, outbox/inbox, audit log, idempotency keys (assessments and the
skills catalog replica: orm_assessments.py). Migrations are checked against it."""
from __future__ import annotations

from sqlalchemy import (
                        BigInteger,
                        Boolean,
                        Column,
                        DateTime,
                        ForeignKey,
                        ForeignKeyConstraint,
                        Index,
                        Integer,
                        String,
                        Table,
                        Text,
)

from chassis.audit import add_audit_table
from chassis.idempotency import add_idempotency_table
from chassis.messaging.tables import add_messaging_tables
from chassis.roster_replica.tables import add_roster_replica_tables
from reflections.adapters import (  # noqa: F401 - goals, milestones, badges, points of progress, exemplars join it
    amendment_tables,
    calibration_tables,
    credential_tables,
    goal_tables,
    progress_tables,
)
from reflections.adapters.orm_assessments import add_assessment_tables
from reflections.adapters.schema import Id, Key, metadata

prompts = Table(                                  # district-configured guided prompts
    "prompts", metadata,
    Column("id", Id, primary_key=True),
    Column("text", Text, nullable=False),
    Column("active", Boolean, nullable=False, server_default="1"),     # false: retired
    Column("created_by", Key, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=True),
)

reflections = Table(
    "reflections", metadata,
    Column("id", Id, primary_key=True),
    Column("artifact_id", Id, nullable=False),
    Column("student_id", Key, nullable=False),
    Column("prompt_id", Id, nullable=False, server_default=""),
    Column("prompt_text", Text, nullable=False, server_default=""),   # as it read when the reflection was added
    Column("current_revision", Integer, nullable=False, server_default="1"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_reflections_artifact_id", "artifact_id"),
)

reflection_revisions = Table(                     # append-only (database guard in the migration)
    "reflection_revisions", metadata,
    Column("reflection_id", Id, ForeignKey("reflections.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("kind", String(8), nullable=False, server_default="text"),           # text | audio | video
    Column("file_name", String(255), nullable=False, server_default=""),        # audio/video: as declared
    Column("content_type", String(255), nullable=False, server_default=""),
    Column("size_bytes", BigInteger, nullable=False, server_default="0"),
)

# the mutable side of an audio/video revision (revisions themselves are append-only): its upload, then the verdict
revision_media = Table(
    "revision_media", metadata,
    Column("reflection_id", Id, primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("upload_id", String(1024), nullable=False, server_default=""),     # multipart uploads only
    Column("uploaded_at", DateTime(timezone=True), nullable=True),             # CompleteReflectionUpload
    Column("verdict", String(16), nullable=False, server_default=""),         # "" | ready | rejected
    Column("content_type", String(255), nullable=False, server_default=""),   # sniffed
    Column("size_bytes", BigInteger, nullable=False, server_default="0"),     # as stored
    Column("reason", Text, nullable=False, server_default=""),
    Column("checked_at", DateTime(timezone=True), nullable=True),
    Column("checked_key", String(512), nullable=False, server_default=""),    # the checked copy: all that is served
    Column("upload_expires_at", DateTime(timezone=True), nullable=True),       # the upload target's end
    ForeignKeyConstraint(["reflection_id", "number"],
                         ["reflection_revisions.reflection_id", "reflection_revisions.number"]),
)

feedback = Table(
    "feedback", metadata,
    Column("id", Id, primary_key=True),
    Column("artifact_id", Id, nullable=False),
    Column("student_id", Key, nullable=False),
    Column("teacher_id", Key, nullable=False),
    Column("can_do", Text, nullable=False),
    Column("next_steps", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_feedback_artifact_id", "artifact_id"),
)

comments = Table(
    "comments", metadata,
    Column("id", Id, primary_key=True),
    Column("artifact_id", Id, nullable=False),
    Column("student_id", Key, nullable=False),
    Column("author_id", Key, nullable=False),
    Column("author_role", String(16), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("hidden_by", Key, nullable=False, server_default=""),
    Column("hidden_at", DateTime(timezone=True), nullable=True),
    Index("ix_comments_artifact_id", "artifact_id"),
)

# --- replica of artifact ownership (fed by artifacts events) ---
artifact_owners = Table(
    "artifact_owners", metadata,
    Column("artifact_id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default="0"),
    Column("school_year_id", Key, nullable=False, server_default=""),
    Column("created_at", DateTime(timezone=True), nullable=True),     # the artifact_added event's time
    Index("ix_artifact_owners_student_id", "student_id",                # the growth view's joins, index only
          postgresql_include=["artifact_id", "school_year_id", "deleted"]),
)

# --- who wrote what, by name (fed by roster person_* events; guarded in replica_versions as "person_name") ---
person_names = Table(
    "person_names", metadata,
    Column("person_id", Key, primary_key=True),
    Column("name", String(255), nullable=False, server_default=""),     # "Given Family"
)

# --- replica of roster facts (fed by roster events; replica_versions also guards the other replicas) ---
roster = add_roster_replica_tables(metadata)
people, sections, enrollments, guardianships = roster.people, roster.sections, roster.enrollments, roster.guardianships
replica_versions = roster.replica_versions
# The gradebook reads a section's enrollments (chassis.roster_replica.section), not a person's.
Index("ix_enrollments_section_id", roster.enrollments.c.section_id, roster.enrollments.c.role)

audit_log = add_audit_table(metadata)
outbox, inbox = add_messaging_tables(metadata)
idempotency_keys = add_idempotency_table(metadata)       # first results of creates under an Idempotency-Key
assessments, artifact_skills, catalog_skills, catalog_scales, catalog_rubrics, school_years = \
    add_assessment_tables(metadata)
