"""Helpers for messaging tests, fault tests and benchmarks: outbox rows, AMQP peeks, nameko workers as subprocesses."""
from __future__ import annotations

import collections
import json
import os
import pathlib
import signal
import subprocess
import sys

import amqp
import requests
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Engine, MetaData, Table, insert

from chassis.events import Envelope
from chassis.messaging.publisher import open_connection
from chassis.messaging.tables import add_messaging_tables
from chassis.testing import wait_for


def create_messaging_tables(engine: Engine) -> tuple[Table, Table]:
    """outbox + inbox on a scratch database (the chassis has no migration tree of its own)."""
    metadata = MetaData()
    outbox, inbox = add_messaging_tables(metadata)
    metadata.create_all(engine)
    return outbox, inbox


def envelope(producer: str, type_: str, data: dict | None = None, correlation_id: str = "") -> Envelope:
    return Envelope(type=type_, producer=producer, data=data or {}, correlation_id=correlation_id)


def add_to_outbox(engine: Engine, outbox: Table, envelopes: list[Envelope]) -> None:
    with engine.begin() as connection:
        connection.execute(insert(outbox), [{"event_id": e.event_id, "type": e.type, "body": e.to_json()}
                                            for e in envelopes])


amqp_connection = open_connection


def bind_queue(amqp_url: str, queue: str, exchange: str, routing_key: str = "#") -> None:
    with amqp_connection(amqp_url) as connection:
        channel = connection.channel()
        channel.exchange_declare(exchange, "topic", durable=True, auto_delete=False)
        channel.queue_declare(queue, durable=True, auto_delete=False)
        channel.queue_bind(queue, exchange, routing_key)


def drain_queue(amqp_url: str, queue: str) -> list[amqp.Message]:
    """Every message currently in ``queue`` (acked)."""
    out = []
    with amqp_connection(amqp_url) as connection:
        channel = connection.channel()
        while (message := channel.basic_get(queue, no_ack=True)) is not None:
            out.append(message)
    return out


def queue_depth(amqp_url: str, queue: str) -> int:
    with amqp_connection(amqp_url) as connection:
        return connection.channel().queue_declare(queue, passive=True)[1]


# How long a worker may take to start: a bound on a failure, not a wait. A nameko process importing its service while
# a loaded CI machine runs three other test workers and a `skillfolio up` took over 60 s.
START_TIMEOUT = 180.0
# How long SIGTERM may take: the worker's own grace (<SERVICE>_SHUTDOWN_GRACE_SECONDS, 10 s) and then its exit. 15 s
# SIGKILLed a media role on a loaded CI run five seconds after its grace, and the test saw -9 instead of a clean stop.
STOP_TIMEOUT = 60.0


class WorkerProcess:
    """A nameko worker (``python -m chassis.messaging.worker SERVICE MODULE``) in a subprocess, logs to a file."""

    def __init__(self, service: str, module: str, env: dict[str, str], log_path: pathlib.Path,
                 pythonpath: list[str] = ()) -> None:
        self.service, self.module, self.log_path = service, module, log_path
        self.env = {**os.environ, **env}
        if pythonpath:
            self.env["PYTHONPATH"] = os.pathsep.join([*pythonpath, self.env.get("PYTHONPATH", "")])
        self.proc: subprocess.Popen | None = None

    def start(self) -> WorkerProcess:
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "chassis.messaging.worker", self.service, self.module],
                                     env=self.env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        return self

    def wait_ready(self, marker: str = "", timeout: float = START_TIMEOUT) -> None:
        """Until the log shows ``marker`` (default: the container started)."""
        text = marker or "started"
        wait_for(lambda: self.alive() and text in self.log_text(), timeout, f"worker log line {text!r}")

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def alive(self) -> bool:
        if self.proc is None or self.proc.poll() is not None:
            raise AssertionError(f"worker exited: {self.log_text()[-3000:]}")
        return True

    def events_consumed(self) -> collections.Counter:
        """Deliveries this worker's consumers settled so far, by outcome (applied, duplicate, retried,
        dead_lettered), read from its /metrics (``<SERVICE>_EVENTS_METRICS_PORT`` in its environment)."""
        port = self.env[f"{self.service.upper()}_EVENTS_METRICS_PORT"]
        text = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
        settled = collections.Counter()
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == "skillfolio_events_consumed_total":
                    settled[sample.labels["outcome"]] += int(sample.value)
        return settled

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self, timeout: float = STOP_TIMEOUT) -> int:
        """SIGTERM; the exit code (a worker still running after ``timeout`` is killed, and its -9 returned)."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.proc.returncode if self.proc else 0


def json_body(message: amqp.Message) -> dict:
    return json.loads(message.body)
