"""Drives the notifications roles (sender, events) as real nameko subprocesses against a fresh migrated database, a
fresh vhost and a real aiosmtpd sink (notifications_sink.py); seeds and reads the service's database."""
from __future__ import annotations

import collections
import datetime as dt
import pathlib
import uuid
from dataclasses import asdict

from aiosmtpd.handlers import Mailbox as MaildirHandler
from notifications.adapters.orm import deliveries, delivery_attempts, notifications
from notifications.bootstrap import NotificationsApp, build
from notifications.config import NotificationsOptions
from notifications.domain.model import Delivery, Notification
from notifications.domain.preferences import Preferences
from notifications.service_layer.subscriptions import SUBSCRIPTIONS
from notifications_sink import Sink
from sqlalchemy import func, insert, select

from chassis.config import service_settings
from chassis.events import Envelope
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
from chassis.messaging.subscriptions import consume
from chassis.messaging.testing import WorkerProcess
from chassis.testing import wait_for
from chassis.testing.infra import free_port

SECRET = "fault-unsubscribe-secret-0123456789"
CAST_AT = dt.datetime.now(dt.UTC) - dt.timedelta(days=60)


def event(type_: str, producer: str, at: dt.datetime | None = None, **data) -> Envelope:
    return Envelope(type=type_, producer=producer, data=data, occurred_at=(at or dt.datetime.now(dt.UTC)).isoformat())


def cast_events() -> list[Envelope]:
    """Student S and guardian G (the one who hears about S's new work, by email)."""
    person = {"sourced_id": "", "family_name": "Doe", "preferred_language": "", "primary_school_id": "sch",
              "active": True}
    return [event("person_added", "roster", CAST_AT, **person, person_id="S", roles=["student"], given_name="Sam",
                  email=""),
            event("person_added", "roster", CAST_AT, **person, person_id="G", roles=["guardian"], given_name="Gina",
                  email="gina@example.org"),
            event("guardianship_added", "roster", CAST_AT, guardian_id="G", student_id="S", active=True)]


def artifact_added(artifact_id: str, at: dt.datetime | None = None, **overrides) -> Envelope:
    data = {"artifact_id": artifact_id, "student_id": "S", "added_by": "T", "added_by_role": "teacher",
            "title": f"Work {artifact_id}", "school_id": "sch", "skill_ids": [], "status": "ready", **overrides}
    return event("artifact_added", "artifacts", at, **data)


