"""Shared test data for goals and milestones: the district rubric, its scale and the skills goals name (one retired)
as skills events feeding the one catalog replica, Ana in grade
05 with a second artifact of her own, a Defense of Learning type, and helpers that set up a milestone with a
panel (a live guest link, an expired one, an invited educator account, and a guest of another milestone)."""
from __future__ import annotations

import datetime as dt

import pytest
from reflections_fixtures import ANA, DISTRICT_ADMIN, IVES, TEACHER, artifact, event

from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from reflections.bootstrap import ReflectionsApp
from reflections.domain.access import Viewer
from reflections.domain.milestones import Score
from reflections.service_layer import subscriptions as reflections_subscriptions

RUBRIC, SCALE = "rub-dol", "scl-four"
CRITERIA = ("evidence", "reflection", "communication")
LEVELS = ("Beginning", "Developing", "Proficient", "Exemplary")
OWN_ART, GONE_ART = "art-ana-2", "art-ana-gone"
GOAL_SKILLS = ("skl-comm", "skl-crit", "skl-collab", "skl-innov", "skl-lit")
RETIRED_SKILL = "skl-penmanship"


def skill_added(skill_id: str, retired: bool = False, type_: str = "skill_added",
                at: str = "2026-11-01T00:00:00+00:00") -> Envelope:
    return event("skills", type_, at=at, skill_id=skill_id, framework_id="fw", district_id="dst-1", school_id="",
                 code=skill_id, name=skill_id.removeprefix("skl-").capitalize(), colour="#1F77B4",
                 text_colour="#FFFFFF", retired=retired, scale_id=SCALE)


def rubric_events() -> list[Envelope]:
    """The scale and the rubric (criterion codes only, as an older skills service sent it)."""
    return [event("skills", "scale_defined", scale_id=SCALE, district_id="dst-1", code="four-point",
                  name="Four-point scale", level_names=list(LEVELS)),
            event("skills", "rubric_defined", rubric_id=RUBRIC, district_id="dst-1", code="dol-rubric",
                  scale_id=SCALE, skill_id="", criteria=list(CRITERIA))]


def skills_events() -> list[Envelope]:
    return [*rubric_events(), *(skill_added(s) for s in GOAL_SKILLS), skill_added(RETIRED_SKILL, retired=True)]


def panel_world_events() -> list:
    return [*skills_events(),
            event("roster", "person_updated", at="2026-11-03T00:00:00+00:00", person_id=ANA, roles=["student"],
                  primary_school_id="sch-central", grade_level="05", active=True),
            artifact(OWN_ART, ANA, ANA), artifact(GONE_ART, ANA, ANA),
            artifact(GONE_ART, ANA, ANA, type_="artifact_deleted", at="2026-11-04T00:00:00+00:00")]


@pytest.fixture
def panel_world(app: ReflectionsApp, world) -> None:
    """The roster world plus the skills catalog replica, Ana's grade and her own artifacts (one since deleted)."""
    for envelope in panel_world_events():
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")


@pytest.fixture
def dol_type(app: ReflectionsApp, panel_world) -> str:
    kind, _ = app.milestones.define_type(DISTRICT_ADMIN, "defense-of-learning", "Defense of Learning", RUBRIC,
                                         ["05", "08", "12"])
    return kind.id


def guest(invitation_id: str) -> Viewer:
    return Viewer.of(f"guest:{invitation_id}", ["panel_guest"])


def full_sheet(level: int = 3) -> list[Score]:
    return [Score(code, level) for code in CRITERIA]


def milestone_with_panel(app: ReflectionsApp, clock, type_id: str) -> dict[str, str]:
    """A planned milestone of Ana's with a panel, two days after the invitations: ``valid`` (30 days), ``expired``
    (1 day), ``educator`` (Ives's account), and ``elsewhere`` (a guest of another milestone)."""
    milestone = app.milestones.create(TEACHER, ANA, type_id, "Defense of Learning", "2026-12-10").milestone
    other = app.milestones.create(TEACHER, ANA, type_id, "Rehearsal", "2026-12-01").milestone
    invite = app.milestones.invite
    found = {"milestone": milestone.id,
             "valid": invite(TEACHER, milestone.id, "Rosa Park", "rosa@example.org", "community", "", 30)[0].id,
             "expired": invite(TEACHER, milestone.id, "Al Old", "al@example.org", "family", "", 1)[0].id,
             "educator": invite(TEACHER, milestone.id, "Ivy Ives", "ives@example.org", "educator", IVES, 30)[0].id,
             "elsewhere": invite(TEACHER, other.id, "Ed Else", "ed@example.org", "community", "", 30)[0].id}
    clock.now += dt.timedelta(days=2)
    return found


