"""The gradebook benchmark's data: one section of ``students`` students and their teacher over a school year of four
terms (roster tables, written straight in as the gateway tests' district is), the demo skills framework (five skills
on a four-level scale; the skills service's own loader), ``per_student`` link artifacts per student spread over the
terms (the artifacts service's own commands, on a clock moved per term) and a teacher assessment of each student x
skill per term (the reflections service's own use case, its replicas fed the other services' events). Time printed,
not measured."""
from __future__ import annotations

import datetime as dt
import itertools
import time
from dataclasses import dataclass, field

from sqlalchemy import create_engine, insert, select

from artifacts.adapters.orm import artifact_skills
from artifacts.adapters.orm import artifacts as artifact_rows
from artifacts.adapters.orm import outbox as artifacts_outbox
from artifacts.bootstrap import build as build_artifacts
from artifacts.domain.model import VersionInput
from artifacts.migrations import MIGRATIONS_DIR as ARTIFACTS_MIGRATIONS
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from artifacts.service_layer.commands import NewArtifact
from chassis.access import Viewer
from chassis.config import PlatformSettings, service_settings
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from chassis.migrations import upgrade
from reflections.bootstrap import build as build_reflections
from reflections.migrations import MIGRATIONS_DIR as REFLECTIONS_MIGRATIONS
from reflections.service_layer import subscriptions as reflections_subscriptions
from roster.adapters import orm
from roster.domain.identity import entity_id
from roster.migrations import MIGRATIONS_DIR as ROSTER_MIGRATIONS
from skills.bootstrap import build as build_skills
from skills.demo import DEMO_FILE
from skills.migrations import MIGRATIONS_DIR as SKILLS_MIGRATIONS
from skills.service_layer.loader import load_document, parse_file
from skills.service_layer.seed import SEEDER, catalog_events

TERM_DAYS = 90
REPLICATED = {"artifact_added", "artifact_updated", "skill_added", "skill_updated", "scale_defined", "rubric_defined",
              "school_year_added"}


@dataclass
class Seeded:
    section_id: str = ""
    teacher_id: str = ""
    student_ids: list[str] = field(default_factory=list)
    term_ids: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    seconds: float = 0.0


class Clock:
    """A clock the seed moves: each call one millisecond on from where it was set."""

    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(milliseconds=1)
        return self.now


def _roster(url: str, students: int, today: dt.date, seeded: Seeded) -> tuple[list[Envelope], str, list]:
    upgrade(ROSTER_MIGRATIONS, url)
    events: list[Envelope] = []

    def event(type_: str, **data) -> None:
        events.append(Envelope(type=type_, producer="roster", data=data))
    year_start = today - dt.timedelta(days=3 * TERM_DAYS + 30)          # today is in the fourth term
    terms = [(year_start + dt.timedelta(days=i * TERM_DAYS), year_start + dt.timedelta(days=(i + 1) * TERM_DAYS - 1))
             for i in range(4)]
    org, school, year = entity_id("org", "bd"), entity_id("org", "bs"), entity_id("session", "by")
    course, section = entity_id("course", "bc"), entity_id("class", "bench")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(insert(orm.orgs), [
            {"id": org, "sourced_id": "bd", "type": "district", "name": "Bench District", "parent_id": None},
            {"id": school, "sourced_id": "bs", "type": "school", "name": "Bench School", "parent_id": org}])
        conn.execute(insert(orm.academic_sessions), [
            {"id": year, "sourced_id": "by", "title": "Bench year", "type": "schoolYear", "start_date": year_start,
             "end_date": terms[-1][1], "school_year": terms[-1][1].year}] + [
            {"id": entity_id("session", f"bt{i}"), "sourced_id": f"bt{i}", "title": f"Term {i + 1}",
             "type": "term", "start_date": start, "end_date": end, "parent_id": year, "school_year": terms[-1][1].year}
            for i, (start, end) in enumerate(terms)])
        conn.execute(insert(orm.courses), [{"id": course, "sourced_id": "bc", "title": "Grade 7", "org_id": school,
                                            "school_year_id": year}])
        people = [("teacher", "Tara", "Bench", "teacher", "")] + [
            (f"s{i:02d}", f"Student{i:02d}", f"Family{i:02d}", "student", "07") for i in range(students)]
        for short, given, family, role, grade in people:
            person = entity_id("user", f"bench-{short}")
            conn.execute(insert(orm.people), {"id": person, "sourced_id": f"bench-{short}", "given_name": given,
                                              "family_name": family, "username": f"bench-{short}",
                                              "grade_level": grade, "primary_school_id": school})
            conn.execute(insert(orm.person_roles), {"person_id": person, "role": role, "is_primary": True,
                                                    "org_id": school})
            event("person_added", person_id=person, sourced_id=short, roles=[role], grade_level=grade,
                  primary_school_id=school, active=True, given_name=given, family_name=family)
            (seeded.student_ids.append(person) if role == "student" else setattr(seeded, "teacher_id", person))
        conn.execute(insert(orm.sections), {"id": section, "sourced_id": "bench", "title": "Grade 7 Humanities",
                                            "class_code": "G7H", "course_id": course, "school_id": school,
                                            "school_year_id": year, "start_date": year_start,
                                            "end_date": terms[-1][1]})
        seeded.term_ids = [entity_id("session", f"bt{i}") for i in range(4)]
        conn.execute(insert(orm.section_terms), [{"section_id": section, "session_id": t} for t in seeded.term_ids])
        event("section_added", section_id=section, school_id=school, school_year_id=year, title="Grade 7 Humanities",
              start_date=year_start.isoformat(), end_date=terms[-1][1].isoformat())
        for person in [seeded.teacher_id, *seeded.student_ids]:
            role = "teacher" if person == seeded.teacher_id else "student"
            enrollment = entity_id("enrollment", f"bench-{person}")
            conn.execute(insert(orm.enrollments), {"id": enrollment, "sourced_id": f"e-{person}",
                                                   "section_id": section, "person_id": person, "school_id": school,
                                                   "role": role})
            event("enrollment_added", enrollment_id=enrollment, section_id=section, person_id=person, role=role,
                  school_id=school, begin_date="", end_date="", active=True)
    engine.dispose()
    seeded.section_id = section
    event("school_added", school_id=school, district_id=org)
    event("school_year_added", school_year_id=year, title="Bench year", start_date=year_start.isoformat(),
          end_date=terms[-1][1].isoformat(), year=terms[-1][1].year)
    seeded.counts["terms"] = [(s.isoformat(), e.isoformat()) for s, e in terms]
    return events, org, terms


