"""SQL building blocks shared by the roster's queries and access checks: "in effect on a date" and "currently
teaches" expressed once (a student's enrollment at a school they transferred away from stops counting on the
transfer date, as chassis.roster_replica.standing.attending_spans decides in the other services' replicas)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.sql.elements import ColumnElement

from roster.adapters.orm import enrollments, guardian_access, guardianships, sections, student_rights, transfers
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


def left_school(student_id: ColumnElement, school_id: ColumnElement, on: dt.date) -> ColumnElement[bool]:
    """On ``on`` the student is away from the school: a transfer took them from it on or before that day and no
    later transfer (by that day) brought them back."""
    moved, back = transfers.alias("moved"), transfers.alias("back")
    return exists().where(
        moved.c.student_id == student_id, moved.c.from_school_id == school_id, moved.c.effective_date <= on,
        ~exists().where(back.c.student_id == moved.c.student_id, back.c.to_school_id == moved.c.from_school_id,
                        back.c.effective_date > moved.c.effective_date, back.c.effective_date <= on))


def current_student_ids(teacher_id: str, on: dt.date, student_id: str | None = None) -> Select:
    """Ids of students ``teacher_id`` teaches on ``on`` (only ``student_id``, if given): an active teacher
    enrollment and an active student enrollment in the same active section, each in effect on that date,
    inside the section's term span, at a school the student has not transferred away from."""
    teacher = enrollments.alias("teacher_enrollment")
    student = enrollments.alias("student_enrollment")
    query = (select(student.c.person_id)
             .select_from(teacher.join(sections, sections.c.id == teacher.c.section_id)
                          .join(student, student.c.section_id == sections.c.id))
             .where(teacher.c.person_id == teacher_id, enrollment_in_effect(teacher, TEACHER, on),
                    section_in_session(on), enrollment_in_effect(student, STUDENT, on),
                    ~left_school(student.c.person_id, sections.c.school_id, on)))
    return query if student_id is None else query.where(student.c.person_id == student_id)


def current_section_ids(teacher_id: str, on: dt.date) -> Select:
    """Ids of sections ``teacher_id`` teaches on ``on``."""
    return (select(enrollments.c.section_id)
            .select_from(enrollments.join(sections, sections.c.id == enrollments.c.section_id))
            .where(enrollments.c.person_id == teacher_id, enrollment_in_effect(enrollments, TEACHER, on),
                   section_in_session(on)))


def child_ids(guardian_id: str) -> Select:
    """The students whose record the guardian sees: active guardianships, but once a student's rights have passed
    to them only where the student granted access again (roster.domain.rights.guardian_sees)."""
    regranted = exists().where(guardian_access.c.guardian_id == guardianships.c.guardian_id,
                               guardian_access.c.student_id == guardianships.c.student_id,
                               guardian_access.c.granted.is_(True))
    return select(guardianships.c.student_id).where(
        guardianships.c.guardian_id == guardian_id, guardianships.c.active.is_(True),
        ~exists().where(student_rights.c.student_id == guardianships.c.student_id) | regranted)
