"""Artifacts database schema (SQLAlchemy Core): artifacts, versions, their media state, skill tags, the roster
replica, the milestone panel and skill catalog replicas, outbox/inbox, audit log. Migrations are generated from and
checked against it."""
from __future__ import annotations

from sqlalchemy import (
                        BigInteger,
                        Boolean,
                        Column,
                        DateTime,
                        ForeignKey,
                        Index,
                        Integer,
                        MetaData,
                        String,
                        Table,
                        Text,
                        and_,
                        func,
                        literal_column,
)

from chassis.audit import add_audit_table
from chassis.idempotency import add_idempotency_table
from chassis.messaging.tables import add_messaging_tables
from chassis.roster_replica.tables import add_roster_replica_tables

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s",
})
Id = String(36)
Key = String(64)

artifacts = Table(
    "artifacts", metadata,
    Column("id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Column("added_by", Key, nullable=False),
    Column("added_by_role", String(16), nullable=False),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("kind", String(16), nullable=False),
    Column("link_url", Text, nullable=False, server_default=""),
    Column("school_year_id", Key, nullable=False, server_default=""),
    Column("school_id", Key, nullable=False, server_default=""),
    Column("status", String(16), nullable=False),
    Column("rejection_reason", Text, nullable=False, server_default=""),
    Column("current_version", Integer, nullable=False, server_default="1"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    # imported history (another district's transfer package): read-only, labelled with its origin
    Column("origin_district_id", String(255), nullable=False, server_default=""),
    Column("origin_district_name", String(200), nullable=False, server_default=""),
    Column("origin_ref", String(64), nullable=False, server_default=""),
    Column("origin_skill_labels", Text, nullable=False, server_default="[]"),   # JSON list of labels
    Column("origin_school_year", String(200), nullable=False, server_default=""),     # the sender's year (0015)
    Column("origin_school_year_start", String(10), nullable=False, server_default=""),
)
# a portfolio page: one student's live artifacts, newest first
Index("ix_artifacts_portfolio", artifacts.c.student_id, artifacts.c.created_at.desc(), artifacts.c.id.desc(),
      postgresql_where=artifacts.c.deleted_at.is_(None), sqlite_where=artifacts.c.deleted_at.is_(None))
# imported history: one live artifact per origin and student (an import run again resumes, never duplicates)
IMPORTED = and_(artifacts.c.origin_ref != "", artifacts.c.deleted_at.is_(None))
Index("ux_artifacts_imported_origin", artifacts.c.student_id, artifacts.c.origin_district_id, artifacts.c.origin_ref,
      unique=True, postgresql_where=IMPORTED, sqlite_where=IMPORTED)
# full-text title search on PostgreSQL ('simple': no stemming, any language); queries use the same expression
TITLE_TSVECTOR = func.to_tsvector(literal_column("'simple'"), artifacts.c.title)
Index("ix_artifacts_title_fts", TITLE_TSVECTOR, postgresql_using="gin").ddl_if(dialect="postgresql")

artifact_versions = Table(                       # append-only (database guard in the migration)
    "artifact_versions", metadata,
    Column("artifact_id", Id, ForeignKey("artifacts.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("media_key", String(512), nullable=False, server_default=""),
    Column("link_url", Text, nullable=False, server_default=""),
    Column("size_bytes", BigInteger, nullable=False, server_default="0"),
    Column("content_type", String(255), nullable=False, server_default=""),
    Column("created_by", Key, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("file_name", String(255), nullable=False, server_default=""),
)

# the mutable side of a media version (versions themselves are append-only): its upload, then the worker's verdict
version_media = Table(
    "version_media", metadata,
    Column("artifact_id", Id, ForeignKey("artifacts.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("upload_id", String(1024), nullable=False, server_default=""),     # multipart uploads only
    Column("uploaded_at", DateTime(timezone=True), nullable=True),             # CompleteUpload
    Column("verdict", String(16), nullable=False, server_default=""),         # "" | ready | rejected
    Column("content_type", String(255), nullable=False, server_default=""),   # sniffed
    Column("size_bytes", BigInteger, nullable=False, server_default="0"),     # as stored
    Column("thumbnail_key", String(512), nullable=False, server_default=""),
    Column("checked_at", DateTime(timezone=True), nullable=True),
    Column("checked_key", String(512), nullable=False, server_default=""),    # the worker's copy: all that is served
    Column("upload_expires_at", DateTime(timezone=True), nullable=True),       # the upload target's end
    Column("media_object_id", Id, nullable=True),      # a class capture's shared object (capture_tables.py)
    Index("ix_version_media_media_object_id", "media_object_id"),
)

artifact_skills = Table(
    "artifact_skills", metadata,
    Column("artifact_id", Id, ForeignKey("artifacts.id"), primary_key=True),
    Column("skill_id", Key, primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_artifact_skills_skill_id", "skill_id"),
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

# the milestone panel replica (read and written by panel_grants.py)
milestone_panellists = Table(
    "milestone_panellists", metadata,
    Column("invitation_id", Id, primary_key=True),
    Column("milestone_id", Id, nullable=False),
    Column("student_id", Key, nullable=False),
    Column("person_id", Key, nullable=False, server_default=""),    # an invited educator account, or empty
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("ix_milestone_panellists_milestone_id", "milestone_id"),
)

milestone_selections = Table(
    "milestone_selections", metadata,
    Column("milestone_id", Id, primary_key=True),
    Column("artifact_id", Id, primary_key=True),
    Column("student_id", Key, nullable=False),
    Index("ix_milestone_selections_artifact_id", "artifact_id"),
)

# the skill catalog replica (skill_catalog.py): where each skill and school belongs
skill_places = Table(
    "skill_places", metadata,
    Column("skill_id", Key, primary_key=True),
    Column("district_id", Key, nullable=False, server_default=""),
    Column("school_id", Key, nullable=False, server_default=""),       # a school's own addition, or empty
    Column("deleted", Boolean, nullable=False, server_default="0"),
)

school_districts = Table(
    "school_districts", metadata,
    Column("school_id", Key, primary_key=True),
    Column("district_id", Key, nullable=False, server_default=""),
)
