"""Test data for assessments: the skills catalog (a 4-level scale, a skill with a rubric on it and one without),
two school years, and Ana's and Ben's artifacts tagged with those skills, all as the events that feed the replicas.
``catalog`` is a fixture (import it into a test module) applying them on top of the ``world`` fixture."""
from __future__ import annotations

import pytest
from reflections_fixtures import ANA, ART, BEN, BEN_ART, CRUZ, LAST_YEAR, YEAR, event

from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from reflections.service_layer import subscriptions as reflections_subscriptions

COMM, INNOV, UNTAGGED, SCALE, RUBRIC = "sk-comm", "sk-innov", "sk-collab", "sc-4", "rb-comm"
LEVELS = ["Beginning", "Developing", "Proficient", "Exemplary"]
OLD_ART = "art-ana-0"        # from last school year, tagged with COMM


def scale_event(at: str = "2026-10-01T00:00:00+00:00", names: list[str] = LEVELS) -> Envelope:
    return event("skills", "scale_defined", at=at, scale_id=SCALE, district_id="d1", code="four", name="Four levels",
                 level_names=names, level_ranks=list(range(1, len(names) + 1)),
                 level_descriptions=[f"{n} work" for n in names])


def skill_event(skill_id: str, name: str, scale_id: str = SCALE, type_: str = "skill_added",
                at: str = "2026-10-01T00:00:00+00:00") -> Envelope:
    return event("skills", type_, at=at, skill_id=skill_id, framework_id="fw", district_id="d1", school_id="",
                 code=skill_id, name=name, colour="#1F77B4", text_colour="#FFFFFF", retired=False, scale_id=scale_id)


def rubric_event() -> Envelope:
    return event("skills", "rubric_defined", at="2026-10-01T00:00:00+00:00", rubric_id=RUBRIC, district_id="d1",
                 code="comm", scale_id=SCALE, skill_id=COMM, criteria=["clarity", "evidence"],
                 name="Communication rubric", criterion_names=["Clarity", "Use of evidence"], level_ranks=[1, 2, 3, 4],
                 cells=[f"{c} {n}" for c in ("clear", "evident") for n in LEVELS])


def school_year(year_id: str, title: str, start: str) -> Envelope:
    return event("roster", "school_year_added", school_year_id=year_id, title=title, start_date=start,
                 end_date="", year=int(start[:4]) + 1)


def tagged(artifact_id: str, student_id: str, skills: list[str], year: str, added_by: str = CRUZ,
           at: str = "2026-11-03T00:00:00+00:00", type_: str = "artifact_updated") -> Envelope:
    return event("artifacts", type_, at=at, artifact_id=artifact_id, student_id=student_id, added_by=added_by,
                 added_by_role="teacher", skill_ids=skills, school_year_id=year, school_id="", kind="link",
                 status="ready", version=1)


def catalog_events() -> list[Envelope]:
    return [scale_event(), skill_event(COMM, "Effective Communicator"), skill_event(INNOV, "Emerging Innovator"),
            skill_event(UNTAGGED, "Collaborator"), rubric_event(),
            school_year(YEAR, "2026-27", "2026-08-10"), school_year(LAST_YEAR, "2025-26", "2025-08-10"),
            tagged(ART, ANA, [COMM, INNOV], YEAR), tagged(BEN_ART, BEN, [COMM], YEAR),
            tagged(OLD_ART, ANA, [COMM], LAST_YEAR, type_="artifact_added", at="2025-10-01T00:00:00+00:00")]


@pytest.fixture
def catalog(app, world) -> None:
    """The world plus the skills catalog, school years and tagged artifacts, fed through the worker's code."""
    for envelope in catalog_events():
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
