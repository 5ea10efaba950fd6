"""`skillfolio run roster events` for real: a nameko worker relaying roster's outbox, /metrics, JSON logs, SIGTERM."""
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass

import pytest
import requests

from chassis.db import make_engine, make_session_factory
from chassis.events import DomainEvent
from chassis.messaging.testing import bind_queue, drain_queue
from chassis.migrations import upgrade
from chassis.testing import infra, wait_for
from chassis.uow import UnitOfWork

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class ProbeHappened(DomainEvent):
    n: int


def test_roster_events_role_relays_exposes_metrics_and_stops_on_sigterm(fresh_pg_database_url, fresh_amqp_url,
                                                                        tmp_path):
    import roster.migrations
    from roster.adapters.orm import outbox
    upgrade(roster.migrations.MIGRATIONS_DIR, fresh_pg_database_url)
    bind_queue(fresh_amqp_url, "tap", "roster.events")
    port = infra.free_port()
    env = {**os.environ, "ROSTER_DATABASE_URL": fresh_pg_database_url, "SKILLFOLIO_AMQP_URL": fresh_amqp_url,
           "ROSTER_EVENTS_METRICS_PORT": str(port)}
    skillfolio = os.path.join(os.path.dirname(sys.executable), "skillfolio")
    log_path = tmp_path / "worker.log"
    with open(log_path, "wb") as log:
        worker = subprocess.Popen([skillfolio, "run", "roster", "events"], env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: "outbox relay for roster started" in log_path.read_text(), 180, "the relay")   # a bound: a loaded CI start-up took over 60 s
        engine = make_engine(fresh_pg_database_url, pool_size=1)
        uow = UnitOfWork(make_session_factory(engine), outbox, "roster")
        with uow:
            uow.raise_events([ProbeHappened(1), ProbeHappened(2)])
            uow.commit()
        engine.dispose()
        received = []
        wait_for(lambda: received.extend(drain_queue(fresh_amqp_url, "tap")) or len(received) == 2, 10)
        assert {json.loads(m.body)["data"]["n"] for m in received} == {1, 2}
        assert all(m.delivery_info["routing_key"] == "probe_happened" for m in received)
        # The relay counts a batch once it has marked it sent, which is after the broker confirmed (and may have
        # delivered) it: the tap can see both events a moment before the counter does.
        published = 'skillfolio_events_published_total{service="roster",type="probe_happened"} 2.0'
        wait_for(lambda: published in requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text, 10,
                 "the published counter")
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
    text = log_path.read_text()
    assert "Eventlet is deprecated" not in text
    lines = [line for line in text.splitlines() if line.strip()]
    assert all(json.loads(line)["service"] == "roster-events" for line in lines), lines
    assert "outbox relay for roster stopped" in text
