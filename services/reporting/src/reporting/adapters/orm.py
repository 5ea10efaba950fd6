"""Reporting database schema: facts kept from other services' events (keyed by their ids, so a redelivery or a
late event is an upsert) and what is derived from them (who was in which school and grade in which year).

Reports are aggregate queries over these facts; nothing here names a student or shows an artifact's content.
"""
from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, Integer, MetaData, PrimaryKeyConstraint, String, Table, Text

from chassis.messaging.tables import add_messaging_tables

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s", "pk": "pk_%(table_name)s",
})
Id = String(64)
At = String(40)                      # a sortable UTC ISO timestamp (chassis.messaging.replica.utc_iso)

outbox, inbox = add_messaging_tables(metadata)

replica_versions = Table(
    "replica_versions", metadata,
    Column("kind", String(32), primary_key=True),
    Column("entity_id", Id, primary_key=True),
    Column("last_event_at", At, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default="0"),
)

schools = Table("schools", metadata, Column("school_id", Id, primary_key=True),
                Column("name", String(200), nullable=False), Column("district_id", Id, nullable=False))

school_years = Table("school_years", metadata, Column("school_year_id", Id, primary_key=True),
                     Column("title", String(100), nullable=False), Column("start_date", String(10), nullable=False),
                     Column("end_date", String(10), nullable=False), Column("year", Integer, nullable=False))

skills = Table("skills", metadata, Column("skill_id", Id, primary_key=True),
               Column("name", String(200), nullable=False), Column("code", String(64), nullable=False),
               Column("colour", String(7), nullable=False), Column("text_colour", String(7), nullable=False),
               Column("scale_id", Id, nullable=False, server_default=""),
               Column("active", Boolean, nullable=False, server_default="1"))

scales = Table("scales", metadata, Column("scale_id", Id, primary_key=True),
               Column("levels", Text, nullable=False))            # JSON [[rank, name], ...] lowest first

milestone_types = Table("milestone_types", metadata, Column("code", String(64), primary_key=True),
                        Column("name", String(200), nullable=False))

# A student's school and grade from each roster event about them (person events, transfers): the history that
# attributes evidence to where the student was when it was added.
student_states = Table(
    "student_states", metadata,
    Column("student_id", Id, primary_key=True),
    Column("at", At, primary_key=True),
    Column("source", String(16), primary_key=True),         # person | transfer
    Column("school_id", Id, nullable=False),
    Column("grade_level", String(8), nullable=False),       # "" on a transfer: the grade carries over
)

# Every person as the roster last said: status (the API refuses an inactive caller) and the school an admin runs.
people = Table("people", metadata, Column("person_id", Id, primary_key=True),
               Column("roles", String(200), nullable=False), Column("primary_school_id", Id, nullable=False),
               Column("active", Boolean, nullable=False))

# Derived from student_states and school_years (recomputed per student): the denominators of participation.
student_years = Table(
    "student_years", metadata,
    Column("school_year_id", Id, primary_key=True),
    Column("school_id", Id, primary_key=True),
    Column("grade_level", String(8), primary_key=True),
    Column("student_id", Id, primary_key=True),
)

transfers = Table(
    "transfers", metadata,
    Column("student_id", Id, primary_key=True),
    Column("effective_date", String(10), primary_key=True),
    Column("to_school_id", Id, primary_key=True),
    Column("from_school_id", Id, nullable=False),
    Column("school_year_id", Id, nullable=False, server_default=""),
)

artifacts = Table(
    "artifacts", metadata,
    Column("artifact_id", Id, primary_key=True),
    Column("student_id", Id, nullable=False),
    Column("added_at", At, nullable=False),                  # the earliest event about it: when it was added
    Column("school_year_id", Id, nullable=False),
    Column("stamped_school_id", Id, nullable=False),         # the school the artifacts service stamped
    Column("school_id", Id, nullable=False),                 # attributed: stamped, else from the history
    Column("grade_level", String(8), nullable=False),        # attributed from the history at added_at
    Column("kind", String(16), nullable=False),
    Column("added_by_role", String(16), nullable=False),
    Column("deleted", Boolean, nullable=False, server_default="0"),
    Index("ix_artifacts_report", "school_year_id", "school_id", "grade_level"),
    Index("ix_artifacts_student", "student_id"),
)

artifact_skills = Table("artifact_skills", metadata, Column("artifact_id", Id, primary_key=True),
                        Column("skill_id", Id, primary_key=True), Index("ix_artifact_skills_skill", "skill_id"))

# reflection | feedback: the artifact has at least one student reflection / teacher feedback.
artifact_responses = Table("artifact_responses", metadata, Column("artifact_id", Id, primary_key=True),
                           Column("kind", String(16), primary_key=True))

