"""What the assessment tests feed the reflections replica, taken from the real services' outboxes: a four-level
scale and a rubric for the communicator skill (defined through the skills service's use cases), the district's
school year, and the artifacts events of the artifacts a test creates."""
from __future__ import annotations

import datetime as dt

from progress_feed import give_skill_the_scale

from artifacts.adapters import orm as artifacts_orm
from chassis.access import Viewer
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from chassis.testing.records import ServiceRecords
from reflections.service_layer import subscriptions as reflections_subscriptions
from skills.adapters import orm as skills_orm
from skills.domain.model import Criterion, Level

ADMIN = Viewer.of("gateway-tests-admin", ["district_admin"])
SKILLS_EVENTS_CONSUMED = ("skill_", "scale_defined", "rubric_defined")   # what the reflections worker subscribes to
LEVELS = ["Beginning", "Developing", "Proficient", "Exemplary"]


def _feed(reflections_app, envelopes: list[Envelope]) -> None:
    for envelope in envelopes:
        consume(reflections_app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope,
                f"gateway-tests.{envelope.type}")   # duplicates: no-op


def seed_catalog(skills_app, reflections_app, district, skill_ids: dict[str, str]) -> None:
    """Define the scale and the communicator rubric in the skills service, then replay every skills event (and the
    school year) into the reflections replica."""
    district_id = district.ids["district"]
    scale = skills_app.commands.define_scale(ADMIN, district_id, "gw-four", "Four levels",
                                             [Level(i + 1, name, f"{name} work") for i, name in enumerate(LEVELS)])
    give_skill_the_scale(skills_app, skill_ids["communicator"], scale.id)   # the session's skill, whoever moved it
    skills_app.commands.define_rubric(ADMIN, district_id, "gw-comm", "Communication rubric", scale.id,
                                      skill_ids["communicator"], [
        Criterion("clarity", "Clarity", {i + 1: f"clear {n}" for i, n in enumerate(LEVELS)}),
        Criterion("evidence", "Evidence", {i + 1: f"evident {n}" for i, n in enumerate(LEVELS)})])
    records = ServiceRecords(skills_app.settings.database_url, skills_orm.outbox, skills_orm.audit_log)
    try:
        _feed(reflections_app, [e for e in records.envelopes() if e.type.startswith(SKILLS_EVENTS_CONSUMED)])
    finally:
        records.dispose()
    start = dt.date.today() - dt.timedelta(days=100)
    _feed(reflections_app, [Envelope(type="school_year_added", producer="roster", data={
        "school_year_id": district.ids["year"], "title": "School year", "start_date": start.isoformat(),
        "end_date": "", "year": start.year + 1})])


def feed_artifacts(artifacts_app, reflections_app) -> None:
    """Replay the artifacts service's outbox (artifact_added/updated/deleted ...) into the reflections replica."""
    records = ServiceRecords(artifacts_app.settings.database_url, artifacts_orm.outbox, artifacts_orm.audit_log)
    try:
        _feed(reflections_app, [e for e in records.envelopes()
                                if e.type in ("artifact_added", "artifact_updated", "artifact_deleted")])
    finally:
        records.dispose()
