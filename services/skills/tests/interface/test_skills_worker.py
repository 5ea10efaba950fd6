"""The skills ``events`` role as a real nameko subprocess: artifacts and roster events feed the replicas (once
each, however often delivered), and the relay publishes skill events to ``skills.events``."""
from __future__ import annotations

import json

import pytest
from skills_fixtures import ADMIN, BANDS, DISTRICT, fields
from sqlalchemy import func, select

from chassis.errors import Conflict
from chassis.events import Envelope
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
from chassis.messaging.testing import WorkerProcess, bind_queue, drain_queue
from chassis.testing import infra, wait_for
from skills.adapters.orm import inbox, skill_usage
from skills.domain.access import Viewer

# own_database: the nameko worker runs in another process and must see what the test committed
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


def publish(amqp_url: str, exchange: str, envelopes: list[Envelope]) -> None:
    publisher = ConfirmingPublisher(amqp_url)
    publisher.publish_batch(exchange, [OutgoingMessage(e.type, e.to_json().encode(), e.event_id) for e in envelopes])
    publisher.close()


@pytest.fixture
def worker(skills_db, fresh_amqp_url, tmp_path):
    bind_queue(fresh_amqp_url, "tap", "skills.events")
    env = {"SKILLS_DATABASE_URL": skills_db, "SKILLFOLIO_AMQP_URL": fresh_amqp_url,
           "SKILLS_EVENTS_METRICS_PORT": str(infra.free_port()), "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200",
           "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "2",
           "SKILLFOLIO_LOG_LEVEL": "DEBUG"}   # replica updates, with their correlation id, log at DEBUG
    process = WorkerProcess("skills", "skills.entrypoints.worker", env, tmp_path / "skills-events.log").start()
    process.wait_ready("outbox relay for skills started")
    yield process
    assert process.stop() == 0


def test_artifact_and_roster_events_feed_the_replicas(app, worker, fresh_amqp_url):
    app.commands.define_framework(ADMIN, DISTRICT, "", "Success Skills", BANDS)
    used = app.commands.create_skill(ADMIN, DISTRICT, "", fields())
    added = Envelope(type="artifact_added", producer="artifacts",
                     data={"artifact_id": "art-1", "skill_ids": [used.id]}, correlation_id="corr-art-1")
    deleted = Envelope(type="artifact_deleted", producer="artifacts", data={"artifact_id": "art-1"})
    publish(fresh_amqp_url, "artifacts.events", [added, added, deleted])
    admin = Envelope(type="person_added", producer="roster",
                     data={"person_id": "p-sa", "roles": ["school_admin"], "primary_school_id": "school-a",
                           "active": True, "sourced_id": "sa", "grade_level": "", "given_name": "S",
                           "family_name": "A"})
    publish(fresh_amqp_url, "roster.events", [admin])

    def applied():
        with app.unit_of_work() as uow:
            return uow.replicas.ever_used(used.id) and uow.replicas.administered_schools("p-sa")
    assert wait_for(applied, 30, "the replicas") == frozenset({"school-a"})
    with pytest.raises(Conflict, match="retire it instead"):
        app.commands.delete_skill(ADMIN, used.id)
    school_admin = Viewer.of("p-sa", ["school_admin"])
    app.commands.define_framework(school_admin, DISTRICT, "school-a", "School A", [])
    relayed = []
    wait_for(lambda: relayed.extend(drain_queue(fresh_amqp_url, "tap")) or len(relayed) >= 3, 20,
             "the relayed skill events")
    assert [m.delivery_info["routing_key"] for m in relayed] == ["framework_defined", "skill_added",
                                                                 "framework_defined"]
    assert json.loads(relayed[1].body)["data"]["skill_id"] == used.id

    def all_settled():
        settled = worker.events_consumed()
        return settled if settled.total() == 4 else None
    settled = wait_for(all_settled, 10, "all four deliveries settled", ignoring=(OSError,))
    assert settled == {"applied": 3, "duplicate": 1}
    with app.unit_of_work() as uow:
        claimed = uow.session.execute(select(inbox.c.consumer, func.count()).group_by(inbox.c.consumer)).all()
        usage = uow.session.execute(select(skill_usage.c.active)).scalars().all()
    assert dict(claimed) == {"skills.artifact_added": 1, "skills.artifact_deleted": 1, "skills.person_added": 1}
    assert usage == [False]                             # the artifact is gone; the skill stays "ever used"
    assert '"correlation_id": "corr-art-1"' in worker.log_text()
