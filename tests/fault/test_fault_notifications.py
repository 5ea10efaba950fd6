"""Fault tests of the notifications service (issue 11 §3): the SMTP server down during 2,000 emails, the sender
SIGKILLed mid-batch, and a poison event on a subscribed type.

The sender and events roles run as real nameko subprocesses over a fresh migrated PostgreSQL database and vhost; the
mail goes to a real aiosmtpd server whose Maildir the test reads by Message-ID (every notification's email carries a
deterministic one). Each test prints one ``FAULT notifications ...`` line with its counts for the closing note.
"""
from __future__ import annotations

import datetime as dt
import json
import signal

import amqp
import pytest
from notifications.migrations import MIGRATIONS_DIR
from notifications_faults import NotificationsFaults, artifact_added
from notifications_sink import HoldingHandler

from chassis.messaging.testing import drain_queue
from chassis.messaging.topology import dlq_name, handler_queue_name
from chassis.testing import wait_for

pytestmark = [pytest.mark.fault, pytest.mark.integration]
ARTIFACT_ADDED_DLQ = dlq_name(handler_queue_name("artifacts", "artifact_added", "notifications", "artifact_added"))


@pytest.fixture
def faults(migrated_database, fresh_amqp_url, tmp_path, request):
    env = getattr(request, "param", {})
    harness = NotificationsFaults(migrated_database(MIGRATIONS_DIR), fresh_amqp_url, tmp_path, **env)
    harness.cast()
    yield harness
    harness.close()


def report(record_property, test: str, **counts: int) -> None:
    for name, value in counts.items():
        record_property(name, value)
    print(f"FAULT notifications {test}: {json.dumps(counts)}")


def duplicates(ids) -> int:
    return sum(count - 1 for count in ids.values())


# Quick retries (0.2 s, doubling, at most 1 s) and enough attempts that none is parked during the outage.
QUICK_RETRIES = {"NOTIFICATIONS_RETRY_BASE_SECONDS": "0.2", "NOTIFICATIONS_RETRY_CAP_SECONDS": "1",
                 "NOTIFICATIONS_RETRY_MAX_ATTEMPTS": "40"}


@pytest.mark.timeout(600)      # a bound for a loaded CI machine; the waits are on facts, so an idle one takes far less
@pytest.mark.parametrize("faults", [QUICK_RETRIES], indirect=True)
def test_smtp_down_during_2000_notifications_every_one_is_delivered_after_it_returns(faults, record_property):
    faults.notify(2000)
    expected = faults.expected_ids()
    assert len(expected) == 2000
    sink = faults.sink().start()
    try:
        senders = [faults.start_sender(),
                   faults.start_sender()]         # the role scales out: two senders share the deliveries by lease
        wait_for(lambda: sink.ledger.count() >= 200, 120, "the first 200 emails in the sink")
        sink.stop()
        wait_for(lambda: faults.attempts("transient")[0] >= 10, 120,   # down until the senders failed 10 times on it
                 lambda: f"transient failures while SMTP is down (attempts, deliveries): {faults.attempts('transient')}")
        received_before = sink.ledger.count()
        assert received_before < 2000
        sink.start()
        wait_for(lambda: expected <= set(sink.ledger.message_ids()), 420,
                 lambda: f"all 2000 Message-IDs in the sink (have {len(set(sink.ledger.message_ids()))})")
        wait_for(lambda: faults.statuses() == {"sent": 2000}, 60, lambda: f"2000 sent, not {faults.statuses()}")
    finally:
        sink.stop()
    ids = sink.ledger.message_ids()
    assert set(ids) == expected                                    # nothing lost, nothing else sent
    attempts, retried = faults.attempts("transient")
    assert attempts >= 10 and 1 <= retried <= attempts and faults.attempts("sent") == (2000, 2000)   # then sent once
    # One attempt per try, not one per email of the batch: a sender backs off at least the first retry wait (0.2 s)
    # after each, so of any three failed attempts in a row (two senders) two are a sender's and that far apart.
    times = faults.attempt_times("transient")
    assert all(later - earlier >= dt.timedelta(seconds=0.2) for earlier, later in zip(times, times[2:])), times
    for sender in senders:                                          # the outage logged once, not once per email
        assert sender.log_text().count("SMTP server unreachable") == 1, sender.log_text()[-3000:]
    # Only an email on the wire when the server went away (one per sender) can have reached it unacknowledged.
    assert duplicates(ids) <= 2, {i: n for i, n in ids.items() if n > 1}
    report(record_property, "smtp_outage", notifications=2000, delivered=len(ids), duplicates=duplicates(ids),
           received_before_outage=received_before, transient_attempts=attempts, deliveries_retried=retried)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("faults", [{"NOTIFICATIONS_SENDER_LEASE_SECONDS": "5"}], indirect=True)
