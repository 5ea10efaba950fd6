"""The demo classes' evidence (`skillfolio seed`, `up`), so the district dashboard shows real figures: each student
of each demo class (chassis.demo_seed.DemoClass, chosen by the roster's seed) adds a link tagged with two skills
and their teacher adds one tagged with a third, every skill in turn, on days since the class began. Once, through
the service's own use case, with the replica primed from the roster's events as for the demo portfolio."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from artifacts.adapters.orm import artifacts as artifacts_table
from artifacts.bootstrap import build
from artifacts.domain.model import VersionInput
from artifacts.service_layer.commands import NewArtifact
from artifacts.service_layer.subscriptions import SUBSCRIPTIONS
from chassis.access import Viewer
from chassis.config import service_settings
from chassis.demo_seed import SEED_HOUR, DemoClass, SeedClock
from chassis.events import Envelope
from chassis.messaging.subscriptions import feed_before_workers

BY_STUDENT = ("Project journal", "Field notes", "Reading response", "Design sketch", "Team presentation")
BY_TEACHER = ("Observation notes", "Lab check-in", "Discussion record")


def _day(demo_class: DemoClass, index: int, today: dt.date) -> dt.datetime:
    span = max(1, (today - demo_class.start).days)
    return dt.datetime.combine(min(today, demo_class.start + dt.timedelta(days=(index * 3) % span)), SEED_HOUR)


def seed_classes(classes: tuple[DemoClass, ...], roster_events: list[Envelope], skill_ids: dict[str, str],
                 today: dt.date) -> int:
    """Add the classes' evidence unless their first student already has some; how many artifacts were added."""
    if not classes or not skill_ids:
        return 0
    clock = SeedClock()
    app = build(service_settings("artifacts"), clock=clock)
    try:
        with app.engine.connect() as conn:
            if conn.execute(select(func.count()).select_from(artifacts_table).where(
                    artifacts_table.c.student_id == classes[0].student_ids[0])).scalar_one():
                return 0
        feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, roster_events, "artifacts")
        codes, added = sorted(skill_ids), 0
        for demo_class in classes:
            teacher = Viewer.of(demo_class.teacher_id, ["teacher"])
            for index, student_id in enumerate(demo_class.student_ids):
                clock.moment = _day(demo_class, index, today)
                tagged = [codes[index % len(codes)], codes[(index + 2) % len(codes)]]
                for viewer, title, skills in (
                        (Viewer.of(student_id, ["student"]), BY_STUDENT[index % len(BY_STUDENT)], tagged),
                        (teacher, BY_TEACHER[index % len(BY_TEACHER)], [codes[(index + 1) % len(codes)]])):
                    app.commands.create(viewer, NewArtifact(
                        student_id=student_id, title=title, description="", kind="link",
                        skill_ids=[skill_ids[code] for code in skills], school_year_id=demo_class.school_year_id,
                        content=VersionInput(link_url=f"https://example.org/demo/{student_id}/{added}")))
                    added += 1
        return added
    finally:
        app.close()