def _feed(uow_factory, subscriptions, envelopes) -> None:
    for e in envelopes:
        if (e.producer, e.type) in subscriptions:
            consume(uow_factory, subscriptions, e, f"bench-seed.{e.type}")


def _outbox(engine, table) -> list[Envelope]:
    with engine.connect() as conn:
        return [Envelope.from_json(b) for b in conn.execute(select(table.c.body).order_by(table.c.id)).scalars()]


def seed(urls: dict[str, str], platform: PlatformSettings, students: int = 35, per_student: int = 40) -> Seeded:
    began, seeded, today = time.perf_counter(), Seeded(), dt.date.today()
    roster_events, district, terms = _roster(urls["roster"], students, today, seeded)
    upgrade(SKILLS_MIGRATIONS, urls["skills"])
    skills = build_skills(service_settings("skills", database_url=urls["skills"]))
    load_document(skills.unit_of_work, SEEDER, {**parse_file(DEMO_FILE), "district": district}, DEMO_FILE.name)
    skill_ids = [s.id for s in skills.queries.list_skills(SEEDER, district, page_size=100).items][:5]
    catalog = catalog_events(skills)
    skills.close()
    upgrade(ARTIFACTS_MIGRATIONS, urls["artifacts"])
    clock = Clock()
    artifacts = build_artifacts(service_settings("artifacts", database_url=urls["artifacts"]), clock=clock,
                                platform=platform)
    _feed(artifacts.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, roster_events + catalog)
    teacher = Viewer.of(seeded.teacher_id, ["teacher"])
    per_term, pairs = per_student // len(terms), itertools.cycle(itertools.combinations(skill_ids, 2))
    for t, (start, end) in enumerate(terms):
        last = min(end, today)
        for n in range(per_term):
            clock.now = dt.datetime.combine(start + (last - start) * n / per_term, dt.time(12), dt.UTC)
            for student in seeded.student_ids:
                artifacts.commands.create(teacher, NewArtifact(
                    student_id=student, title=f"Term {t + 1} work {n + 1}", description="", kind="link",
                    skill_ids=list(next(pairs)), content=VersionInput(link_url="https://example.org/w"),
                    school_year_id=""))
    artifact_events = _outbox(artifacts.engine, artifacts_outbox)
    with artifacts.engine.connect() as conn:
        tagged = conn.execute(select(artifact_rows.c.id, artifact_rows.c.student_id, artifact_rows.c.created_at,
                                     artifact_skills.c.skill_id)
                              .join(artifact_skills, artifact_skills.c.artifact_id == artifact_rows.c.id)
                              .order_by(artifact_rows.c.created_at)).all()
    artifacts.close()
    upgrade(REFLECTIONS_MIGRATIONS, urls["reflections"])
    rclock = Clock()
    reflections = build_reflections(service_settings("reflections", database_url=urls["reflections"]), clock=rclock,
                                    platform=platform)
    _feed(reflections.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
          roster_events + [e for e in catalog + artifact_events if e.type in REPLICATED])
    assessed = 0
    for t, (start, end) in enumerate(terms):
        rclock.now = dt.datetime.combine(min(end, today), dt.time(8), dt.UTC)
        for student in seeded.student_ids:
            for skill in skill_ids:
                found = [r.id for r in tagged if r.student_id == student and r.skill_id == skill
                         and start <= r.created_at.date() <= end]
                if found:
                    reflections.assessments.assess(teacher, found[-1], skill, 1 + (t + assessed) % 4,
                                                   "Shows the skill clearly.", [])
                    assessed += 1
    reflections.close()
    seeded.counts.update(students=students, skills=len(skill_ids), artifacts=students * per_term * len(terms),
                         assessments=assessed)
    seeded.seconds = time.perf_counter() - began
    return seeded
