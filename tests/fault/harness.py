"""Drives the probe services (tests/fault/probe_*.py) as real subprocesses against a fresh database and vhost."""
from __future__ import annotations

import collections
import pathlib

import amqp
import probe_service
from sqlalchemy import func, select

from chassis.db import make_engine
from chassis.events import Envelope
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
from chassis.messaging.testing import WorkerProcess, add_to_outbox, amqp_connection, envelope
from chassis.messaging.topology import dlq_name, handler_queue_name
from chassis.testing import wait_for
from chassis.testing.infra import free_port

HERE = pathlib.Path(__file__).parent
QUEUE = handler_queue_name("probe_src", "thing_happened", "probe", "handle")


class ProbeHarness:
    def __init__(self, database_url: str, amqp_url: str, tmp_path: pathlib.Path, **env: str) -> None:
        self.amqp_url, self.tmp_path = amqp_url, tmp_path
        self.engine = make_engine(database_url, pool_size=2)
        probe_service.metadata.create_all(self.engine)      # consumer tables and probe_src's outbox, one scratch db
        self.env = {"SKILLFOLIO_AMQP_URL": amqp_url, "PROBE_DATABASE_URL": database_url,
                    "PROBE_SRC_DATABASE_URL": database_url, "FAULT_MARKER_DIR": str(tmp_path),
                    "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200,400", "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "3",
                    "PROBE_SRC_RELAY_POLL_SECONDS": "0.2", **env}
        self.workers: list[WorkerProcess] = []
        self._count = 0

    def _worker(self, service: str, module: str, **env: str) -> WorkerProcess:
        self._count += 1
        worker = WorkerProcess(service, module, {**self.env, **env}, self.tmp_path / f"{service}-{self._count}.log",
                               pythonpath=[str(HERE)])
        self.workers.append(worker.start())
        return worker

    def start_consumer(self, **env: str) -> WorkerProcess:
        worker = self._worker("probe", "probe_service", PROBE_EVENTS_METRICS_PORT=str(free_port()), **env)
        # A nameko process starting under a loaded CI machine can take a while (a CI run saw one alive but not yet
        # attached, nothing logged, after 60 s while the shared `skillfolio up` seeded its demo district); the bound
        # only limits a failure. Say what it logged if it never attaches.
        wait_for(lambda: worker.alive() and self.consumers() >= 1, 180,
                 lambda: f"the probe consumer (alive: {worker.alive()}; its log ends: {worker.log_text()[-1500:]!r})")
        return worker

    def start_relay(self, **env: str) -> WorkerProcess:
        worker = self._worker("probe_src", "probe_relay_service", **env)
        worker.wait_ready("outbox relay for probe_src started")
        return worker

    def consumers(self) -> int:
        try:
            with amqp_connection(self.amqp_url) as connection:
                return connection.channel().queue_declare(QUEUE, passive=True)[2]
        except amqp.exceptions.NotFound:
            return 0

    def events(self, count: int, **data) -> list[Envelope]:
        return [envelope("probe_src", "thing_happened", {"n": i, **data}) for i in range(count)]

    def publish(self, envelopes: list[Envelope]) -> None:
        publisher = ConfirmingPublisher(self.amqp_url)
        publisher.publish_batch("probe_src.events", [OutgoingMessage(e.type, e.to_json().encode(), e.event_id)
                                                     for e in envelopes])
        publisher.close()

    def add_to_outbox(self, envelopes: list[Envelope]) -> None:
        add_to_outbox(self.engine, probe_service.outbox, envelopes)

    def _count_by_event(self, table) -> collections.Counter:
        with self.engine.connect() as connection:
            rows = connection.execute(select(table.c.event_id, func.count()).group_by(table.c.event_id)).all()
        return collections.Counter({event_id: count for event_id, count in rows})

    def effects(self) -> collections.Counter:
        return self._count_by_event(probe_service.effects)

    def deliveries(self) -> collections.Counter:
        return self._count_by_event(probe_service.deliveries)

    def wait_for_effects(self, envelopes: list[Envelope], timeout: float = 60.0) -> collections.Counter:
        wanted = {e.event_id for e in envelopes}
        wait_for(lambda: wanted <= set(self.effects()), timeout, f"effects of {len(wanted)} events")
        return self.effects()

    def dead_letters(self) -> list[amqp.Message]:
        from chassis.messaging.testing import drain_queue
        return drain_queue(self.amqp_url, dlq_name(QUEUE))

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.engine.dispose()
