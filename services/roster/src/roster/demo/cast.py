"""Who the demo logins are, chosen from the imported demo district: a student with a guardian, the teacher who
teaches them this school year, and a "former teacher" who taught them only last school year (so the portfolio
spans two school years and shows what a former teacher may no longer see).

Read straight from the roster's own tables: a seed-time search over one school's enrollments; and the roster
outbox's events about the cast, which the other services' seeds apply to their replicas as RabbitMQ would.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Engine, select

from chassis.demo_seed import Cast, DemoClass, Span
from chassis.events import Envelope
from chassis.roster_replica.events import ROSTER_EFFECTS
from roster.adapters.orm import academic_sessions, enrollments, outbox, people, sections

SCHOOL_YEAR_EVENTS = ("school_year_added", "school_year_updated")
SCHOOL_EVENTS = ("school_added", "school_updated")       # (the reporting read models name the schools)


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


def _outbox(engine: Engine, types) -> list[Envelope]:
    query = select(outbox.c.body).where(outbox.c.type.in_(list(types))).order_by(outbox.c.id)
    with engine.connect() as conn:
        return [Envelope.from_json(body) for body in conn.execute(query).scalars()]


def _replicated_types() -> list[str]:
    return [f"{k}_{verb}" for k in ROSTER_EFFECTS if k != "student" for verb in ("added", "updated", "removed")] + \
        ["student_transferred"]


def cast_events(engine: Engine, cast: Cast, classes: tuple[DemoClass, ...] = ()) -> list[Envelope]:
    """The outbox's replica events about the cast (people, the student's sections and enrollments, guardianships,
    transfers) and the demo classes (their sections, people and enrollments), then every school year's and
    school's, each in the order the roster raised them."""
    events = _outbox(engine, _replicated_types())
    members = {cast.student_id, cast.teacher_id, cast.former_teacher_id}
    members |= {p for c in classes for p in (c.teacher_id, *c.student_ids)}
    people_ids = set(members)
    people_ids |= {e.data["guardian_id"] for e in events
                   if e.type.startswith("guardianship_") and e.data.get("student_id") == cast.student_id}
    section_ids = {e.data["section_id"] for e in events
                   if e.type.startswith("enrollment_") and e.data.get("person_id") == cast.student_id}
    section_ids |= {c.section_id for c in classes}

    def about_cast(e: Envelope) -> bool:
        kind, d = e.type.split("_", 1)[0], e.data
        return {"person": lambda: d.get("person_id") in people_ids,
                "section": lambda: d.get("section_id") in section_ids,
                "enrollment": lambda: d.get("section_id") in section_ids and d.get("person_id") in members,
                "guardianship": lambda: d.get("student_id") == cast.student_id,
                "student": lambda: d.get("student_id") == cast.student_id}[kind]()
    return [e for e in events if about_cast(e)] + _outbox(engine, SCHOOL_YEAR_EVENTS + SCHOOL_EVENTS)
