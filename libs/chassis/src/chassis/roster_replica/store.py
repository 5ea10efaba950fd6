"""Reads and writes of the roster replica over one session: the out-of-order guard, upserts, and the facts the
access rules need (a viewer's :class:`Relation` to a student, a student's current school year and school).

Each event type arrives on its own queue, so events about one entity can overtake each other: ``is_newest``
keeps the newest applied ``occurred_at`` per entity (and deletions), and older events change nothing.
Services subclass :class:`RosterReplica` to add their own replicas' reads and writes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Table, delete, exists, select, update
from sqlalchemy.orm import Session

from chassis.messaging.replica import any_erased, is_newest, upsert_statement
from chassis.roster_replica.standing import (
    GUARDIAN,
    TEACHER,
    Move,
    Relation,
    Span,
    attending_spans,
    enrollment_span,
    in_span,
    teaches_now,
)
from chassis.roster_replica.tables import RosterTables


class RosterReplica:
    relation_type: type[Relation] = Relation     # a service's subclass may add its own per-object facts

    def __init__(self, session: Session, tables: RosterTables) -> None:
        self.session = session
        self.tables = tables

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        """Record an event about an entity; False if a newer one (or the entity's deletion) was applied already."""
        return is_newest(self.session, self.tables.replica_versions, kind, entity_id, occurred_at, deleted)

    def erased(self, entity_ids: Iterable[str]) -> bool:
        """Whether any of these people or artifacts was erased here (an event naming them is not applied)."""
        return any_erased(self.session, self.tables.replica_versions, entity_ids)

    def upsert(self, table: Table, key: dict, values: dict) -> None:
        insert = upsert_statement(self.session, table).values(**key, **values)
        self.session.execute(insert.on_conflict_do_update(index_elements=list(key), set_=values) if values else
                             insert.on_conflict_do_nothing(index_elements=list(key)))

    def remove(self, table: Table, **key) -> None:
        self.session.execute(delete(table).where(*(table.c[k] == v for k, v in key.items())))

    def set_school(self, person_id: str, school_id: str) -> None:
        people = self.tables.people
        self.session.execute(update(people).where(people.c.person_id == person_id)
                             .values(primary_school_id=school_id))

    # --- facts for access ---
    def spans(self, person_id: str, role: str) -> list[tuple[Span, str]]:
        """The person's enrollments in ``role``, each with its section's school year; a student's are bounded by
        their in-district transfers (an enrollment counts at a school only while the student attended it)."""
        enrollments, sections = self.tables.enrollments, self.tables.sections
        rows = self.session.execute(
            select(enrollments.c.section_id, enrollments.c.begin_date, enrollments.c.end_date, enrollments.c.active,
                   sections.c.start_date, sections.c.end_date.label("section_end"), sections.c.school_year_id,
                   sections.c.school_id)
            .join(sections, sections.c.section_id == enrollments.c.section_id)
            .where(enrollments.c.person_id == person_id, enrollments.c.role == role))
        spans = [(enrollment_span(r.section_id, r.start_date, r.section_end, r.begin_date, r.end_date, r.active),
                  r.school_id, r.school_year_id) for r in rows]
        return attending_spans(spans, self.moves(person_id)) if role == "student" and spans else \
            [(span, year) for span, _, year in spans]

    def moves(self, student_id: str) -> list[Move]:
        """The student's in-district transfers the replica has received."""
        transfers = self.tables.transfers
        return [Move(r.effective_date, r.from_school_id, r.to_school_id) for r in self.session.execute(
            select(transfers).where(transfers.c.student_id == student_id))]

    def relation(self, viewer_id: str, student_id: str, today: dt.date,
                 roles: Iterable[str] | None = None) -> Relation:
        """The viewer's standing towards the student. Given the viewer's ``roles``, only the facts those roles can
        use are read (guardianship for a guardian; being active and teaching for a teacher): no other role's
        standing depends on the replica, so a student, an admin or a service needs no lookup at all."""
        roles = set(roles) if roles is not None else {GUARDIAN, TEACHER}
        if not roles & {GUARDIAN, TEACHER}:
            return self.relation_type()
        guardian, inactive = self.guardian_and_inactive(viewer_id, student_id)
        teacher = [s for s, _ in self.spans(viewer_id, "teacher")] if TEACHER in roles and not inactive else []
        student = [s for s, _ in self.spans(student_id, "student")] if teacher else []
        return self.relation_type(teaches_now=teaches_now(teacher, student, today),
                                  guardian_of=GUARDIAN in roles and bool(guardian))

    def guardian_and_inactive(self, viewer_id: str, student_id: str) -> tuple[bool, bool]:
        """Whether the viewer guards the student, and whether the viewer is known to be inactive (one query)."""
        guardianships, people = self.tables.guardianships, self.tables.people
        return tuple(self.session.execute(select(
            exists().where(guardianships.c.guardian_id == viewer_id, guardianships.c.student_id == student_id),
            exists().where(people.c.person_id == viewer_id, people.c.active.is_(False)))).one())

    def current_school_year(self, student_id: str, today: dt.date) -> str:
        """The school year of a section the student is enrolled in today ("" when none)."""
        years = sorted({year for span, year in self.spans(student_id, "student") if in_span(span, today) and year})
        return years[-1] if years else ""

    def primary_school(self, person_id: str) -> str:
        people = self.tables.people
        return self.session.execute(select(people.c.primary_school_id)
                                    .where(people.c.person_id == person_id)).scalar() or ""