def test_sender_killed_mid_batch_loses_nothing_and_duplicates_at_most_the_in_flight(faults, tmp_path,
                                                                                     record_property):
    faults.notify(200)
    expected = faults.expected_ids()
    handler = HoldingHandler(tmp_path / "mail")
    sink = faults.sink(handler).start()
    try:
        sender = faults.start_sender()
        wait_for(lambda: sink.ledger.count() >= 60, 120, "the first 60 emails in the sink")
        handler.armed.set()            # the next email is stored, and its 250 held: the sender waits on the wire
        wait_for(handler.holding.is_set, 60, "an email accepted by the sink and not yet acknowledged")
        sender.kill()
        assert sender.proc.returncode == -signal.SIGKILL
        in_flight = faults.leased_unsent()
        received_at_kill = sink.ledger.count()
        handler.released.set()
        assert 60 < received_at_kill < 200 and in_flight >= 1
        faults.start_sender()
        wait_for(lambda: expected <= set(sink.ledger.message_ids()), 240,
                 lambda: f"all 200 Message-IDs in the sink (have {len(set(sink.ledger.message_ids()))})")
        wait_for(lambda: faults.statuses() == {"sent": 200}, 60, lambda: f"200 sent, not {faults.statuses()}")
    finally:
        handler.released.set()
        sink.stop()
    ids = sink.ledger.message_ids()
    assert set(ids) == expected
    twice = {i for i, n in ids.items() if n > 1}
    assert handler.held_id in twice          # the email the sink took as the sender died goes again: at least once
    assert duplicates(ids) <= in_flight, (duplicates(ids), in_flight)
    report(record_property, "sender_sigkill", notifications=200, delivered=len(ids), duplicates=duplicates(ids),
           in_flight_at_kill=in_flight, received_at_kill=received_at_kill)


def test_poison_event_is_parked_in_the_dlq_and_later_events_become_notifications(faults, record_property):
    faults.start_events()
    before = [artifact_added(f"before-{n}", added_by=f"T{n}") for n in range(20)]
    malformed = artifact_added("poison-malformed")
    del malformed.data["student_id"]                  # a subscribed type whose payload the handler cannot read
    unparseable = ("artifact_added", b'{"event_id": "poison-unparseable", "type": "artifact_add', "poison-unparseable")
    after = [artifact_added(f"after-{n}", added_by=f"U{n}") for n in range(20)]
    faults.publish("artifacts.events", [("artifact_added", e.to_json().encode(), e.event_id) for e in before]
                   + [("artifact_added", malformed.to_json().encode(), malformed.event_id), unparseable]
                   + [("artifact_added", e.to_json().encode(), e.event_id) for e in after])
    good = [e.data["artifact_id"] for e in before + after]
    wait_for(lambda: faults.recorded(good) == set(good), 120, lambda: f"40 notifications, have {faults.recorded(good)}")
    parked: list[amqp.Message] = []
    wait_for(lambda: parked.extend(drain_queue(faults.amqp_url, ARTIFACT_ADDED_DLQ)) or len(parked) >= 2, 60,
             lambda: f"both poison messages in {ARTIFACT_ADDED_DLQ} (have {len(parked)})",
             ignoring=(amqp.exceptions.NotFound,))
    assert sorted(m.properties["message_id"] for m in parked) == sorted([malformed.event_id, "poison-unparseable"])
    attempts = {m.properties["message_id"]: m.headers.get("x-skillfolio-attempt") for m in parked}
    assert attempts[malformed.event_id] == 3                       # retried with backoff, then parked
    errors = {m.properties["message_id"]: m.headers.get("x-skillfolio-last-error", "") for m in parked}
    assert "student_id" in errors[malformed.event_id] and "unparseable" in errors["poison-unparseable"]
    assert faults.recorded(["poison-malformed"]) == set()
    report(record_property, "poison", good_events=len(good), notifications=len(faults.recorded(good)),
           parked=len(parked))
