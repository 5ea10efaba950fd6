"""The notifications schema and SQL: the Alembic tree is the model (PostgreSQL) and runs on SQLite (the embedded
default) with the same code; on PostgreSQL a teacher's burst coalesces, a child's digest groups two children in one
email per period, and held notifications stay out of the feed until approved."""
from __future__ import annotations

import datetime as dt

import pytest
from notifications.adapters.orm import deliveries, metadata, notifications
from notifications.bootstrap import build
from notifications.domain.preferences import DistrictSettings, Preferences
from notifications.migrations import MIGRATIONS_DIR
from notifications.service_layer import intake
from notifications.service_layer.intake import IntakePolicy
from notifications_it import NOON, Clock, apply, artifact_added, cast_events, event
from sqlalchemy import select

from chassis.access import Viewer
from chassis.config import service_settings
from chassis.migrations import schema_drift, tables_after_downgrade, upgrade

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def no_delay(monkeypatch):
    monkeypatch.setattr(intake, "policy", lambda: IntakePolicy("America/Kentucky/Louisville", dt.timedelta(0)))


def test_head_matches_the_models_and_downgrades(fresh_pg_database_url):
    assert schema_drift(MIGRATIONS_DIR, metadata, fresh_pg_database_url) == []
    assert tables_after_downgrade(MIGRATIONS_DIR, fresh_pg_database_url) == {"alembic_version"}


def test_the_embedded_default_records_and_reads_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'notifications.db'}"
    upgrade(MIGRATIONS_DIR, url)
    upgrade(MIGRATIONS_DIR, url)                      # idempotent
    app = build(service_settings("notifications", database_url=url))
    try:
        apply(app, *cast_events(), artifact_added(), artifact_added(NOON + dt.timedelta(minutes=3)))
        page = app.personal.feed(Viewer.of("G", ["guardian"]), 0, "", False)
        assert [(n.count, n.created_at.tzinfo is not None) for n, _ in page.items] == [(2, True)]
    finally:
        app.close()


def test_burst_coalesces_and_one_digest_per_period_groups_children(notifications_app, notifications_database,
                                                                   mail_sink):
    sibling = [event("person_added", "roster", NOON - dt.timedelta(days=9), person_id="S2", sourced_id="S2",
                     roles=["student"], active=True, given_name="Ada", family_name="Doe", email="",
                     preferred_language="", primary_school_id="sch2"),
               event("guardianship_added", "roster", NOON - dt.timedelta(days=9), guardian_id="G", student_id="S2",
                     active=True)]
    apply(notifications_app, *cast_events(), *sibling)
    with notifications_app.unit_of_work() as uow:
        uow.settings.save_preferences("G", Preferences(categories={"new_work": "daily"}))
        uow.commit()
    burst = [artifact_added(NOON + dt.timedelta(minutes=m), f"a{m}") for m in (0, 2, 4, 6, 8)]
    other_child = event("artifact_added", "artifacts", NOON, artifact_id="b1", student_id="S2", added_by="T",
                        added_by_role="teacher", title="Poem", school_id="sch2")
    apply(notifications_app, *burst, other_child)
    with notifications_database.connect() as conn:
        mine = conn.execute(select(notifications.c.student_id, notifications.c.count)
                            .where(notifications.c.recipient_id == "G")).all()
    assert sorted(mine) == [("S", 5), ("S2", 1)]
    sender = notifications_app.sender()
    sender.clock = Clock(NOON + dt.timedelta(hours=7))
    sender.run_once()
    sender.run_once()
    with notifications_database.connect() as conn:
        digests = conn.execute(select(deliveries).where(deliveries.c.recipient_id == "G")).all()
    assert [(d.kind, d.period_key, d.status) for d in digests] == [("daily", "2026-12-05", "sent")]
    [message] = [m for m in mail_sink[1].list() if m.to == "gina@example.org"]
    assert message.subject == "Your daily update: Sam and Ada"


def test_held_work_stays_out_of_the_feed_until_approved(notifications_app):
    apply(notifications_app, *cast_events())
    with notifications_app.unit_of_work() as uow:
        uow.settings.save_district(DistrictSettings(approval_required=True))
        uow.commit()
    apply(notifications_app, artifact_added(by="S", role="student"))
    gina, tess = Viewer.of("G", ["guardian"]), Viewer.of("T", ["teacher"])
    assert notifications_app.personal.feed(gina, 0, "", False).items == []
    admin = notifications_app.administration
    admin.clock = lambda: NOON + dt.timedelta(hours=1)
    items, names, _ = admin.approvals(tess, 0, "")
    assert [a.kind for a in items] == ["artifact_added"] and names["S"].given_name == "Sam"
    assert admin.approve(tess, [items[0].id]) == 1
    assert [n.kind for n, _ in notifications_app.personal.feed(gina, 0, "", False).items] == ["artifact_added"]
    assert admin.approvals(tess, 0, "")[0] == []


def test_a_guardian_removed_loses_what_they_were_told_about_the_child(notifications_app, notifications_database,
                                                                      mail_sink):
    apply(notifications_app, *cast_events())
    with notifications_app.unit_of_work() as uow:
        uow.settings.save_preferences("G", Preferences(categories={"new_work": "instant"}))
        uow.commit()
    apply(notifications_app, artifact_added())
    gina = Viewer.of("G", ["guardian"])
    assert len(notifications_app.personal.feed(gina, 0, "", False).items) == 1
    apply(notifications_app, event("guardianship_removed", "roster", NOON + dt.timedelta(seconds=30),
                                   guardian_id="G", student_id="S", active=False))
    assert notifications_app.personal.feed(gina, 0, "", False).items == []
    sender = notifications_app.sender()
    sender.clock = Clock(NOON + dt.timedelta(minutes=1))
    sender.run_once()
    with notifications_database.connect() as conn:
        statuses = {r.recipient_id: r.status for r in conn.execute(select(deliveries))}
    assert statuses["G"] == "suppressed" and mail_sink[1].count() == 0
    apply(notifications_app, artifact_added(NOON + dt.timedelta(hours=1), "a2"))
    assert notifications_app.personal.feed(gina, 0, "", False).items == []
