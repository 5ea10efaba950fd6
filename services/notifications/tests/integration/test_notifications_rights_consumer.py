"""The roster's student_rights_passed on real PostgreSQL, through the subscriptions table the events role runs (with
its inbox claim), after the guardianship_removed events that ended both guardians' access: the student and both
guardians get one critical feed notification each, linking the student's page; a redelivery changes nothing."""
from __future__ import annotations

import datetime as dt

import pytest
from notifications.adapters.orm import notifications
from notifications.service_layer import intake
from notifications.service_layer.intake import IntakePolicy
from notifications_it import NOON, apply, cast_events, event
from sqlalchemy import select

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def policy(monkeypatch):
    monkeypatch.setattr(intake, "policy", lambda: IntakePolicy("America/Kentucky/Louisville", dt.timedelta(0)))


def test_the_student_and_the_guardians_who_lost_access_hear_once(notifications_app):
    apply(notifications_app, *cast_events())
    ended = [event("guardianship_removed", "roster", NOON, guardian_id=g, student_id="S", active=False)
             for g in ("G", "G2")]
    passed = event("student_rights_passed", "roster", NOON, student_id="S", basis="age_18",
                   effective_date="2026-12-05", guardian_ids=["G", "G2"])
    apply(notifications_app, *ended, passed, passed)          # the second is a redelivery (same event id)
    with notifications_app.unit_of_work() as uow:
        rows = uow.session.execute(select(notifications.c.recipient_id, notifications.c.kind, notifications.c.category,
                                          notifications.c.link).order_by(notifications.c.recipient_id)).all()
        assert not uow.replicas.guardians_of("S")            # the replica no longer lists them as guardians
    assert [tuple(r) for r in rows] == [(who, "rights_passed", "critical", "/students/S") for who in ("G", "G2", "S")]
