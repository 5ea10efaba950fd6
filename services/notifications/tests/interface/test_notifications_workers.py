"""The notifications ``events`` and ``sender`` roles as real nameko subprocesses with real RabbitMQ, PostgreSQL and
an aiosmtpd sink: roster events feed the replicas, an artifact_added event becomes a guardian's notification, the
sender (its own process) emails it, and the relay publishes notification_sent on notifications.events. The events role
consumes in batches: a poison event in a batch is dead-lettered alone, the rest of its batch recorded."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from notifications.adapters.orm import deliveries, guardianships, notifications
from notifications.domain.preferences import Preferences
from notifications_it import artifact_added, cast_events, event
from sqlalchemy import func, select

from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
from chassis.messaging.testing import WorkerProcess, bind_queue, drain_queue, queue_depth
from chassis.messaging.topology import dlq_name, handler_queue_name
from chassis.testing import infra, wait_for

# own_database: the workers are processes of their own, on their own connections
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


def publish(amqp_url: str, exchange: str, envelopes) -> None:
    publisher = ConfirmingPublisher(amqp_url)
    publisher.publish_batch(exchange, [OutgoingMessage(e.type, e.to_json().encode(), e.event_id) for e in envelopes])
    publisher.close()


@pytest.fixture
def env(notifications_db, fresh_amqp_url, sink_port):
    return {"NOTIFICATIONS_DATABASE_URL": notifications_db, "SKILLFOLIO_AMQP_URL": fresh_amqp_url,
            "NOTIFICATIONS_EVENTS_METRICS_PORT": str(infra.free_port()), "NOTIFICATIONS_SMTP_PORT": str(sink_port),
            "NOTIFICATIONS_INSTANT_DELAY_SECONDS": "0", "NOTIFICATIONS_SENDER_POLL_SECONDS": "0.2",
            "NOTIFICATIONS_TIME_ZONE": "America/Kentucky/Louisville", "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200",
            "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "2",
            "NOTIFICATIONS_UNSUBSCRIBE_SECRET": "test-unsubscribe-secret-0123456789"}


@pytest.fixture
def workers(env, fresh_amqp_url, tmp_path):
    bind_queue(fresh_amqp_url, "tap", "notifications.events")
    events = WorkerProcess("notifications", "notifications.entrypoints.worker", env, tmp_path / "events.log").start()
    try:
        events.wait_ready("outbox relay for notifications started")
    except AssertionError:
        events.stop()
        raise
    sender_env = {**env, "NOTIFICATIONS_EVENTS_METRICS_PORT": str(infra.free_port())}
    sender = WorkerProcess("notifications", "notifications.entrypoints.sender", sender_env,
                           tmp_path / "sender.log").start()
    try:
        sender.wait_ready("sender for notifications started")
        yield events, sender
    finally:
        assert sender.stop() == 0
        assert events.stop() == 0


def test_events_become_notifications_and_the_sender_process_emails_them(notifications_app, workers, mail_sink,
                                                                        fresh_amqp_url):
    events_worker, _ = workers
    _, mailbox = mail_sink
    with notifications_app.unit_of_work() as uow:
        uow.settings.save_preferences("G", Preferences(categories={"new_work": "instant"}))
        uow.settings.save_preferences("G2", Preferences(categories={"new_work": "off"}))   # in-app only
        uow.commit()
    roster = [e for e in cast_events() if e.producer == "roster"]
    publish(fresh_amqp_url, "roster.events", roster)

    def replicated():
        with notifications_app.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(guardianships)).scalar_one() == 2
    wait_for(replicated, 30, "the guardianships replicated")
    relayed: list = []
    added = artifact_added(dt.datetime.now(dt.UTC))
    publish(fresh_amqp_url, "artifacts.events", [added, added])        # redelivered: recorded once
    def deliveries_now() -> str:
        with notifications_app.engine.connect() as conn:
            return f"the instant email in the sink; deliveries: {conn.execute(select(deliveries)).all()}"
    wait_for(lambda: mailbox.count() >= 1, 30, deliveries_now)
    wait_for(lambda: relayed.extend(drain_queue(fresh_amqp_url, "tap")) or relayed, 20, "notification_sent")
    assert mailbox.list()[0].to == "gina@example.org"
    with notifications_app.engine.connect() as conn:
        recorded = conn.execute(select(notifications.c.recipient_id, notifications.c.count)).all()
    assert sorted(recorded) == [("G", 1), ("G2", 1)]
    assert [m.delivery_info["routing_key"] for m in relayed] == ["notification_sent"]
    assert json.loads(relayed[0].body)["data"]["recipient_id"] == "G"
    assert mailbox.count() == 1                                        # G2 chose in-app only
    assert "applying each on its own" not in events_worker.log_text()  # every batch applied as a batch (green psycopg2)


def test_a_poison_event_in_a_batch_is_dead_lettered_and_the_rest_of_the_batch_recorded(notifications_app, workers,
                                                                                        fresh_amqp_url):
    publish(fresh_amqp_url, "roster.events", [e for e in cast_events() if e.producer == "roster"])

    def replicated():
        with notifications_app.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(guardianships)).scalar_one() == 2
    wait_for(replicated, 90, "the guardianships replicated")
    now = dt.datetime.now(dt.UTC)
    good = [artifact_added(now + dt.timedelta(hours=i), f"a{i}") for i in range(4)]      # hours apart: no coalescing
    poison = event("artifact_added", "artifacts", now, artifact_id="bad", title="no student")
    publish(fresh_amqp_url, "artifacts.events", [*good[:2], poison, *good[2:]])          # one batch
    dlq = dlq_name(handler_queue_name("artifacts", "artifact_added", "notifications", "artifact_added"))
    wait_for(lambda: queue_depth(fresh_amqp_url, dlq) == 1, 90, "the poison event dead-lettered")

    def recorded():
        with notifications_app.engine.connect() as conn:
            return sorted(conn.execute(select(notifications.c.recipient_id, notifications.c.subject_id)).all())
    wait_for(lambda: len(recorded()) == 8, 90, lambda: f"the good events recorded: {recorded()}")
    assert recorded() == sorted((g, f"a{i}") for g in ("G", "G2") for i in range(4))
