"""The artifacts ``events`` role as a real nameko subprocess: roster events feed the replica that access is decided
from (once each, older events never overriding newer ones), milestone events feed the panel replica, and the relay
publishes artifact events."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from artifacts_fixtures import GUARDIAN, OLD_TEACHER, STUDENT_ID, TEACHER, TEACHER_ID, YEAR, link, roster, roster_world
from sqlalchemy import func, select

from artifacts.adapters.orm import inbox
from artifacts.adapters.repository import PortfolioFilter
from artifacts.domain.access import Viewer
from chassis.errors import PermissionDenied
from chassis.events import Envelope
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
from chassis.messaging.testing import WorkerProcess, bind_queue, drain_queue
from chassis.testing import infra, wait_for

# own_database: the nameko worker runs in another process and must see what the test committed
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


def publish(amqp_url: str, envelopes: list[Envelope]) -> None:
    publisher = ConfirmingPublisher(amqp_url)
    publisher.publish_batch("roster.events", [OutgoingMessage(e.type, e.to_json().encode(), e.event_id)
                                              for e in envelopes])
    publisher.close()


@pytest.fixture
def worker(artifacts_db, fresh_amqp_url, tmp_path):
    bind_queue(fresh_amqp_url, "tap", "artifacts.events")
    env = {"ARTIFACTS_DATABASE_URL": artifacts_db, "SKILLFOLIO_AMQP_URL": fresh_amqp_url,
           "ARTIFACTS_EVENTS_METRICS_PORT": str(infra.free_port()), "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200",
           "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "2"}
    process = WorkerProcess("artifacts", "artifacts.entrypoints.worker", env,
                            tmp_path / "artifacts-events.log").start()
    process.wait_ready("outbox relay for artifacts started")
    yield process
    assert process.stop() == 0


def can_view(app, viewer) -> bool:
    try:
        app.queries.portfolio(viewer, PortfolioFilter(student_id=STUDENT_ID))
        return True
    except PermissionDenied:
        return False


def claimed(app, event_id: str) -> bool:
    """The worker applied the event (its inbox row committed with the effect, if any)."""
    with app.unit_of_work() as uow:
        return uow.session.execute(select(func.count()).select_from(inbox).where(inbox.c.event_id == event_id)).scalar()


def test_roster_events_feed_access_and_artifact_events_are_relayed(app, worker, fresh_amqp_url):
    world = roster_world()
    publish(fresh_amqp_url, world + world[:3])                      # some delivered twice
    wait_for(lambda: can_view(app, TEACHER) and can_view(app, GUARDIAN), 30, "the replica")
    assert not can_view(app, OLD_TEACHER)                            # taught last year only
    created = app.commands.create(TEACHER, link()).artifact
    assert created.school_year_id == YEAR and created.added_by == TEACHER_ID

    # the teacher's enrollment ends; a stale update (older occurred_at) arriving later changes nothing
    removed = roster("enrollment_removed", at="2026-11-20T00:00:00+00:00", enrollment_id="e1", section_id="sec-26",
                     person_id=TEACHER_ID, role="teacher", school_id="", begin_date="", end_date="", active=False)
    stale = roster("enrollment_updated", at="2026-11-05T00:00:00+00:00", enrollment_id="e1", section_id="sec-26",
                   person_id=TEACHER_ID, role="teacher", school_id="", begin_date="", end_date="", active=True)
    publish(fresh_amqp_url, [removed])
    wait_for(lambda: not can_view(app, TEACHER), 30, "the removed enrollment")
    publish(fresh_amqp_url, [stale])
    wait_for(lambda: claimed(app, stale.event_id), 10, "the stale update's inbox row")
    assert not can_view(app, TEACHER)
    with pytest.raises(PermissionDenied):
        app.commands.delete(TEACHER, created.id)                     # no longer teaches her

    relayed = []
    wait_for(lambda: relayed.extend(drain_queue(fresh_amqp_url, "tap")) or relayed, 20, "the relay")
    body = json.loads(relayed[0].body)
    assert relayed[0].delivery_info["routing_key"] == "artifact_added"
    assert body["data"]["artifact_id"] == created.id and body["data"]["skill_ids"] == ["sk-comm"]
    with app.unit_of_work() as uow:
        claims = dict(uow.session.execute(select(inbox.c.consumer, func.count()).group_by(inbox.c.consumer)).all())
    assert claims["artifacts.person_added"] == 5 and claims["artifacts.enrollment_updated"] == 1


def test_milestone_events_let_the_panel_read_the_selected_evidence(app, world, worker, fresh_amqp_url, clock):
    chosen = app.commands.create(TEACHER, link("Defense poster")).artifact
    guest = Viewer.of("guest:inv-rosa", ["panel_guest"])
    expires = (clock.now + dt.timedelta(days=14)).isoformat()
    events = [Envelope(type="panellist_invited", producer="reflections", data={
                  "invitation_id": "inv-rosa", "milestone_id": "m-1", "student_id": STUDENT_ID, "kind": "community",
                  "person_id": "", "expires_at": expires, "teacher_id": TEACHER_ID}),
              Envelope(type="milestone_evidence_selected", producer="reflections", data={
                  "milestone_id": "m-1", "student_id": STUDENT_ID, "artifact_ids": [chosen.id]})]
    publisher = ConfirmingPublisher(fresh_amqp_url)
    publisher.publish_batch("reflections.events", [OutgoingMessage(e.type, e.to_json().encode(), e.event_id)
                                                   for e in events + events])      # each delivered twice
    publisher.close()

    def guest_reads() -> bool:
        try:
            return app.queries.get(guest, chosen.id).id == chosen.id
        except PermissionDenied:
            return False
    wait_for(guest_reads, 30, "the panel replica")
    wait_for(lambda: worker.events_consumed().total() == 4, 10, "all four deliveries settled", ignoring=(OSError,))
    with app.unit_of_work() as uow:
        claimed = uow.session.execute(select(func.count()).select_from(inbox)
                                      .where(inbox.c.consumer.in_(["artifacts.panellist_invited",
                                                                   "artifacts.milestone_evidence_selected"]))).scalar()
    assert claimed == 2                                                   # the duplicates changed nothing
