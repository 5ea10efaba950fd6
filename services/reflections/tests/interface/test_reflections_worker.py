"""The reflections ``events`` role as a real nameko subprocess: roster and artifacts events feed the replicas that
access is decided from (once each), skills events the one catalog replica milestones are scored on, and the relay
publishes reflections events."""
from __future__ import annotations

import json

import pytest
from assessments_fixtures import COMM, catalog_events
from milestone_fixtures import CRITERIA, LEVELS, RUBRIC, rubric_events
from reflections_fixtures import ANA, ART, GUARDIAN, STUDENT, TEACHER, YEAR, event, world_events
from sqlalchemy import func, select

from chassis.errors import PermissionDenied
from chassis.events import Envelope
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
from chassis.messaging.testing import WorkerProcess, bind_queue, drain_queue
from chassis.testing import infra, wait_for
from reflections.adapters.orm import inbox

# own_database: the nameko worker runs in another process and must see what the test committed
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


def publish(amqp_url: str, envelopes: list[Envelope]) -> None:
    publisher = ConfirmingPublisher(amqp_url)
    for producer in ("roster", "artifacts", "skills"):
        publisher.publish_batch(f"{producer}.events", [OutgoingMessage(e.type, e.to_json().encode(), e.event_id)
                                                       for e in envelopes if e.producer == producer])
    publisher.close()


@pytest.fixture
def worker(reflections_db, fresh_amqp_url, tmp_path):
    bind_queue(fresh_amqp_url, "tap", "reflections.events")
    env = {"REFLECTIONS_DATABASE_URL": reflections_db, "SKILLFOLIO_AMQP_URL": fresh_amqp_url,
           "REFLECTIONS_EVENTS_METRICS_PORT": str(infra.free_port()), "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200",
           "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "2"}
    process = WorkerProcess("reflections", "reflections.entrypoints.worker", env,
                            tmp_path / "reflections-events.log").start()
    process.wait_ready("outbox relay for reflections started")
    yield process
    assert process.stop() == 0


def can_read(app, viewer) -> bool:
    try:
        app.queries.discussion(viewer, ART)
        return True
    except PermissionDenied:
        return False


def test_replicas_follow_events_and_reflection_events_are_relayed(app, worker, fresh_amqp_url):
    world = world_events()
    publish(fresh_amqp_url, world + world[-2:])                      # the artifacts delivered twice
    wait_for(lambda: can_read(app, STUDENT) and can_read(app, GUARDIAN), 30, "the replicas")
    added = app.commands.add_reflection(STUDENT, ART, "What I learned.")
    assert added.student_id == ANA                                    # the owner came from artifact_added

    relayed = []
    wait_for(lambda: relayed.extend(drain_queue(fresh_amqp_url, "tap")) or relayed, 20, "the relay")
    assert relayed[0].delivery_info["routing_key"] == "reflection_added"
    assert json.loads(relayed[0].body)["data"]["reflection_id"] == added.id

    publish(fresh_amqp_url, [event("artifacts", "artifact_deleted", at="2026-11-20T00:00:00+00:00", artifact_id=ART)])
    wait_for(lambda: not can_read(app, STUDENT), 30, "the deleted artifact")


def test_skills_events_feed_the_catalog_replica_milestones_read(app, worker, fresh_amqp_url):
    events = rubric_events()
    publish(fresh_amqp_url, events + events)                          # each delivered twice

    def rubric():
        with app.unit_of_work() as uow:
            return uow.catalog.rubric(RUBRIC)
    wait_for(lambda: rubric() is not None, 30, "the catalog replica")
    assert rubric().criterion_codes == list(CRITERIA)
    assert [level.name for level in rubric().scale.levels] == list(LEVELS)
    wait_for(lambda: worker.events_consumed().total() == 4, 10, "all four deliveries settled", ignoring=(OSError,))
    with app.unit_of_work() as uow:
        claimed = uow.session.execute(select(func.count()).select_from(inbox).where(
            inbox.c.consumer.in_(["reflections.scale_defined", "reflections.rubric_defined"]))).scalar()
    assert claimed == 2                                                # the duplicates changed nothing


def test_skills_school_year_and_artifact_tag_events_feed_the_assessment_replicas(app, worker, fresh_amqp_url):
    publish(fresh_amqp_url, world_events() + catalog_events())

    def instrument_ready() -> bool:
        try:
            return app.assessments.instrument(TEACHER, ART, COMM).rubric is not None
        except Exception:   # not replicated yet: refused or not tagged
            return False

    wait_for(instrument_ready, 30, "the skills catalog and tags")
    recorded = app.assessments.assess(TEACHER, ART, COMM, 3, "Your claim is clear.", [])
    wait_for(lambda: any(y.title == "2026-27" for g in app.assessments.growth(STUDENT, ANA) for y in g.years),
             30, "the school years")
    relayed = []
    wait_for(lambda: relayed.extend(drain_queue(fresh_amqp_url, "tap")) or relayed, 20, "the relay")
    assert [(m.delivery_info["routing_key"], json.loads(m.body)["data"]["assessment_id"]) for m in relayed] == [
        ("assessment_recorded", recorded.id)]
    assert json.loads(relayed[0].body)["data"]["school_year_id"] == YEAR
