"""Milestones beyond one database session: the catalog replica's rubrics (each event once, the newest wins), the
panel link days from the environment, and the whole milestone and goal flow on SQLite for the embedded default."""
from __future__ import annotations

import datetime as dt

import pytest
from milestone_fixtures import CRITERIA, OWN_ART, RUBRIC, full_sheet, guest, panel_world_events, rubric_events
from reflections_fixtures import ANA, ART, DISTRICT_ADMIN, STUDENT, TEACHER, Clock, world_events

from chassis.config import service_settings
from chassis.errors import Conflict
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from chassis.migrations import upgrade
from reflections.bootstrap import build
from reflections.config import ReflectionsOptions
from reflections.migrations import MIGRATIONS_DIR
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration


def test_the_catalog_replica_applies_each_rubric_event_once_and_keeps_the_newest(app, world):
    scale, rubric = rubric_events()
    for envelope in (scale, rubric):
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
    assert not consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, rubric,
                       "test.rubric_defined")          # redelivered: no effect
    older = Envelope(type="rubric_defined", producer="skills", occurred_at="2026-10-01T00:00:00+00:00",
                     data={**rubric.data, "criteria": ["only-one"]})
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, older,
                   "test.rubric_defined")               # claimed, but older: ignored
    newer = Envelope(type="scale_defined", producer="skills", occurred_at="2026-11-05T00:00:00+00:00",
                     data={**scale.data, "level_names": ["Not yet", "Yes"]})
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, newer, "test.scale_defined")
    with app.unit_of_work() as uow:
        rubric_now = uow.catalog.rubric(RUBRIC)
    assert rubric_now.criterion_codes == list(CRITERIA)
    assert [(level.rank, level.name) for level in rubric_now.scale.levels] == [(1, "Not yet"), (2, "Yes")]


def test_the_panel_link_days_come_from_the_environment(reflections_database, clock, monkeypatch):
    monkeypatch.setenv("REFLECTIONS_PANEL_LINK_DAYS", "3")
    configured = reflections_database.adopt(build(
        service_settings("reflections", database_url=reflections_database.url, db_pool_size=1), clock=clock,
        options=ReflectionsOptions()))
    try:
        for envelope in [*world_events(), *panel_world_events()]:
            consume(configured.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
        kind, _ = configured.milestones.define_type(DISTRICT_ADMIN, "mini-defense", "Mini-Defense", RUBRIC, [])
        created = configured.milestones.create(TEACHER, ANA, kind.id, "Mini-Defense", "2026-12-01").milestone
        invitation, _ = configured.milestones.invite(TEACHER, created.id, "Rosa", "rosa@example.org", "family")
        assert invitation.expires_at - invitation.invited_at == dt.timedelta(days=3)
    finally:
        configured.close()


def test_a_milestone_on_sqlite_for_the_embedded_default(tmp_path):
    url = f"sqlite:///{tmp_path / 'reflections.db'}"
    upgrade(MIGRATIONS_DIR, url)
    clock = Clock()
    app = build(service_settings("reflections", database_url=url), clock=clock)
    try:
        for envelope in [*world_events(), *panel_world_events()]:
            consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
        kind, _ = app.milestones.define_type(DISTRICT_ADMIN, "defense-of-learning", "Defense of Learning", RUBRIC,
                                             ["05"])
        created = app.milestones.create(TEACHER, ANA, kind.id, "Defense", "2026-12-10").milestone
        app.milestones.select_evidence(STUDENT, created.id, [ART, OWN_ART])
        invitation, token = app.milestones.invite(TEACHER, created.id, "Rosa", "rosa@example.org", "community",
                                                  valid_days=2)
        app.panel.score(guest(app.panel.redeem(token).id), created.id, full_sheet(4), "On SQLite.")
        assert app.milestones.record_outcome(TEACHER, created.id, "EXCELLING").milestone.outcome == "EXCELLING"
        goal = app.goals.set_goal(STUDENT, ANA, "Speak up", ["skl-comm"], "Three talks")
        app.goals.link_evidence(STUDENT, goal.id, [OWN_ART])
        assert app.goals.list_goals(TEACHER, ANA).goals[0].evidence_artifact_ids == (OWN_ART,)
        clock.now += dt.timedelta(days=3)
        with pytest.raises(Conflict, match="this milestone is completed: its panel links have ended"):
            app.panel.get(guest(invitation.id), created.id)
    finally:
        app.close()
