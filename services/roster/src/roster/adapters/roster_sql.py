"""SQL building blocks shared by the roster's queries and access checks: "in effect on a date" and "currently
teaches" expressed once."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.sql.elements import ColumnElement

from roster.adapters.orm import enrollments, guardianships, sections
from roster.domain.model import STUDENT, TEACHER


def in_effect(begin: ColumnElement, end: ColumnElement, on: dt.date) -> ColumnElement[bool]:
    """``on`` lies within [begin, end], a missing bound being open."""
    return and_(or_(begin.is_(None), begin <= on), or_(end.is_(None), end >= on))


def enrollment_in_effect(enrollment, role: str, on: dt.date) -> ColumnElement[bool]:
    return and_(enrollment.c.role == role, enrollment.c.active.is_(True),
                in_effect(enrollment.c.begin_date, enrollment.c.end_date, on))


def section_in_session(on: dt.date) -> ColumnElement[bool]:
    """The section is active and ``on`` falls inside its term span."""
    return and_(sections.c.active.is_(True), in_effect(sections.c.start_date, sections.c.end_date, on))


def current_student_ids(teacher_id: str, on: dt.date, student_id: str | None = None) -> Select:
    """Ids of students ``teacher_id`` teaches on ``on`` (only ``student_id``, if given): an active teacher
    enrollment and an active student enrollment in the same active section, each in effect on that date,
    inside the section's term span."""
    teacher = enrollments.alias("teacher_enrollment")
    student = enrollments.alias("student_enrollment")
    query = (select(student.c.person_id)
             .select_from(teacher.join(sections, sections.c.id == teacher.c.section_id)
                          .join(student, student.c.section_id == sections.c.id))
             .where(teacher.c.person_id == teacher_id, enrollment_in_effect(teacher, TEACHER, on),
                    section_in_session(on), enrollment_in_effect(student, STUDENT, on)))
    return query if student_id is None else query.where(student.c.person_id == student_id)


def current_section_ids(teacher_id: str, on: dt.date) -> Select:
    """Ids of sections ``teacher_id`` teaches on ``on``."""
    return (select(enrollments.c.section_id)
            .select_from(enrollments.join(sections, sections.c.id == enrollments.c.section_id))
            .where(enrollments.c.person_id == teacher_id, enrollment_in_effect(enrollments, TEACHER, on),
                   section_in_session(on)))


def child_ids(guardian_id: str) -> Select:
    return select(guardianships.c.student_id).where(guardianships.c.guardian_id == guardian_id,
                                                    guardianships.c.active.is_(True))
