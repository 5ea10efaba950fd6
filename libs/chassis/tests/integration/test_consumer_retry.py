"""The reliable consumer in a real nameko worker: inbox dedupe, retry with backoff, dead-lettering, correlation."""
import pathlib
import sys
import time

import pytest
from sqlalchemy import select

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[4] / "tests" / "fault"))
from harness import ProbeHarness  # noqa: E402

from chassis.messaging.topology import ATTEMPT_HEADER, ERROR_HEADER  # noqa: E402
from chassis.testing import wait_for  # noqa: E402

pytestmark = pytest.mark.integration


@pytest.fixture
def probe(fresh_pg_database_url, fresh_amqp_url, tmp_path):
    harness = ProbeHarness(fresh_pg_database_url, fresh_amqp_url, tmp_path)
    yield harness
    harness.close()


def test_redelivered_event_is_applied_once(probe):
    worker = probe.start_consumer()
    events = probe.events(20)
    probe.publish(events + events[:10])              # the first ten arrive twice
    probe.wait_for_effects(events)
    wait_for(lambda: worker.events_consumed().total() == 30, 20, "all 30 deliveries settled")
    assert worker.events_consumed() == {"applied": 20, "duplicate": 10}
    assert set(probe.effects().values()) == {1}
    assert sum(probe.deliveries().values()) == 30


def test_failure_is_retried_with_backoff_then_succeeds(probe):
    worker = probe.start_consumer()
    event = probe.events(1, fail_times=2)
    started = time.monotonic()
    probe.publish(event)
    effects = probe.wait_for_effects(event, timeout=20)
    assert effects[event[0].event_id] == 1             # the failed attempts rolled their effect back
    assert probe.deliveries()[event[0].event_id] == 3
    assert time.monotonic() - started >= 0.6           # 200 ms, then 400 ms of backoff
    assert "retrying in 200 ms" in worker.log_text() and "retrying in 400 ms" in worker.log_text()
    assert probe.dead_letters() == []


def test_poison_goes_to_dlq_after_max_attempts_and_the_queue_keeps_flowing(probe):
    probe.start_consumer()
    poison = probe.events(1, poison=True)
    good = probe.events(10)
    probe.publish(poison + good)
    probe.wait_for_effects(good)
    parked = wait_for(probe.dead_letters, 20, "the poison message in the DLQ")
    assert [m.properties["message_id"] for m in parked] == [poison[0].event_id]
    assert parked[0].headers[ATTEMPT_HEADER] == 3
    assert "ValueError: poison event 0" in parked[0].headers[ERROR_HEADER]
    assert probe.deliveries()[poison[0].event_id] == 3
    assert poison[0].event_id not in probe.effects()


def test_malformed_json_goes_straight_to_the_dlq(probe):
    probe.start_consumer()
    from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
    publisher = ConfirmingPublisher(probe.amqp_url)
    publisher.publish_batch("probe_src.events", [OutgoingMessage("thing_happened", b"{not json", "bad-1")])
    publisher.close()
    good = probe.events(3)
    probe.publish(good)
    probe.wait_for_effects(good)
    parked = wait_for(probe.dead_letters, 10, "the malformed message in the DLQ")
    body = parked[0].body
    assert (body if isinstance(body, str) else body.decode()) == "{not json"
    assert "unparseable envelope" in parked[0].headers[ERROR_HEADER]
    assert sum(probe.deliveries().values()) == 3


def test_logs_carry_the_event_correlation_id(probe):
    worker = probe.start_consumer()
    from chassis.messaging.testing import envelope
    event = envelope("probe_src", "thing_happened", {"fail_times": 1}, correlation_id="corr-abc123")
    probe.publish([event])
    probe.wait_for_effects([event], timeout=20)
    lines = [line for line in worker.log_text().splitlines() if "retrying in" in line]
    assert lines and '"correlation_id": "corr-abc123"' in lines[0]


def test_queues_are_durable_quorum_queues_with_a_crash_redelivery_limit(probe):
    from urllib.parse import quote, unquote, urlsplit

    import requests
    from harness import QUEUE

    from chassis.messaging.replay import management_api
    from chassis.messaging.topology import CRASH_REDELIVERY_LIMIT
    probe.start_consumer()
    api = urlsplit(management_api(probe.amqp_url))
    vhost = quote(unquote(urlsplit(probe.amqp_url).path[1:]), safe="")
    queues = {q["name"]: q for q in requests.get(f"http://{api.hostname}:{api.port}{api.path}/queues/{vhost}",
                                                  auth=(api.username, api.password), timeout=10).json()}
    assert set(queues) == {QUEUE, f"{QUEUE}.retry.200", f"{QUEUE}.retry.400", f"{QUEUE}.dlq"}
    assert all(q["durable"] and q["type"] == "quorum" for q in queues.values())
    assert queues[QUEUE]["arguments"]["x-delivery-limit"] == CRASH_REDELIVERY_LIMIT
    assert queues[f"{QUEUE}.retry.400"]["arguments"]["x-message-ttl"] == 400