class NotificationsFaults:
    """One test's notifications: its database and vhost, the sink's port, the roles started, in-process seeding."""

    def __init__(self, database_url: str, amqp_url: str, tmp_path: pathlib.Path, **env: str) -> None:
        self.amqp_url, self.tmp_path, self.smtp_port = amqp_url, tmp_path, free_port()
        self.env = {"NOTIFICATIONS_DATABASE_URL": database_url, "SKILLFOLIO_AMQP_URL": amqp_url,
                    "NOTIFICATIONS_SMTP_PORT": str(self.smtp_port), "NOTIFICATIONS_SMTP_TIMEOUT_SECONDS": "10",
                    "NOTIFICATIONS_UNSUBSCRIBE_SECRET": SECRET, "NOTIFICATIONS_INSTANT_DELAY_SECONDS": "0",
                    "NOTIFICATIONS_SENDER_POLL_SECONDS": "0.2", "NOTIFICATIONS_SENDER_METRICS_PORT": "0",
                    "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200,400", "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "3", **env}
        options = NotificationsOptions(smtp_port=self.smtp_port, instant_delay_seconds=0, unsubscribe_secret=SECRET)
        self.app: NotificationsApp = build(service_settings("notifications", database_url=database_url,
                                                            db_pool_size=2), options)
        self.workers: list[WorkerProcess] = []

    def sink(self, handler: MaildirHandler | None = None) -> Sink:
        return Sink(self.tmp_path / "mail", self.smtp_port, handler)

    def _worker(self, module: str, ready: str) -> WorkerProcess:
        env = {**self.env, "NOTIFICATIONS_EVENTS_METRICS_PORT": str(free_port())}
        worker = WorkerProcess("notifications", module, env, self.tmp_path / f"{module}-{len(self.workers)}.log")
        self.workers.append(worker.start())
        # A nameko process starting on a loaded machine can take a while; say what it logged if it never does.
        wait_for(lambda: worker.alive() and ready in worker.log_text(), 120,
                 lambda: f"{ready!r} (its log ends: {worker.log_text()[-1500:]!r})")
        return worker

    def start_sender(self) -> WorkerProcess:
        return self._worker("notifications.entrypoints.sender", "sender for notifications started")

    def start_events(self) -> WorkerProcess:
        return self._worker("notifications.entrypoints.worker", "outbox relay for notifications started")

    # --- seeding, through the service's own handlers ---
    def cast(self) -> None:
        for envelope in cast_events():
            consume(self.app.unit_of_work, SUBSCRIPTIONS, envelope, f"notifications.{envelope.type}")
        with self.app.unit_of_work() as uow:
            uow.settings.save_preferences("G", Preferences(categories={"new_work": "instant"}))
            uow.commit()

    def notify(self, count: int) -> None:
        """``count`` queued instant emails to G, one notification each, written in one bulk transaction as the
        intake writes them (a notification and its delivery; the intake rule itself is the events role's, tested
        elsewhere, and too slow row by row for thousands here)."""
        now = dt.datetime.now(dt.UTC)
        rows, queued = [], []
        for n in range(count):
            at = now - dt.timedelta(seconds=count - n)
            note = Notification(str(uuid.uuid4()), "G", "S", "artifact_added", "new_work", f"T{n}", at,
                                subject_id=f"a{n}", title=f"Work {n}", link=f"/artifacts/a{n}", updated_at=at,
                                email_mode="instant")
            delivery = Delivery(str(uuid.uuid4()), "G", "instant", note.id, "queued", at, at, category="new_work")
            note.delivery_id = delivery.id
            rows.append(asdict(note))
            queued.append(asdict(delivery))
        with self.app.engine.begin() as conn:
            conn.execute(insert(deliveries), queued)
            conn.execute(insert(notifications), rows)

    def publish(self, exchange: str, messages: list[tuple[str, bytes, str]]) -> None:
        """(routing key, body, message id) each, persistent, with confirms."""
        publisher = ConfirmingPublisher(self.amqp_url)
        try:
            # A broker on a loaded machine may miss the 10 s handshake; connecting again has published nothing.
            wait_for(lambda: publisher.declare_exchange(exchange) or True, 60, "a connection to RabbitMQ",
                     ignoring=(OSError,))
            publisher.publish_batch(exchange, [OutgoingMessage(*m) for m in messages])
        finally:
            publisher.close()

    # --- facts in the database ---
    def expected_ids(self) -> set[str]:
        """The Message-ID each instant notification's email carries."""
        with self.app.engine.connect() as conn:
            ids = conn.execute(select(notifications.c.id).where(notifications.c.email_mode == "instant")).scalars()
            return {f"<notification-{i}@skillfolio.localhost>" for i in ids}

    def statuses(self) -> collections.Counter:
        with self.app.engine.connect() as conn:
            return collections.Counter(dict(conn.execute(
                select(deliveries.c.status, func.count()).group_by(deliveries.c.status)).all()))

    def leased_unsent(self) -> int:
        """Deliveries a sender leased and has not recorded as handled (sent, failed or parked): with one sender and
        a working SMTP server, the ones in flight when it dies."""
        c = deliveries.c
        with self.app.engine.connect() as conn:
            return conn.execute(select(func.count()).where(c.status == "queued", c.lease_until.is_not(None))
                                ).scalar_one()

    def attempts(self, outcome: str) -> tuple[int, int]:
        """(attempts with ``outcome``, deliveries that had one)."""
        a = delivery_attempts.c
        with self.app.engine.connect() as conn:
            return tuple(conn.execute(select(func.count(), func.count(a.delivery_id.distinct()))
                                      .where(a.outcome == outcome)).one())

    def attempt_times(self, outcome: str) -> list[dt.datetime]:
        """When each attempt with ``outcome`` was made, in order."""
        a = delivery_attempts.c
        with self.app.engine.connect() as conn:
            return list(conn.execute(select(a.at).where(a.outcome == outcome).order_by(a.at)).scalars())

    def recorded(self, subject_ids: list[str]) -> set[str]:
        """Which of these artifacts' notifications were recorded."""
        with self.app.engine.connect() as conn:
            return set(conn.execute(select(notifications.c.subject_id)
                                    .where(notifications.c.subject_id.in_(subject_ids))).scalars())

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.app.close()
