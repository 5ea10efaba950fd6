"""The batch path (service_layer/batches.py) against the per-event path on real PostgreSQL: the same notifications,
coalescing bumps, held approvals, instant deliveries and artifacts replica from the same events in delivery order,
whatever the batch boundaries; duplicates inside a batch and redelivered batches apply once."""
from __future__ import annotations

import datetime as dt

import pytest
from notifications.adapters.orm import approvals, artifacts, deliveries, inbox, notifications, replica_versions
from notifications.bootstrap import build
from notifications.domain.preferences import DistrictSettings, Preferences
from notifications.migrations import MIGRATIONS_DIR
from notifications.service_layer import intake
from notifications.service_layer.batches import apply_batch
from notifications.service_layer.intake import IntakePolicy
from notifications_it import NOON, apply, artifact_added, cast_events, event
from sqlalchemy import func, select

from chassis.config import service_settings

pytestmark = pytest.mark.integration
MIN = dt.timedelta(minutes=1)


@pytest.fixture(autouse=True)
def policy(monkeypatch):
    monkeypatch.setattr(intake, "policy", lambda: IntakePolicy("America/Kentucky/Louisville", dt.timedelta(0)))


@pytest.fixture
def apps(migrated_database):
    made = [build(service_settings("notifications", database_url=migrated_database(MIGRATIONS_DIR),
                                   db_pool_size=2)) for _ in range(2)]
    cast = cast_events()
    for app in made:
        apply(app, *cast)
        with app.unit_of_work() as uow:           # Gus hears of new work in a weekly digest; school "held" holds
            uow.settings.save_preferences("G2", Preferences(categories={"new_work": "weekly"}))
            uow.settings.save_district(DistrictSettings(school_overrides={"held": True}))
            uow.commit()
    yield made
    for app in made:
        app.close()


def stream():
    """Every notifying shape: a teacher's burst (coalesces), a student's own work (held at one school), feedback,
    a guardian's comment, a self-assessment (nobody), an achieved goal, an artifact updated in between."""
    return [
        artifact_added(NOON, "a1"), artifact_added(NOON + MIN, "a2"), artifact_added(NOON + 2 * MIN, "a3"),
        event("artifact_added", "artifacts", NOON + 3 * MIN, artifact_id="a4", student_id="S", added_by="S",
              added_by_role="student", title="My poem", school_id="held"),
        event("artifact_updated", "artifacts", NOON + 4 * MIN, artifact_id="a1", student_id="S", added_by="T",
              added_by_role="teacher", title="Volcano model, v2", school_id="sch"),
        event("feedback_given", "reflections", NOON + 5 * MIN, feedback_id="f1", artifact_id="a1", student_id="S",
              teacher_id="T", body="Great cross-section"),
        event("reflection_added", "reflections", NOON + 6 * MIN, reflection_id="r1", artifact_id="a1",
              student_id="S", body="I learned a lot"),
        event("comment_added", "reflections", NOON + 7 * MIN, comment_id="c1", artifact_id="a1", student_id="S",
              author_id="G", author_role="guardian", body='Proud of "you", all\tof\nyou \\ N'),
        event("assessment_recorded", "reflections", NOON + 8 * MIN, assessment_id="x1", artifact_id="a2",
              student_id="S", assessor_id="S", assessor_role="student"),
        event("goal_closed", "reflections", NOON + 9 * MIN, goal_id="g1", student_id="S", status="achieved"),
        artifact_added(NOON + 30 * MIN, "a5"), artifact_added(NOON + 31 * MIN, "a6"),
    ]


def records(app) -> dict:
    """What the events left, without the random ids (a delivery is named by its notification's kind and time)."""
    with app.unit_of_work() as uow:
        s = uow.session
        n, d = notifications.c, deliveries.c
        return {
            "notifications": sorted(
                (r.recipient_id, r.student_id, r.kind, r.category, r.actor_id, r.subject_id, r.title, r.user_text,
                 r.count, r.created_at, r.updated_at, r.read, bool(r.held_by), r.email_mode, r.email_due_at,
                 r.d_status, r.d_due) for r in s.execute(
                    select(notifications, d.status.label("d_status"), d.due_at.label("d_due"))
                    .outerjoin(deliveries, d.id == n.delivery_id))),
            "deliveries": s.execute(select(func.count()).select_from(deliveries)).scalar_one(),
            "approvals": sorted((r.student_id, r.kind, r.title) for r in s.execute(select(approvals))),
            "artifacts": sorted(tuple(r) for r in s.execute(select(artifacts))),
            "versions": sorted(tuple(r) for r in s.execute(select(replica_versions))),
            "inbox": sorted((r.consumer, r.event_id) for r in s.execute(select(inbox))),
        }


@pytest.mark.parametrize("size", [1, 3, 100])
def test_batches_record_what_one_event_at_a_time_records(apps, size):
    per_event, batched = apps
    events = stream()
    apply(per_event, *events)
    for start in range(0, len(events), size):
        apply_batch(batched.unit_of_work, events[start:start + size])
    expected, got = records(per_event), records(batched)
    assert got == expected
    assert sorted((r[4], r[8], r[12]) for r in got["notifications"] if r[2] == "artifact_added" and r[0] == "G") == [
        ("S", 1, True), ("T", 2, False), ("T", 3, False)]     # the teacher's bursts coalesced; the student's is held
    assert got["approvals"] == [("S", "artifact_added", "My poem")]


def test_duplicates_in_a_batch_and_a_redelivered_batch_apply_once(apps):
    per_event, batched = apps
    events = stream()
    apply(per_event, *events)
    assert len(apply_batch(batched.unit_of_work, events[:6] + events[:6])) == 6     # each twice in one batch
    assert len(apply_batch(batched.unit_of_work, events[3:] + events[::-1][:2])) == len(events) - 6
    assert apply_batch(batched.unit_of_work, events) == set()                    # the whole stream redelivered
    assert records(batched) == records(per_event)
