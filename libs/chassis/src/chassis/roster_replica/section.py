"""A section as a roster replica sees it today: whether a person teaches it now, and who is enrolled in it now (the
rows of a gradebook; a student who transferred out of the section's school is no longer in it). Pure reads over
:class:`~chassis.roster_replica.tables.RosterTables`."""
from __future__ import annotations

import datetime as dt
import functools

from sqlalchemy import Select, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from chassis.roster_replica.standing import Move, attending_spans, enrollment_span, in_span
from chassis.roster_replica.tables import RosterTables


def _enrolled_today(session: Session, tables: RosterTables, section_id: str, today: dt.date,
                    *wanted: tuple[str, str | None]) -> list[tuple[str, str]]:
    """(role, person id) of each ``wanted`` (role, person id or None for anyone) enrolled in the section today, by
    id; one query whatever the number of roles asked. A student's enrollment stops counting on the date they
    transferred out of the section's school."""
    query = _enrolled_query(tables, tuple((role, person_id is not None) for role, person_id in wanted))
    params = {"section_id": section_id, **{f"person_{i}": person_id for i, (_, person_id) in enumerate(wanted)}}
    rows = [(enrollment_span(section_id, r.start_date, r.section_end, r.begin_date, r.end_date, r.active),
             r.school_id, (r.role, r.person_id)) for r in session.execute(query, params)]
    students = sorted({person for _, _, (role, person) in rows if role == "student"})
    moves = _moves(session, tables, students) if students else {}
    spans = [kept for row in rows
             for kept in (attending_spans([row], moves.get(row[2][1], [])) if row[2][0] == "student"
                          else [(row[0], row[2])])]
    return sorted({found for span, found in spans if in_span(span, today)}, key=lambda found: found[1])


def _moves(session: Session, tables: RosterTables, student_ids: list[str]) -> dict[str, list[Move]]:
    moves: dict[str, list[Move]] = {}
    for r in session.execute(_moves_query(tables), {"students": student_ids}):
        moves.setdefault(r.student_id, []).append(Move(r.effective_date, r.from_school_id, r.to_school_id))
    return moves


@functools.lru_cache(maxsize=8)
def _moves_query(tables: RosterTables) -> Select:
    transfers = tables.transfers
    return select(transfers).where(transfers.c.student_id.in_(bindparam("students", expanding=True)))


@functools.lru_cache(maxsize=64)
def _enrolled_query(tables: RosterTables, shape: tuple[tuple[str, bool], ...]) -> Select:
    """The statement for one shape of ``wanted`` (roles, with or without a person), built once and then bound."""
    enrollments, sections, people = tables.enrollments, tables.sections, tables.people
    return (select(enrollments.c.role, enrollments.c.person_id, enrollments.c.begin_date, enrollments.c.end_date,
                   enrollments.c.active, sections.c.start_date, sections.c.end_date.label("section_end"),
                   sections.c.school_id)
            .join(sections, sections.c.section_id == enrollments.c.section_id)
            .outerjoin(people, people.c.person_id == enrollments.c.person_id)
            .where(enrollments.c.section_id == bindparam("section_id"), people.c.active.is_not(False),
                   or_(*(and_(enrollments.c.role == role, *([enrollments.c.person_id == bindparam(f"person_{i}")]
                                                            if by_person else []))
                         for i, (role, by_person) in enumerate(shape)))))


def teaches_section_now(session: Session, tables: RosterTables, teacher_id: str, section_id: str,
                        today: dt.date) -> bool:
    """True when the person, known active, has an active teacher enrollment in the section that spans today."""
    return bool(_enrolled_today(session, tables, section_id, today, ("teacher", teacher_id)))


def students_now(session: Session, tables: RosterTables, section_id: str, today: dt.date) -> list[str]:
    """The active students with an active enrollment in the section that spans today, by id."""
    return [person for _, person in _enrolled_today(session, tables, section_id, today, ("student", None))]


def teacher_and_students_now(session: Session, tables: RosterTables, teacher_id: str, section_id: str,
                             today: dt.date) -> tuple[bool, list[str]]:
    """:func:`teaches_section_now` and :func:`students_now` in one query (a gradebook asks both, one after the
    other)."""
    found = _enrolled_today(session, tables, section_id, today, ("teacher", teacher_id), ("student", None))
    return (any(role == "teacher" for role, _ in found),
            sorted({person for role, person in found if role == "student"}))


class SectionReads:
    """A section's standing over one session: whether a person teaches it now, read together with its students now
    (one query), which :meth:`students_now` then answers from (a gradebook asks both, one after the other)."""

    def __init__(self, session: Session, tables: RosterTables) -> None:
        self.session, self.tables = session, tables
        self._students: tuple[tuple[str, dt.date], list[str]] | None = None

    def teaches_section_now(self, teacher_id: str, section_id: str, today: dt.date) -> bool:
        teaches, students = teacher_and_students_now(self.session, self.tables, teacher_id, section_id, today)
        self._students = ((section_id, today), students)
        return teaches

    def students_now(self, section_id: str, today: dt.date) -> list[str]:
        if self._students is not None and self._students[0] == (section_id, today):
            return list(self._students[1])
        return students_now(self.session, self.tables, section_id, today)
