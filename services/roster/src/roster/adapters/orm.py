"""Roster database schema (SQLAlchemy Core tables); migrations are generated from and checked against it."""
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
    UniqueConstraint,
    func,
)

from chassis.audit import add_audit_table
from chassis.messaging.tables import BigIntId, add_messaging_tables
from roster.adapters.erasure_tables import add_erasure_tables, add_retention_tables

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s",
})
Id = String(36)


def _stamps() -> list[Column]:
    return [Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now(),
                   onupdate=func.now())]


orgs = Table(  # districts and schools (OneRoster orgs)
    "orgs", metadata,
    Column("id", Id, primary_key=True),
    Column("sourced_id", String(255), nullable=False, unique=True),
    Column("type", String(32), nullable=False),          # district | school | ...
    Column("name", String(255), nullable=False),
    Column("identifier", String(255), nullable=False, server_default=""),
    Column("parent_id", Id, nullable=True),               # a school's district
    Column("active", Boolean, nullable=False, server_default="1"),
    *_stamps(),
)

academic_sessions = Table(  # school years, terms, semesters, grading periods
    "academic_sessions", metadata,
    Column("id", Id, primary_key=True),
    Column("sourced_id", String(255), nullable=False, unique=True),
    Column("title", String(255), nullable=False),
    Column("type", String(32), nullable=False),           # schoolYear | term | semester | gradingPeriod
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    Column("parent_id", Id, nullable=True),
    Column("school_year", Integer, nullable=False),
    Column("active", Boolean, nullable=False, server_default="1"),
    *_stamps(),
)

people = Table(
    "people", metadata,
    Column("id", Id, primary_key=True),
    Column("sourced_id", String(255), nullable=False, unique=True),
    Column("given_name", String(255), nullable=False),
    Column("family_name", String(255), nullable=False),
    Column("email", String(255), nullable=False, server_default=""),
    Column("username", String(255), nullable=False, server_default=""),
    Column("identifier", String(255), nullable=False, server_default=""),
    Column("grade_level", String(8), nullable=False, server_default=""),
    Column("primary_school_id", Id, ForeignKey("orgs.id"), nullable=True),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("birth_date", Date, nullable=True),            # OneRoster demographics.csv birthDate (0004)
    *_stamps(),
    Index("ix_people_primary_school_id", "primary_school_id"),
    Index("ix_people_username", "username"),
    Index("ix_people_name_order", "family_name", "given_name", "id"),   # keyset pages of people (0003)
)

person_roles = Table(  # OneRoster roles.csv: a person's role at an org
    "person_roles", metadata,
    Column("person_id", Id, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(32), primary_key=True),         # student | teacher | guardian | school_admin | district_admin
    Column("org_id", Id, ForeignKey("orgs.id"), primary_key=True),
    Column("is_primary", Boolean, nullable=False, server_default="0"),
    Column("begin_date", Date, nullable=True),
    Column("end_date", Date, nullable=True),
    Index("ix_person_roles_org_role", "org_id", "role"),
)

courses = Table(
    "courses", metadata,
    Column("id", Id, primary_key=True),
    Column("sourced_id", String(255), nullable=False, unique=True),
    Column("title", String(255), nullable=False),
    Column("course_code", String(255), nullable=False, server_default=""),
    Column("org_id", Id, ForeignKey("orgs.id"), nullable=False),
    Column("school_year_id", Id, ForeignKey("academic_sessions.id"), nullable=True),
    Column("active", Boolean, nullable=False, server_default="1"),
    *_stamps(),
)

sections = Table(  # OneRoster classes
    "sections", metadata,
    Column("id", Id, primary_key=True),
    Column("sourced_id", String(255), nullable=False, unique=True),
    Column("title", String(255), nullable=False),
    Column("class_code", String(255), nullable=False, server_default=""),
    Column("course_id", Id, ForeignKey("courses.id"), nullable=False),
    Column("school_id", Id, ForeignKey("orgs.id"), nullable=False),
    Column("school_year_id", Id, ForeignKey("academic_sessions.id"), nullable=True),
    Column("start_date", Date, nullable=True),            # span of its terms
    Column("end_date", Date, nullable=True),
    Column("active", Boolean, nullable=False, server_default="1"),
    *_stamps(),
    Index("ix_sections_school_id", "school_id"),
    Index("ix_sections_title_order", "title", "id"),                   # keyset pages of sections (0003)
)

