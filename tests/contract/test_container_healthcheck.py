"""deploy/healthcheck.py (the image's HEALTHCHECK) reports each role's health truthfully."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from concurrent import futures

import grpc
import pytest
from deploy_layout import ROOT
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from prometheus_client import CollectorRegistry, start_http_server

from chassis.testing.infra import free_port


@pytest.fixture(scope="module")
def healthcheck():
    spec = importlib.util.spec_from_file_location("healthcheck", ROOT / "deploy" / "healthcheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def health_server():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    servicer = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield port, servicer
    server.stop(grace=None)


def test_api_role_is_healthy_only_while_serving(healthcheck, health_server, monkeypatch):
    port, servicer = health_server
    monkeypatch.setenv("ROSTER_GRPC_PORT", str(port))
    servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    assert healthcheck.main(["run", "roster", "api"]) == 0
    servicer.set("", health_pb2.HealthCheckResponse.NOT_SERVING)   # draining after SIGTERM
    assert healthcheck.main(["run", "roster", "api"]) == 1


def test_api_role_is_unhealthy_when_nothing_listens(healthcheck, monkeypatch):
    monkeypatch.setenv("ROSTER_GRPC_PORT", str(free_port()))
    assert healthcheck.main(["run", "roster", "api"]) == 1


def test_events_role_is_healthy_only_while_its_relay_cycles(healthcheck, monkeypatch):
    from prometheus_client import Gauge
    port = free_port()
    monkeypatch.setenv("ROSTER_EVENTS_METRICS_PORT", str(port))
    assert healthcheck.main(["run", "roster", "events"]) == 1                      # nothing listens
    registry = CollectorRegistry()
    server, thread = start_http_server(port, addr="127.0.0.1", registry=registry)
    try:
        assert healthcheck.main(["run", "roster", "events"]) == 1                  # no cycle completed yet
        clock = Gauge(healthcheck.RELAY_CLOCK, "relay clock", ["service"], registry=registry)
        clock.labels("roster").set_to_current_time()
        assert healthcheck.main(["run", "roster", "events"]) == 0
        clock.labels("roster").set(time.time() - healthcheck.RELAY_STALE_SECONDS - 5)  # stuck in backoff
        assert healthcheck.main(["run", "roster", "events"]) == 1
    finally:
        server.shutdown()
        thread.join()


def test_one_shot_commands_have_nothing_to_probe(healthcheck):
    assert healthcheck.main(["migrate"]) == 0


def _probe_in_a_process(words: list[str], env: dict[str, str]) -> int:
    """The exit code of deploy/healthcheck.py run as the container runs it, with ``env`` added."""
    command = [sys.executable, str(ROOT / "deploy" / "healthcheck.py"), *words]
    return subprocess.run(command, env={**os.environ, **env}, capture_output=True, timeout=30).returncode


def test_an_extra_worker_role_is_healthy_only_while_its_metrics_answer():
    port = free_port()
    env = {"ARTIFACTS_MEDIA_METRICS_PORT": str(port)}
    assert _probe_in_a_process(["run", "artifacts", "media"], env) == 1                # nothing listens
    server, thread = start_http_server(port, addr="127.0.0.1", registry=CollectorRegistry())
    try:
        assert _probe_in_a_process(["run", "artifacts", "media"], env) == 0
    finally:
        server.shutdown()
        thread.join()
