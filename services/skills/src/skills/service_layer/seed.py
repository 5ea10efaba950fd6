"""The skills service's demo seed (`skillfolio seed`, `up`): the demo framework (skills.demo's file: five skills, a
four-level scale, one rubric) in the roster's demo district, idempotent by code. Returns the skills' ids, the
Defense of Learning rubric's, and the catalog events the other services' seeds apply to their replicas."""
from __future__ import annotations

from sqlalchemy import select

from chassis.config import service_settings
from chassis.descriptor import SeedContext
from chassis.events import Envelope
from skills.adapters.orm import outbox
from skills.bootstrap import build
from skills.config import SkillsOptions
from skills.demo import DEMO_FILE
from skills.domain.access import Viewer
from skills.domain.identity import rubric_id
from skills.service_layer.loader import load_document, parse_file

SEEDER = Viewer.of("service:skillfolio-seed", ["service"])
CATALOG_KINDS = ("skill", "scale", "rubric")
DEFENSE_RUBRIC = "defense-of-learning"


def demo_district(roster_district_id: str | None) -> str:
    """``SKILLS_DEMO_DISTRICT_ID`` where set, else the roster's demo district (pages look skills up by it), else
    the setting's default."""
    options = SkillsOptions()
    if "demo_district_id" in options.model_fields_set or not roster_district_id:
        return options.demo_district_id
    return roster_district_id


def catalog_events(app) -> list[Envelope]:
    """The outbox's skill, scale and rubric events, in the order the service raised them."""
    with app.engine.connect() as conn:
        rows = conn.execute(select(outbox.c.type, outbox.c.body).order_by(outbox.c.id)).all()
    return [Envelope.from_json(body) for kind, body in rows if kind.split("_", 1)[0] in CATALOG_KINDS]


def seed_demo(context: SeedContext) -> dict:
    """The seed use case the skills descriptor names: ``skill_ids`` ({code: id}), ``rubric_id`` and ``events``."""
    district = demo_district(context.results.get("roster", {}).get("district_id"))
    app = build(service_settings("skills"))
    try:
        report = load_document(app.unit_of_work, SEEDER, {**parse_file(DEMO_FILE), "district": district},
                               DEMO_FILE.name)
        page = app.queries.list_skills(SEEDER, district, page_size=100)
        return {"messages": [f"district {report.district_id}: {report.skills} skills, {report.scales} scales, "
                             f"{report.rubrics} rubrics; {report.events} change(s)"],
                "district_id": district, "skill_ids": {skill.code: skill.id for skill in page.items},
                "rubric_id": rubric_id(district, DEFENSE_RUBRIC), "events": catalog_events(app)}
    finally:
        app.close()
