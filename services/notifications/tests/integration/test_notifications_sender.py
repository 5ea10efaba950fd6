"""The sender against a real aiosmtpd sink and PostgreSQL, with a clock the test moves: instant email with a
deterministic Message-ID and one-click unsubscribe, one Spanish digest at 18:00 local (never twice), retries with
backoff while SMTP is down (one attempt per batch, the rest released, the sender backing off; a per-recipient
deferral stops nothing), parking after the last attempt with resend, and bounces marking an address failing."""
from __future__ import annotations

import datetime as dt
import logging

import pytest
from aiosmtpd.controller import Controller
from notifications.adapters.orm import addresses, deliveries, delivery_attempts, notifications, outbox
from notifications.domain.preferences import Preferences
from notifications.mail import MailSink
from notifications.service_layer import intake
from notifications.service_layer.intake import IntakePolicy
from notifications_it import NOON, Clock, apply, artifact_added, cast_events
from sqlalchemy import select

from chassis.access import Viewer
from chassis.testing.infra import free_port

pytestmark = pytest.mark.integration
ADMIN = Viewer.of("DA", ["district_admin"])


@pytest.fixture
def clock() -> Clock:
    return Clock(NOON)


@pytest.fixture
def world(notifications_app, monkeypatch, clock):
    monkeypatch.setattr(intake, "policy", lambda: IntakePolicy("America/Kentucky/Louisville", dt.timedelta(0)))
    apply(notifications_app, *cast_events())
    with notifications_app.unit_of_work() as uow:
        uow.settings.save_preferences("G", Preferences(categories={"new_work": "instant"}))
        uow.settings.save_preferences("G2", Preferences(categories={"new_work": "daily"}, language="es"))
        uow.commit()
    sender = notifications_app.sender()
    sender.clock = clock
    return notifications_app, sender


@pytest.fixture
def rows(notifications_database):
    """``rows(table, *where)``: the rows the test's units of work committed."""
    def read(table, *where):
        with notifications_database.connect() as conn:
            return conn.execute(select(table).where(*where)).all()
    return read


def test_instant_then_one_spanish_digest_and_nothing_twice(world, mail_sink, clock, rows):
    app, sender = world
    _, mailbox = mail_sink
    apply(app, artifact_added())
    assert sender.run_once() == 1
    [instant] = mailbox.list()
    note = rows(notifications, notifications.c.recipient_id == "G")[0]
    assert instant.to == "gina@example.org" and instant.message_id == f"<notification-{note.id}@jcps.example.org>"
    body = mailbox.read(instant.id)
    assert "/notifications/unsubscribe?token=" in body.text and "Sam" in instant.subject
    assert "Doe" not in instant.subject                               # nothing but the child's first name
    assert sender.run_once() == 0                                     # 12:00: the digest waits for 18:00 local
    clock.advance(hours=6, minutes=1)
    assert sender.run_once() == 1
    assert sender.run_once() == 0
    digest = next(m for m in mailbox.list() if m.to == "gus@example.org")
    assert digest.language == "es" and mailbox.count() == 2
    sent = rows(outbox, outbox.c.type == "notification_sent")
    assert len(sent) == 2
    assert {r.status for r in rows(deliveries)} == {"sent"}


def test_smtp_down_retries_with_backoff_then_delivers(world, mail_sink, clock, tmp_path, sink_port, rows):
    app, sender = world
    sink, mailbox = mail_sink
    sink.stop()
    apply(app, artifact_added())
    sender.run_once()
    [queued] = rows(deliveries)
    assert (queued.status, queued.attempts) == ("queued", 1) and queued.last_error
    assert queued.due_at > clock() + dt.timedelta(seconds=59)         # backoff, not a hot loop
    assert sender.run_once() == 0
    again = MailSink(tmp_path / "mail", "127.0.0.1", sink_port).start()
    try:
        clock.advance(minutes=5)
        assert sender.run_once() == 1
    finally:
        again.stop()
    [done] = rows(deliveries)
    assert (done.status, done.attempts) == ("sent", 2) and mailbox.count() == 1
    outcomes = [r.outcome for r in rows(delivery_attempts)]
    assert outcomes == ["transient", "sent"]


