"""Tables of assessments and of the replicas they need: the skills catalog (skills, scales, rubrics; fed by skills
events), school years (roster events) and each artifact's skill tags (artifacts events); orm.py adds them to its
metadata with :func:`add_assessment_tables`."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, MetaData, String, Table, Text

Id = String(36)
Key = String(64)


def add_assessment_tables(metadata: MetaData) -> tuple[Table, ...]:
    """(assessments, artifact_skills, catalog_skills, catalog_scales, catalog_rubrics, school_years) on ``metadata``."""

    assessments = Table(                  # a teacher's assessment or the student's self-assessment (assessor_role)
        "assessments", metadata,
        Column("id", Id, primary_key=True),
        Column("artifact_id", Id, nullable=False),
        Column("student_id", Key, nullable=False),
        Column("skill_id", Key, nullable=False),
        Column("assessor_id", Key, nullable=False),
        Column("assessor_role", String(16), nullable=False),
        Column("level_rank", Integer, nullable=False),
        Column("level_name", String(200), nullable=False),          # as the scale named it when assessed
        Column("max_rank", Integer, nullable=False),                # the scale's top rank when assessed
        Column("comment", Text, nullable=False, server_default=""),
        Column("criterion_levels", Text, nullable=False, server_default="[]"),   # JSON [{criterion_code, level_rank}]
        Column("assessed_at", DateTime(timezone=True), nullable=False),
        Index("ix_assessments_artifact_id", "artifact_id"),
        # the growth view: a student's points in time order, read from the index alone (PostgreSQL INCLUDE)
        Index("ix_assessments_student_growth", "student_id", "assessed_at", "id",
              postgresql_include=["skill_id", "artifact_id", "level_rank", "level_name", "max_rank", "assessor_role"]),
    )

    # --- replica of artifact skill tags (the complete current set from artifact_added/updated) ---
    artifact_skills = Table(
        "artifact_skills", metadata,
        Column("artifact_id", Id, primary_key=True),
        Column("skill_id", Key, primary_key=True),
        Column("student_id", Key, nullable=False),
        Index("ix_artifact_skills_student_id", "student_id", "skill_id", "artifact_id"),   # covers the tag counts
    )

    # --- replica of the skills catalog (fed by skills events) ---
    catalog_skills = Table(
        "catalog_skills", metadata,
        Column("skill_id", Key, primary_key=True),
        Column("name", String(200), nullable=False),
        Column("colour", String(16), nullable=False, server_default=""),
        Column("scale_id", Key, nullable=False, server_default=""),
        Column("retired", Boolean, nullable=False, server_default="0"),
        Column("deleted", Boolean, nullable=False, server_default="0"),
    )

    catalog_scales = Table(
        "catalog_scales", metadata,
        Column("scale_id", Key, primary_key=True),
        Column("name", String(200), nullable=False),
        Column("levels", Text, nullable=False),                      # JSON [{rank, name, description}], lowest first
    )

    catalog_rubrics = Table(
        "catalog_rubrics", metadata,
        Column("rubric_id", Key, primary_key=True),
        Column("skill_id", Key, nullable=False, server_default=""),
        Column("scale_id", Key, nullable=False),
        Column("name", String(200), nullable=False),
        Column("criteria", Text, nullable=False),                    # JSON [{code, name, descriptors {rank: text}}]
        Index("ix_catalog_rubrics_skill_id", "skill_id"),
    )

    # --- replica of school years (roster school_year_added/updated) ---
    school_years = Table(
        "school_years", metadata,
        Column("school_year_id", Key, primary_key=True),
        Column("title", String(200), nullable=False, server_default=""),
        Column("start_date", String(10), nullable=False, server_default=""),
        Column("end_date", String(10), nullable=False, server_default=""),
    )
    return assessments, artifact_skills, catalog_skills, catalog_scales, catalog_rubrics, school_years
