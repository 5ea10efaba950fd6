"""Artifact tags belong to the student's district: the skill catalog replica (skills skill_* and roster school_*
events, applied through the worker's own code) refuses another district's skill, another school's addition, a
deleted skill and an id that is no skill at all, with a 422 naming skill_ids and nothing written."""
from __future__ import annotations

import pytest
from artifacts_fixtures import SCHOOL, STUDENT, TEACHER, link

from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.errors import InvalidArgument
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume

pytestmark = pytest.mark.integration
HOME, ELSEWHERE = "dist-home", "dist-elsewhere"


def skill(skill_id: str, district: str, school: str = "", type_: str = "skill_added",
          at: str = "2026-11-01T00:00:00+00:00") -> Envelope:
    return Envelope(type=type_, producer="skills", occurred_at=at,
                    data={"skill_id": skill_id, "district_id": district, "school_id": school, "name": skill_id})


@pytest.fixture
def catalog(app, world) -> None:
    events = [Envelope(type="school_added", producer="roster", data={"school_id": SCHOOL, "district_id": HOME}),
              skill("sk-comm", HOME), skill("sk-think", HOME), skill("sk-garden", HOME, SCHOOL),
              skill("sk-foreign", ELSEWHERE), skill("sk-north", HOME, "sch-north"), skill("sk-gone", HOME),
              skill("sk-gone", HOME, type_="skill_deleted", at="2026-11-02T00:00:00+00:00"),
              skill("sk-gone", HOME, type_="skill_updated", at="2026-11-01T12:00:00+00:00")]   # late: ignored
    for envelope in events:
        assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
    assert not consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, events[1],
                       f"test.{events[1].type}")     # once


def test_tags_from_the_students_district_and_school_are_accepted(app, catalog, tables):
    created = app.commands.create(STUDENT, link(skills=("sk-comm", "sk-garden"))).artifact
    assert created.skill_ids == ["sk-comm", "sk-garden"]


@pytest.mark.parametrize("tag,reason", [
    ("sk-foreign", "'sk-foreign' is a skill of another district"),
    ("sk-north", "'sk-north' is a skill of another school"),
    ("sk-gone", "'sk-gone' is not a skill of the student's district"),
    ("sk-made-up", "'sk-made-up' is not a skill of the student's district"),
])
def test_a_tag_from_elsewhere_is_refused_naming_the_field_and_nothing_is_written(app, catalog, tables, tag, reason):
    with pytest.raises(InvalidArgument) as caught:
        app.commands.create(TEACHER, link(skills=("sk-comm", tag)))
    assert [(p.field, p.reason) for p in caught.value.problems] == [("skill_ids", reason)]
    assert tables.envelopes() == [] and tables.audit() == []


def test_an_edit_cannot_add_another_districts_skill(app, catalog, tables):
    created = app.commands.create(STUDENT, link(skills=("sk-comm",))).artifact
    with pytest.raises(InvalidArgument, match="tag skills of the student's district") as caught:
        app.commands.update(STUDENT, created.id, {"title": "Changed", "skill_ids": ["sk-think", "sk-foreign"]})
    assert [p.field for p in caught.value.problems] == ["skill_ids"]
    unchanged = app.queries.get(STUDENT, created.id)
    assert (unchanged.title, unchanged.skill_ids) == (created.title, ["sk-comm"])
    assert app.commands.update(STUDENT, created.id, {"skill_ids": ["sk-think"]}).skill_ids == ["sk-think"]
    assert [e.type for e in tables.envelopes()] == ["artifact_added", "artifact_updated"]