section_terms = Table(
    "section_terms", metadata,
    Column("section_id", Id, ForeignKey("sections.id", ondelete="CASCADE"), primary_key=True),
    Column("session_id", Id, ForeignKey("academic_sessions.id"), primary_key=True),
)

enrollments = Table(  # a teacher enrollment is a teaching assignment
    "enrollments", metadata,
    Column("id", Id, primary_key=True),
    Column("sourced_id", String(255), nullable=False, unique=True),
    Column("section_id", Id, ForeignKey("sections.id"), nullable=False),
    Column("person_id", Id, ForeignKey("people.id"), nullable=False),
    Column("school_id", Id, ForeignKey("orgs.id"), nullable=False),
    Column("role", String(32), nullable=False),           # student | teacher
    Column("is_primary", Boolean, nullable=False, server_default="0"),
    Column("begin_date", Date, nullable=True),
    Column("end_date", Date, nullable=True),
    Column("active", Boolean, nullable=False, server_default="1"),
    *_stamps(),
    Index("ix_enrollments_person_role", "person_id", "role"),
    Index("ix_enrollments_section_role", "section_id", "role"),
)

guardianships = Table(  # from users.csv agentSourcedIds and parent/guardian roles
    "guardianships", metadata,
    Column("guardian_id", Id, ForeignKey("people.id"), primary_key=True),
    Column("student_id", Id, ForeignKey("people.id"), primary_key=True),
    Column("active", Boolean, nullable=False, server_default="1"),
    *_stamps(),
    Index("ix_guardianships_student_id", "student_id"),
)

transfers = Table(  # a student's school changed; identity did not
    "transfers", metadata,
    Column("id", BigIntId, primary_key=True, autoincrement=True),
    Column("student_id", Id, ForeignKey("people.id"), nullable=False),
    Column("from_school_id", Id, ForeignKey("orgs.id"), nullable=True),
    Column("to_school_id", Id, ForeignKey("orgs.id"), nullable=False),
    Column("effective_date", Date, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_transfers_student_id", "student_id"),
)

rights_settings = Table(  # per district: when guardians' access passes to the student (0004)
    "rights_settings", metadata,
    Column("district_id", Id, primary_key=True),
    Column("guardian_access_ends", String(16), nullable=False),   # age_18 | graduation | never
    Column("updated_by", String(255), nullable=False, server_default=""),
    *_stamps(),
)

student_rights = Table(  # the students whose rights under FERPA have passed to them, and on what basis (0004)
    "student_rights", metadata,
    Column("student_id", Id, ForeignKey("people.id"), primary_key=True),
    Column("passed_on", Date, nullable=False),
    Column("basis", String(16), nullable=False),                  # age_18 | graduation
    Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

guardian_access = Table(  # after rights pass: each guardian's access, as the rule ended it or the student set it (0004)
    "guardian_access", metadata,
    Column("guardian_id", Id, ForeignKey("people.id"), primary_key=True),
    Column("student_id", Id, ForeignKey("people.id"), primary_key=True),
    Column("granted", Boolean, nullable=False),
    Column("decided_by", String(255), nullable=False),            # the student's id, or "service:roster" (the rule)
    Column("decided_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("ix_guardian_access_student_id", "student_id"),
)

credentials = Table(  # local accounts (demos); districts use OIDC
    "credentials", metadata,
    Column("person_id", Id, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("username", String(255), nullable=False),
    Column("password_hash", Text, nullable=False),
    *_stamps(),
    UniqueConstraint("username", name="uq_credentials_username"),
)

import_runs = Table(
    "import_runs", metadata,
    Column("id", BigIntId, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("status", String(16), nullable=False),         # applied | rejected | unchanged
    Column("summary", Text, nullable=False, server_default="{}"),  # JSON counts per entity and change
)

outbox, inbox = add_messaging_tables(metadata)
audit_log = add_audit_table(metadata)  # FERPA record of disclosures (migration 0002)

privacy_officers = Table(  # the district privacy officers, granted by the operator CLI (never by a OneRoster import)
    "privacy_officers", metadata,
    Column("person_id", Id, ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("granted_at", DateTime(timezone=True), nullable=False),
    Column("granted_by", String(255), nullable=False),
    Column("reason", Text, nullable=False),
)
erasure_requests, erasure_confirmations = add_erasure_tables(metadata)  # the erasure saga (migration 0006)
retention_schedule, legal_holds, retention_due, retention_media_due = add_retention_tables(metadata)  # 0006, 0007