def instant_news(app, count: int) -> None:
    """``count`` instant emails to G (and none to G2, on daily): news 11 minutes apart, so none coalesce."""
    apply(app, *[artifact_added(NOON + dt.timedelta(minutes=11 * n), artifact_id=f"a{n}") for n in range(count)])


def test_an_unreachable_server_costs_one_attempt_per_batch_and_all_go_once_it_returns(world, mail_sink, clock, caplog,
                                                                                       tmp_path, sink_port, rows):
    app, sender = world
    sink, mailbox = mail_sink
    sink.stop()                                                       # nobody listens on the port
    instant_news(app, 6)
    clock.advance(hours=2)
    caplog.set_level(logging.DEBUG, "notifications.service_layer.sending")
    assert sender.run_once() == 1                                     # one attempt, and the batch stops
    queued = rows(deliveries)
    assert len(queued) == 6 and {d.status for d in queued} == {"queued"}
    assert sorted(d.attempts for d in queued) == [0, 0, 0, 0, 0, 1]  # the rest released unattempted
    assert {d.lease_until for d in queued} == {None}
    [failed] = [d for d in queued if d.attempts]
    assert failed.due_at >= clock() + dt.timedelta(seconds=60)       # the retry schedule's first wait
    assert {d.due_at for d in queued} == {failed.due_at}              # all due again with the failed one
    assert [r.outcome for r in rows(delivery_attempts)] == ["transient"]
    assert sender.outage is not None and sender.unreachable == 1
    assert sender.outage.resume_at >= clock() + dt.timedelta(seconds=60)
    assert sender.run_once() == 0                                     # the sender backs off: not even a connect
    clock.advance(minutes=3)                                          # past both the backoff and the due time
    assert sender.run_once() == 1                                     # still down: one more attempt, one only
    assert [r.outcome for r in rows(delivery_attempts)] == ["transient", "transient"]
    assert sum(d.attempts for d in rows(deliveries)) == 2 and sender.unreachable == 2
    assert sender.outage.attempts == 2
    assert sender.outage.resume_at >= clock() + dt.timedelta(seconds=120)   # exponential: twice the base
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()  # once per outage, not per email
    again = MailSink(tmp_path / "mail", "127.0.0.1", sink_port).start()
    try:
        clock.advance(minutes=10)
        assert sender.run_once() == 6
    finally:
        again.stop()
    assert {d.status for d in rows(deliveries)} == {"sent"} and sender.outage is None
    ids = [m.message_id for m in mailbox.list(limit=100)]
    assert len(ids) == 6 and len(set(ids)) == 6                       # every one, once
    assert sorted(r.outcome for r in rows(delivery_attempts)) == ["sent"] * 6 + ["transient"] * 2
    assert any("reachable again" in r.getMessage() for r in caplog.records)


class _NotAvailable:
    """Answers every MAIL FROM with 421: the server is up but will serve no one now."""

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        return "421 4.3.2 Service not available, closing transmission channel"


