"""What the reflections replicas need for goals, milestones and growth in the gateway tests, fed as its events
worker feeds them: the artifacts and skills services' outbox events (plus the roster's school year) applied with
the worker's own code (and the reflections' milestone events to the artifacts service's panel replica) through
the subscriptions tables; the inbox makes re-applying a no-op, so call :func:`feed` after every change.
Also a panel rubric ("Defense of Learning") defined through the skills service's use cases."""
from __future__ import annotations

import dataclasses

from sqlalchemy import Engine, select

from artifacts.adapters.orm import outbox as artifacts_outbox
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.access import Viewer
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from reflections.adapters.orm import outbox as reflections_outbox
from reflections.service_layer import subscriptions as reflections_subscriptions
from roster.adapters.orm import academic_sessions
from skills.adapters.orm import outbox as skills_outbox
from skills.domain.model import Criterion, Level

REPLICATED = {"artifact_added", "artifact_updated", "artifact_deleted", "skill_added", "skill_updated", "skill_retired",
              "skill_deleted", "scale_defined", "rubric_defined", "school_year_added", "school_year_updated"}
ADMIN = Viewer.of("gateway-tests-admin", ["district_admin"])
LEVELS = [Level(1, "Not Yet"), Level(2, "Approaching"), Level(3, "Ready"), Level(4, "Excelling")]
CRITERIA = [Criterion("evidence", "Evidence of growth", {1: "Shows one artifact", 2: "Describes artifacts",
                                                          3: "Explains growth", 4: "Connects growth to goals"}),
            Criterion("reflection", "Reflection", {1: "Lists work", 2: "Says what was hard",
                                                   3: "Explains what changed", 4: "Plans next steps"})]


def define_panel_rubric(skills_app, district, skill_id: str) -> tuple[str, str]:
    """The district's four-level panel scale and its "Defense of Learning" rubric (idempotent by code), with
    ``skill_id`` put on that scale; (scale id, rubric id)."""
    district_id = district.ids["district"]
    scale = skills_app.commands.define_scale(ADMIN, district_id, "panel-levels", "Panel levels", LEVELS)
    rubric = skills_app.commands.define_rubric(ADMIN, district_id, "panel-defense", "Defense of Learning",
                                               scale.id, skill_id, CRITERIA)
    give_skill_the_scale(skills_app, skill_id, scale.id)
    return scale.id, rubric.id


def _outbox(engine: Engine, table) -> list[Envelope]:
    with engine.connect() as conn:
        return [Envelope.from_json(body) for body in conn.execute(select(table.c.body).order_by(table.c.id))
                .scalars().all()]


def school_year_events(roster_engine: Engine) -> list[Envelope]:
    """The roster's school_year_added events for its school years (the gateway district's seed writes none)."""
    years = academic_sessions
    with roster_engine.connect() as conn:
        rows = conn.execute(select(years).where(years.c.type == "schoolYear")).all()
    return [Envelope(type="school_year_added", producer="roster", data={
        "school_year_id": r.id, "title": r.title, "start_date": r.start_date.isoformat(),
        "end_date": r.end_date.isoformat(), "year": r.school_year}) for r in rows]


def feed(reflections_app, artifacts_app, skills_app, roster_engine: Engine) -> int:
    """Apply to the reflections replicas the artifacts' and skills' outbox events and the roster's school years,
    and to the artifacts service's panel replica the reflections' milestone events; how many were new."""
    envelopes = (school_year_events(roster_engine) + _outbox(skills_app.engine, skills_outbox)
                 + _outbox(artifacts_app.engine, artifacts_outbox))
    applied = sum(consume(reflections_app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, e,
                          f"gateway-tests.{e.type}")
                  for e in envelopes if e.type in REPLICATED)
    panel = [e for e in _outbox(reflections_app.engine, reflections_outbox)
             if (e.producer, e.type) in artifacts_subscriptions.SUBSCRIPTIONS]
    return applied + sum(consume(artifacts_app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, e,
                                 f"gateway-tests.{e.type}")
                         for e in panel)


def give_skill_the_scale(skills_app, skill_id: str, scale_id: str) -> None:
    """Put ``skill_id`` on ``scale_id`` (assessments need a scale), keeping its other fields."""
    fields = skills_app.queries.skill(ADMIN, skill_id).fields
    skills_app.commands.update_skill(ADMIN, skill_id, dataclasses.replace(fields, scale_id=scale_id))
