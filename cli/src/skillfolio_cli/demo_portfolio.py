"""Seed the demo student's portfolio (demo_artifacts.PORTFOLIO) once, through the artifacts service's own use
cases: create the artifact, put the file into the blob store at the upload target's key (as a browser would PUT
it), complete the upload. The media worker checks and thumbnails the files once `skillfolio up` runs it.

The artifacts service decides access from its replica of the roster, which roster events fill through RabbitMQ
once the processes run. Seeding happens before any process starts, so the roster events about the demo cast
(the people, the student's sections, their enrollments, guardianships) are read from the roster's outbox and
applied with the events worker's own code (replication.apply_roster_event) under the worker's own consumer
names: when RabbitMQ later delivers the same events, the inbox recognises them and nothing is applied twice.

Each artifact is created "on its day" (a clock set into its school year), so last year's work was added while
the former teacher still taught the student, and "today" the current teacher does.
"""
from __future__ import annotations

import datetime as dt
import io
import logging

from sqlalchemy import Engine, func, select

from artifacts.adapters.orm import artifacts as artifacts_table
from artifacts.bootstrap import ArtifactsApp, build
from artifacts.domain.model import VersionInput
from artifacts.service_layer.commands import NewArtifact
from artifacts.service_layer import replication
from chassis.access import Viewer
from chassis.config import service_settings
from chassis.events import Envelope
from roster.adapters.orm import outbox as roster_outbox

from skillfolio_cli.demo_artifacts import CURRENT, FORMER_TEACHER, PORTFOLIO, STUDENT, TEACHER, DemoArtifact
from skillfolio_cli.demo_cast import Cast

SEED_HOUR = dt.time(14, 30, tzinfo=dt.timezone.utc)
SEEDER = Viewer.of("service:skillfolio-seed", ["service"])   # mid-morning in the Americas, afternoon in Europe


class SeedClock:
    """The artifacts app's clock during seeding: each artifact is created at ``moment``."""

    def __init__(self) -> None:
        self.moment = dt.datetime.now(dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        return self.moment


def has_portfolio(app: ArtifactsApp, student_id: str) -> bool:
    """Any artifact ever added for the student, deleted ones included: the portfolio is seeded once."""
    with app.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(artifacts_table)
                            .where(artifacts_table.c.student_id == student_id)).scalar_one() > 0


def outbox_envelopes(engine: Engine, outbox, types=None) -> list[Envelope]:
    """A service's outbox events (of ``types``, or all), in the order it raised them: how seeding primes another
    service's replicas before any relay runs."""
    query = select(outbox.c.body).order_by(outbox.c.id)
    with engine.connect() as conn:
        rows = conn.execute(query if types is None else query.where(outbox.c.type.in_(list(types)))).scalars().all()
    return [Envelope.from_json(body) for body in rows]


def cast_events(roster_engine: Engine, cast: Cast) -> list[Envelope]:
    """The roster outbox's replica events about the cast, in the order the roster raised them."""
    events = outbox_envelopes(roster_engine, roster_outbox, _replicated_types())
    people = {cast.student_id, cast.teacher_id, cast.former_teacher_id}
    people |= {e.data["guardian_id"] for e in events
               if e.type.startswith("guardianship_") and e.data.get("student_id") == cast.student_id}
    sections = {e.data["section_id"] for e in events
                if e.type.startswith("enrollment_") and e.data.get("person_id") == cast.student_id}
    cast_members = {cast.student_id, cast.teacher_id, cast.former_teacher_id}

    def about_cast(e: Envelope) -> bool:
        kind, d = e.type.split("_", 1)[0], e.data
        return {"person": lambda: d.get("person_id") in people,
                "section": lambda: d.get("section_id") in sections,
                "enrollment": lambda: d.get("section_id") in sections and d.get("person_id") in cast_members,
                "guardianship": lambda: d.get("student_id") == cast.student_id,
                "student": lambda: d.get("student_id") == cast.student_id}[kind]()
    return [e for e in events if about_cast(e)]


def _replicated_types() -> list[str]:
    kinds = tuple(replication.APPLY)
    return [f"{k}_{verb}" for k in kinds if k != "student" for verb in ("added", "updated", "removed")] + \
        ["student_transferred"]