assessments = Table(
    "assessments", metadata,
    Column("assessment_id", Id, primary_key=True),
    Column("student_id", Id, nullable=False),
    Column("skill_id", Id, nullable=False),
    Column("school_year_id", Id, nullable=False),
    Column("level_rank", Integer, nullable=False),
    Column("assessed_at", At, nullable=False),
    Column("school_id", Id, nullable=False),
    Column("grade_level", String(8), nullable=False),
    Column("artifact_id", Id, nullable=True),   # the artifact assessed (its erasure takes the assessment too)
    Index("ix_assessments_latest", "school_year_id", "skill_id", "student_id", "assessed_at"),
    Index("ix_assessments_artifact", "artifact_id"),
)

milestones = Table(
    "milestones", metadata,
    Column("milestone_id", Id, primary_key=True),
    Column("student_id", Id, nullable=False),
    Column("type_code", String(64), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("school_id", Id, nullable=False),
    Column("grade_level", String(8), nullable=False),
    Column("school_year_id", Id, nullable=False),
    Column("completed_at", At, nullable=False),
    Index("ix_milestones_report", "school_year_id", "school_id", "grade_level"),
)

# Summaries (adapters.summaries), kept in the transaction that changes the artifact-level rows: the dashboard's
# counts pre-aggregated, each at four levels (school and grade each a value or ALL), so a report reads the rows of
# its own level. ``artifact_counts``: live artifacts per key, skill "" = every artifact once, else one row per skill
# tag; with a reflection / with feedback of them. ``student_evidence``: a student's live artifacts per key, at
# their school and grade only (it is read only by adapters.summaries);
# ``participation``: the students whose evidence count is positive there, and ``enrolment``: the students enrolled
# there, so a distinct-student figure is one row, never a sum over rows.
ALL = "*"


def _summary_key() -> list[Column]:
    """Every summary's leading key: the school year, skill, school and grade the counts are for."""
    return [Column("school_year_id", Id, nullable=False), Column("skill_id", Id, nullable=False),
            Column("school_id", Id, nullable=False), Column("grade_level", String(8), nullable=False)]


def _summary_pk(*rest: str) -> PrimaryKeyConstraint:
    """A summary's primary key leads with the level (school year, school, grade): every report reads one level."""
    return PrimaryKeyConstraint("school_year_id", "school_id", "grade_level", "skill_id", *rest)


artifact_counts = Table(
    "artifact_counts", metadata,
    *_summary_key(),
    Column("added_by_role", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("n", Integer, nullable=False),
    Column("reflected", Integer, nullable=False),
    Column("feedback", Integer, nullable=False),
    _summary_pk("added_by_role", "kind"),
    Index("ix_artifact_counts_by_school", "school_year_id", "grade_level", "skill_id", "school_id"),
)
student_evidence = Table(
    "student_evidence", metadata,
    *_summary_key(),
    Column("student_id", Id, nullable=False),
    Column("n", Integer, nullable=False),
    _summary_pk("student_id"),
    Index("ix_student_evidence_student", "student_id"),
)
participation = Table(
    "participation", metadata,
    *_summary_key(),
    Column("students", Integer, nullable=False),
    _summary_pk(),
    Index("ix_participation_by_school", "school_year_id", "grade_level", "skill_id", "school_id"),
)
# Students by their latest teacher-assessed level per school year and skill, where that assessment was made.
level_counts = Table(
    "level_counts", metadata,
    *_summary_key(),
    Column("level_rank", Integer, nullable=False, autoincrement=False),
    Column("students", Integer, nullable=False),
    _summary_pk("level_rank"),
)
enrolment = Table(
    "enrolment", metadata,
    Column("school_year_id", Id, primary_key=True),
    Column("school_id", Id, primary_key=True),
    Column("grade_level", String(8), primary_key=True),
    Column("students", Integer, nullable=False),
)
SUMMARIES = (artifact_counts, student_evidence, participation, level_counts, enrolment)

# The newest event applied per source: every report's as_of, and the lag metric.
# ``changed``: a fresh token at every commit that applied events from the source, so the set of rows identifies the
# read models' state (the report cache's key; a rebuild's swap brings new tokens too).
freshness = Table("freshness", metadata, Column("source", String(32), primary_key=True),
                  Column("newest_event_at", At, nullable=False),
                  Column("changed", String(32), nullable=False, server_default=""))

READ_MODELS = (replica_versions, schools, school_years, skills, scales, milestone_types, student_states, people,
               student_years, transfers, artifacts, artifact_skills, artifact_responses, assessments, milestones,
               freshness, inbox, *SUMMARIES)
