"""The artifacts service's demo seed (`skillfolio seed`, `up`): the demo student's portfolio (artifacts.demo), once,
through the service's own use cases: create the artifact, put the file into the blob store at the upload target's
key (as a browser would PUT it), complete the upload. The media worker checks and thumbnails the files once
`skillfolio up` runs it.

Access is decided from the roster replica, which roster events fill through RabbitMQ once the processes run.
Seeding happens before any process starts, so the roster's seed hands over its events about the cast, and they are
applied here with the events worker's own code under the worker's own consumer names: when RabbitMQ later delivers
the same events, the inbox recognises them and nothing is applied twice.

Each artifact is created "on its day" (a clock set into its school year), so last year's work was added while
the former teacher still taught the student, and "today" the current teacher does.
"""
from __future__ import annotations

import datetime as dt
import io

from sqlalchemy import func, select

from artifacts.adapters.orm import artifacts as artifacts_table
from artifacts.adapters.orm import outbox
from artifacts.bootstrap import ArtifactsApp, build
from artifacts.demo.portfolio import PORTFOLIO, DemoArtifact
from artifacts.domain.model import VersionInput
from artifacts.service_layer.commands import NewArtifact
from artifacts.service_layer.seed_capture import seed_capture
from artifacts.service_layer.seed_classes import seed_classes
from artifacts.service_layer.seed_showcase import seed_showcase
from artifacts.service_layer.subscriptions import SUBSCRIPTIONS
from chassis.access import Viewer
from chassis.config import service_settings
from chassis.demo_seed import CURRENT, FORMER_TEACHER, SEED_HOUR, STUDENT, TEACHER, Cast, SeedClock
from chassis.descriptor import SeedContext
from chassis.events import Envelope
from chassis.messaging.subscriptions import feed_before_workers

REPLICATED_EVENTS = ("artifact_added", "artifact_updated", "artifact_deleted")   # what the other replicas keep


def has_portfolio(app: ArtifactsApp, student_id: str) -> bool:
    """Any artifact ever added for the student, deleted ones included: the portfolio is seeded once."""
    with app.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(artifacts_table)
                            .where(artifacts_table.c.student_id == student_id)).scalar_one() > 0


def prime_replica(app: ArtifactsApp, roster_events: list[Envelope]) -> int:
    """Apply the roster's events about the cast that the events worker consumes, as it would; how many were new."""
    return feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, roster_events, "artifacts")


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
    span = cast.span(item.year)
    if item.year == CURRENT:
        day = min(today, span.end) - dt.timedelta(days=item.day)
    else:
        day = span.start + dt.timedelta(days=item.day)
    day = max(span.start, min(day, span.end, today))
    return dt.datetime.combine(day, SEED_HOUR)


def seed_portfolio(cast: Cast, roster_events: list[Envelope], skill_ids: dict[str, str], today: dt.date) -> list[str]:
    """Add the demo portfolio if the student has none yet; returns the titles added (empty: already seeded, or
    the replica does not know the cast yet: a later start seeds it)."""
    clock = SeedClock()
    app = build(service_settings("artifacts"), clock=clock)
    try:
        if has_portfolio(app, cast.student_id):
            return []
        prime_replica(app, roster_events)
        if not replica_knows_cast(app, cast, today):
            return []
        adders = {STUDENT: Viewer.of(cast.student_id, ["student"]), TEACHER: Viewer.of(cast.teacher_id, ["teacher"]),
                  FORMER_TEACHER: Viewer.of(cast.former_teacher_id, ["teacher"])}
        for item in sorted(PORTFOLIO, key=lambda i: moment_of(i, cast, today)):
            clock.moment = moment_of(item, cast, today)
            _add(app, adders[item.added_by], cast, item, skill_ids)
        return [item.title for item in PORTFOLIO]
    finally:
        app.close()


def _add(app: ArtifactsApp, viewer: Viewer, cast: Cast, item: DemoArtifact, skill_ids: dict[str, str]) -> None:
    data = item.file.make() if item.file else b""
    content = (VersionInput(size_bytes=len(data), content_type=item.file.content_type, file_name=item.file.name)
               if item.file else VersionInput(link_url=item.link_url))
    submission = app.commands.create(viewer, NewArtifact(
        student_id=cast.student_id, title=item.title, description=item.description, kind=item.kind,
        skill_ids=[skill_ids[code] for code in item.skills], content=content,
        school_year_id=cast.span(item.year).school_year_id))
    if submission.upload is not None:   # what the browser does with the upload target, then CompleteUpload
        app.media.store.put(submission.upload.key, io.BytesIO(data), len(data), item.file.content_type)
        app.commands.complete_upload(viewer, submission.artifact.id, submission.artifact.current_version, [])


def portfolio_facts(cast: Cast, today: dt.date, classes=()) -> tuple[dict[str, dict], list[Envelope]]:
    """The demo artifacts the student has ({title: {id, year, added_at}}) and this service's events about the
    student's artifacts and the demo classes' (service_layer.seed_classes), in order."""
    app = build(service_settings("artifacts"))
    try:
        with app.engine.connect() as conn:
            ids = dict(conn.execute(select(artifacts_table.c.title, artifacts_table.c.id)
                                    .where(artifacts_table.c.student_id == cast.student_id)).all())
            bodies = conn.execute(select(outbox.c.body).where(outbox.c.type.in_(REPLICATED_EVENTS))
                                  .order_by(outbox.c.id)).scalars().all()
    finally:
        app.close()
    students = {"", None, cast.student_id, *(s for c in classes for s in c.student_ids)}
    events = [e for e in map(Envelope.from_json, bodies) if e.data.get("student_id") in students]
    return {item.title: {"id": ids[item.title], "year": item.year, "added_at": moment_of(item, cast, today)}
            for item in PORTFOLIO if item.title in ids}, events


def seed_demo(context: SeedContext) -> dict:
    """The seed use case the artifacts descriptor names: the portfolio, then ``artifacts`` (the student's, by
    title) and ``events`` (artifact_added/updated/deleted about them) for the reflections seed."""
    roster, skills = context.results.get("roster", {}), context.results.get("skills", {})
    cast = roster.get("cast")
    if cast is None:      # the roster is not the demo district
        return {}
    titles = seed_portfolio(cast, roster.get("events", []), skills.get("skill_ids", {}), roster["today"])
    classes = roster.get("classes", ())
    evidence = seed_classes(classes, roster.get("events", []), skills.get("skill_ids", {}), roster["today"])
    captured = seed_capture(roster.get("capture_class"), roster.get("events", []), skills.get("skill_ids", {}),
                            roster["today"])
    artifacts, events = portfolio_facts(cast, roster["today"], classes)
    messages = [f"seeded the demo student's portfolio: {len(titles)} artifacts over two school years"] if titles else []
    if evidence:
        messages.append(f"seeded {evidence} artifacts of {len(classes)} demo classes' students (the dashboard's figures)")
    if captured:
        messages.append(f"seeded a class capture: one photo for {captured} students of the demo teacher's class")
    if showcase := seed_showcase(cast, artifacts):
        messages.append(f"seeded the demo student's showcase {showcase!r}, shared with their guardians")
    return {"messages": messages, "artifacts": artifacts, "events": events}