def prime_replica(app: ArtifactsApp, roster_engine: Engine, cast: Cast) -> int:
    """Apply the cast's roster events to the artifacts replica as the events worker would; how many were new."""
    log = logging.getLogger(replication.__name__)
    level = log.level
    log.setLevel(logging.WARNING)     # one INFO line per event is the worker's log, not the seed command's
    try:
        return sum(replication.apply_roster_event(app.unit_of_work, f"artifacts.{e.type}", e)
                   for e in cast_events(roster_engine, cast))
    finally:
        log.setLevel(level)


def replica_knows_cast(app: ArtifactsApp, cast: Cast, today: dt.date) -> bool:
    """Whether the replica lets each teacher add on their artifacts' days (it may not, when the roster outbox was
    purged before the events ever reached this replica); checked first so a portfolio is never half seeded."""
    days = {TEACHER: (cast.teacher_id, min(today, cast.current.end)),
            FORMER_TEACHER: (cast.former_teacher_id, cast.previous.start + dt.timedelta(days=1))}
    with app.unit_of_work() as uow:
        return all(uow.replicas.relation(teacher_id, cast.student_id, day).teaches_now
                   for teacher_id, day in days.values())


def moment_of(item: DemoArtifact, cast: Cast, today: dt.date) -> dt.datetime:
    """When the artifact was added: inside the school year's shared section, never after today."""
    span = cast.current if item.year == CURRENT else cast.previous
    if item.year == CURRENT:
        day = min(today, span.end) - dt.timedelta(days=item.day)
    else:
        day = span.start + dt.timedelta(days=item.day)
    day = max(span.start, min(day, span.end, today))
    return dt.datetime.combine(day, SEED_HOUR)


def seed_portfolio(cast: Cast, skill_ids: dict[str, str], today: dt.date) -> list[str]:
    """Add the demo portfolio if the student has none yet; returns the titles added (empty: already seeded, or
    the replica does not know the cast yet: a later start seeds it)."""
    clock = SeedClock()
    app = build(service_settings("artifacts"), clock=clock)
    roster_engine = _roster_engine()
    try:
        if has_portfolio(app, cast.student_id):
            return []
        prime_replica(app, roster_engine, cast)
        if not replica_knows_cast(app, cast, today):
            return []
        adders = {STUDENT: Viewer.of(cast.student_id, ["student"]), TEACHER: Viewer.of(cast.teacher_id, ["teacher"]),
                  FORMER_TEACHER: Viewer.of(cast.former_teacher_id, ["teacher"])}
        for item in sorted(PORTFOLIO, key=lambda i: moment_of(i, cast, today)):
            clock.moment = moment_of(item, cast, today)
            _add(app, adders[item.added_by], cast, item, skill_ids)
        return [item.title for item in PORTFOLIO]
    finally:
        roster_engine.dispose()
        app.close()


def _add(app: ArtifactsApp, viewer: Viewer, cast: Cast, item: DemoArtifact, skill_ids: dict[str, str]) -> None:
    year = cast.current.school_year_id if item.year == CURRENT else cast.previous.school_year_id
    data = item.file.make() if item.file else b""
    content = (VersionInput(size_bytes=len(data), content_type=item.file.content_type, file_name=item.file.name)
               if item.file else VersionInput(link_url=item.link_url))
    submission = app.commands.create(viewer, NewArtifact(
        student_id=cast.student_id, title=item.title, description=item.description, kind=item.kind,
        skill_ids=[skill_ids[code] for code in item.skills], content=content, school_year_id=year))
    if submission.upload is not None:   # what the browser does with the upload target, then CompleteUpload
        app.media.store.put(submission.upload.key, io.BytesIO(data), len(data), item.file.content_type)
        app.commands.complete_upload(viewer, submission.artifact.id, submission.artifact.current_version, [])


def demo_skill_ids() -> dict[str, str]:
    """{code: id} of the demo framework's skills (`skillfolio skills seed-demo` loaded them)."""
    from skills.bootstrap import build as build_skills
    from skills.config import SkillsOptions
    skills_app = build_skills(service_settings("skills"))
    try:
        page = skills_app.queries.list_skills(SEEDER, SkillsOptions().demo_district_id, page_size=100)
        return {skill.code: skill.id for skill in page.items}
    finally:
        skills_app.engine.dispose()


def _roster_engine() -> Engine:
    from chassis.db import make_engine
    return make_engine(service_settings("roster").database_url, pool_size=1)
