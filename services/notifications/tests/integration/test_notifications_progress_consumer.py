"""The point_of_progress_completed consumer on real PostgreSQL, through the subscriptions table the events role
runs (with its inbox claim): the student and both guardians get one feed notification each in the assessments
category, with the term and the passport's link; the teacher who wrote it gets none; a redelivery changes nothing."""
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


def test_the_student_and_guardians_hear_once(notifications_app):
    apply(notifications_app, *cast_events())
    completed = event("point_of_progress_completed", "reflections", NOON, point_id="p1", student_id="S",
                      section_id="sec", term_id="t2", term_name="Term 2", school_year_id="y", teacher_id="T",
                      skill_id="sk", level_rank=3, level_name="Ready", artifact_ids=["a1"])
    apply(notifications_app, completed, completed)          # the second is a redelivery (same event id)
    with notifications_app.unit_of_work() as uow:
        rows = uow.session.execute(select(notifications.c.recipient_id, notifications.c.kind, notifications.c.category,
                                   notifications.c.title, notifications.c.link)
                            .order_by(notifications.c.recipient_id)).all()
    assert [tuple(r) for r in rows] == [
        (who, "point_of_progress_completed", "assessments", "Term 2", "/students/S/progress")
        for who in ("G", "G2", "S")]
