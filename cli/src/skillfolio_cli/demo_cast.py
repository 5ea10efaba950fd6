"""Who the demo logins are, chosen from the imported demo district: a student with a guardian, the teacher who
teaches them this school year, and a "former teacher" who taught them only last school year (so the portfolio
spans two school years and shows what a former teacher may no longer see).

Read straight from the roster's tables: a seed-time search over one school's enrollments, not a use case.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from roster.adapters.orm import academic_sessions, enrollments, people, sections


@dataclass(frozen=True)
class Span:
    """A section the two people shared, with its school year and dates."""

    section_id: str
    school_year_id: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Cast:
    student_id: str
    teacher_id: str            # teaches the student this school year
    former_teacher_id: str     # taught the student last school year, and does not teach them now
    current: Span              # the section the student shares with the teacher
    previous: Span             # the section the student shared with the former teacher
    current_year_title: str
    previous_year_title: str


def school_years(conn, today: dt.date) -> tuple[dict, dict]:
    """(current, previous) schoolYear sessions as row mappings: the latest to start by today, and the one before."""
    years = conn.execute(select(academic_sessions).where(academic_sessions.c.type == "schoolYear")
                         .order_by(academic_sessions.c.start_date)).mappings().all()
    started = [year for year in years if year["start_date"] <= today] or years[:1]
    index = years.index(started[-1])
    if index == 0:
        raise RuntimeError("the demo district has no school year before the current one")
    return dict(years[index]), dict(years[index - 1])


def find_cast(conn, school_id: str, today: dt.date) -> Cast:
    """The first student (highest grade, then by name) at ``school_id`` with a current teacher and a former one."""
    current, previous = school_years(conn, today)
    rows = conn.execute(
        select(enrollments.c.section_id, enrollments.c.person_id, enrollments.c.role, sections.c.school_year_id,
               sections.c.title, sections.c.start_date, sections.c.end_date)
        .join(sections, sections.c.id == enrollments.c.section_id)
        .where(sections.c.school_id == school_id, enrollments.c.active.is_(True),
               sections.c.school_year_id.in_([current["id"], previous["id"]]))).mappings().all()
    teachers, student_sections, info = defaultdict(set), defaultdict(list), {}
    for row in rows:
        info[row["section_id"]] = row
        if row["role"] == "teacher":
            teachers[row["section_id"]].add(row["person_id"])
        elif row["role"] == "student":
            student_sections[row["person_id"]].append(row["section_id"])
    order = {r.id: (r.grade_level, r.family_name, r.given_name, r.id) for r in conn.execute(
        select(people.c.id, people.c.grade_level, people.c.family_name, people.c.given_name)
        .where(people.c.id.in_(list(student_sections))))}
    for student_id in sorted(student_sections, key=lambda s: (-_grade(order[s][0]), order[s][1:])):
        mine = sorted(student_sections[student_id], key=lambda s: (info[s]["title"], s))
        now = [s for s in mine if info[s]["school_year_id"] == current["id"] and teachers[s]]
        before = [s for s in mine if info[s]["school_year_id"] == previous["id"]]
        teaching_now = set().union(*(teachers[s] for s in now)) if now else set()
        for section_id in before:
            former = sorted(teachers[section_id] - teaching_now)
            if now and former:
                teacher = sorted(teachers[now[0]] - set(former))
                if teacher:
                    return Cast(student_id, teacher[0], former[0], _span(info[now[0]]), _span(info[section_id]),
                                current["title"], previous["title"])
    raise RuntimeError("the demo district has no student with both a current and a former teacher")


def _grade(level: str) -> int:
    return int(level) if level.isdigit() else 0


def _span(row) -> Span:
    return Span(row["section_id"], row["school_year_id"], row["start_date"], row["end_date"])