class _DefersGina:
    """Defers one recipient's address (451) and accepts the others."""

    def __init__(self) -> None:
        self.delivered: list[list[str]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == "gina@example.org":
            return "451 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.delivered.append(list(envelope.rcpt_tos))
        return "250 OK"


def _serving(app, handler) -> Controller:
    port = free_port()
    app.options.smtp_port = port
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


def test_a_421_stops_the_batch_at_one_attempt(notifications_app, monkeypatch, clock, rows):
    monkeypatch.setattr(intake, "policy", lambda: IntakePolicy("America/Kentucky/Louisville", dt.timedelta(0)))
    apply(notifications_app, *cast_events())
    with notifications_app.unit_of_work() as uow:
        uow.settings.save_preferences("G", Preferences(categories={"new_work": "instant"}))
        uow.commit()
    instant_news(notifications_app, 4)
    controller = _serving(notifications_app, _NotAvailable())
    try:
        sender = notifications_app.sender()
        sender.clock = clock
        clock.advance(hours=2)
        assert sender.run_once() == 1
    finally:
        controller.stop()
    [attempt] = rows(delivery_attempts)
    assert attempt.outcome == "transient" and "421" in attempt.error
    assert sorted(d.attempts for d in rows(deliveries)) == [0, 0, 0, 1]
    assert sender.outage is not None and sender.run_once() == 0


def test_a_deferred_recipient_stops_nothing(notifications_app, monkeypatch, clock, rows):
    monkeypatch.setattr(intake, "policy", lambda: IntakePolicy("America/Kentucky/Louisville", dt.timedelta(0)))
    apply(notifications_app, *cast_events())
    with notifications_app.unit_of_work() as uow:
        for person in ("G", "G2"):
            uow.settings.save_preferences(person, Preferences(categories={"new_work": "instant"}))
        uow.commit()
    instant_news(notifications_app, 2)                                # two emails to Gina, two to Gus
    handler = _DefersGina()
    controller = _serving(notifications_app, handler)
    try:
        sender = notifications_app.sender()
        sender.clock = clock
        clock.advance(hours=2)
        assert sender.run_once() == 4                                 # every one tried in the one batch
    finally:
        controller.stop()
    assert handler.delivered == [["gus@example.org"], ["gus@example.org"]]
    by_status = sorted((d.status, d.attempts) for d in rows(deliveries))
    assert by_status == [("queued", 1), ("queued", 1), ("sent", 1), ("sent", 1)]   # Gina's wait for a retry
    assert sender.outage is None and sender.unreachable == 0


def test_parked_after_the_last_attempt_visible_to_an_admin_and_resent(world, mail_sink, clock, tmp_path, sink_port,
                                                                     rows):
    app, sender = world
    sink, mailbox = mail_sink
    sink.stop()
    apply(app, artifact_added())
    for _ in range(3):
        sender.run_once()
        clock.advance(minutes=30)
    parked, _, _ = app.administration.parked(ADMIN, 0, "")
    assert len(parked) == 1 and parked[0].attempts == 3 and "Error" in parked[0].last_error
    assert len(rows(outbox, outbox.c.type == "notification_failed")) == 1
    app.administration.clock = clock
    assert app.administration.resend(ADMIN, [parked[0].id]) == 1
    again = MailSink(tmp_path / "mail", "127.0.0.1", sink_port).start()
    try:
        assert sender.run_once() == 1
    finally:
        again.stop()
    assert mailbox.count() == 1 and rows(deliveries)[0].status == "sent"


class _Refuses:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 no such mailbox"


def test_bounces_mark_the_address_failing_and_stop_sending(notifications_app, monkeypatch, clock, rows):
    monkeypatch.setattr(intake, "policy", lambda: IntakePolicy("America/Kentucky/Louisville", dt.timedelta(0)))
    port = free_port()
    notifications_app.options.smtp_port = port
    apply(notifications_app, *cast_events())
    sender = notifications_app.sender()
    sender.clock = clock
    with notifications_app.unit_of_work() as uow:
        uow.settings.save_preferences("G", Preferences(categories={"new_work": "instant"}))
        uow.commit()
    controller = Controller(_Refuses(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        for n in range(3):
            apply(notifications_app, artifact_added(NOON + dt.timedelta(hours=n), artifact_id=f"a{n}"))
            clock.moment = NOON + dt.timedelta(hours=n, minutes=1)
            sender.run_once()
    finally:
        controller.stop()
    [address] = rows(addresses)
    assert (address.email, address.failures, address.failing) == ("gina@example.org", 2, True)
    statuses = [r.status for r in sorted(rows(deliveries), key=lambda r: r.created_at)]
    assert statuses == ["parked", "parked", "suppressed"]              # the third is never sent to a failing one
