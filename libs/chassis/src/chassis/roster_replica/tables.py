"""The roster replica's tables (people with roles, school and grade, sections, enrollments, guardianships, in-district
transfers) and the ``replica_versions`` out-of-order guard, added to a service's own metadata (and so to its migrations)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Boolean, Column, Index, MetaData, String, Table

Key = String(64)


@dataclass(frozen=True)
class RosterTables:
    people: Table
    sections: Table
    enrollments: Table
    guardianships: Table
    replica_versions: Table
    transfers: Table


def add_roster_replica_tables(metadata: MetaData) -> RosterTables:
    """Define the roster replica tables in ``metadata``; ``replica_versions`` also serves the service's other
    replicas (one row per entity kind and id)."""
    people = Table(
        "people", metadata,
        Column("person_id", Key, primary_key=True),
        Column("roles", String(255), nullable=False, server_default=""),      # comma-separated
        Column("primary_school_id", Key, nullable=False, server_default=""),
        Column("grade_level", String(16), nullable=False, server_default=""),   # a student's, e.g. "05"
        Column("active", Boolean, nullable=False, server_default="1"),
    )
    sections = Table(
        "sections", metadata,
        Column("section_id", Key, primary_key=True),
        Column("school_id", Key, nullable=False, server_default=""),
        Column("school_year_id", Key, nullable=False, server_default=""),
        Column("start_date", String(10), nullable=False, server_default=""),
        Column("end_date", String(10), nullable=False, server_default=""),
    )
    enrollments = Table(
        "enrollments", metadata,
        Column("enrollment_id", Key, primary_key=True),
        Column("section_id", Key, nullable=False),
        Column("person_id", Key, nullable=False),
        Column("role", String(16), nullable=False),
        Column("begin_date", String(10), nullable=False, server_default=""),
        Column("end_date", String(10), nullable=False, server_default=""),
        Column("active", Boolean, nullable=False, server_default="1"),
        Index("ix_enrollments_person_id", "person_id"),
    )
    guardianships = Table(
        "guardianships", metadata,
        Column("guardian_id", Key, primary_key=True),
        Column("student_id", Key, primary_key=True),
    )
    replica_versions = Table(
        "replica_versions", metadata,
        Column("kind", String(16), primary_key=True),
        Column("entity_id", String(140), primary_key=True),
        Column("last_event_at", String(40), nullable=False),
        Column("deleted", Boolean, nullable=False, server_default="0"),
    )
    transfers = Table(     # a student's in-district moves: enrollments count at a school only while attending it
        "transfers", metadata,
        Column("student_id", Key, primary_key=True),
        Column("effective_date", String(10), primary_key=True),
        Column("from_school_id", Key, nullable=False, server_default=""),
        Column("to_school_id", Key, nullable=False, server_default=""),
    )
    return RosterTables(people, sections, enrollments, guardianships, replica_versions, transfers)
