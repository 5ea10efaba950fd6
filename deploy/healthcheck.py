"""Container health check for every Skillfolio role (the image's HEALTHCHECK): probes what PID 1 is running.

`skillfolio run <service> api` -> gRPC health (grpc.health.v1, service ""); `run <service> events` -> its outbox
relay completed a cycle within RELAY_STALE_SECONDS (read from its /metrics); another worker role (`run artifacts
media`) -> its /metrics answers on `<SERVICE>_<ROLE>_METRICS_PORT`; `run gateway` -> /readyz; anything else (e.g.
`migrate`) is a one-shot with nothing to probe.
Pass the same words as arguments to probe a role explicitly: `healthcheck.py run roster api`.
"""
from __future__ import annotations

import pathlib
import sys
import urllib.request

TIMEOUT_SECONDS = 3.0
RELAY_STALE_SECONDS = 60.0      # the relay cycles at least every poll interval (0.5 s), so a minute is stuck
RELAY_CLOCK = "skillfolio_relay_last_cycle_timestamp_seconds"


def pid1_command() -> list[str]:
    """The arguments after `skillfolio` in PID 1's command line (PID 1 is tini, then skillfolio)."""
    raw = pathlib.Path("/proc/1/cmdline").read_bytes().split(b"\0")
    args = [part.decode() for part in raw if part]
    for index, arg in enumerate(args):
        if pathlib.Path(arg).name == "skillfolio":
            return args[index + 1:]
    return []


def probe_grpc(port: int) -> str:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=""),
                                                              timeout=TIMEOUT_SECONDS)
        except grpc.RpcError as exc:
            raise RuntimeError(f"gRPC health on port {port}: {exc.code().name} {exc.details()}") from None
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
    if status != "SERVING":
        raise RuntimeError(f"gRPC health on port {port} is {status}")
    return f"gRPC :{port} SERVING"


def probe_http(url: str) -> str:
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (loopback only)
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
    return f"{url} 200"


def probe_relay(port: int, now: float | None = None) -> str:
    """Healthy when the events role's outbox relay finished a cycle recently (not stuck in failure backoff)."""
    import time

    from prometheus_client.parser import text_string_to_metric_families

    url = f"http://127.0.0.1:{port}/metrics"
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (loopback only)
        text = response.read().decode()
    stamps = [sample.value for family in text_string_to_metric_families(text) if family.name == RELAY_CLOCK
              for sample in family.samples]
    if not stamps:
        raise RuntimeError(f"{url}: the outbox relay has not completed a cycle yet")
    age = (now or time.time()) - max(stamps)
    if age > RELAY_STALE_SECONDS:
        raise RuntimeError(f"{url}: the outbox relay last completed a cycle {age:.0f}s ago")
    return f"{url}: relay cycled {age:.1f}s ago"


def probe(args: list[str]) -> str:
    if len(args) < 2 or args[0] != "run":
        return f"nothing to probe for `skillfolio {' '.join(args)}`"
    service, role = args[1], (args[2] if len(args) > 2 else "api")
    if service == "gateway":
        from gateway.settings import GatewaySettings
        return probe_http(f"http://127.0.0.1:{GatewaySettings().port}/readyz")
    from chassis.config import service_settings
    settings = service_settings(service)
    if role == "api":
        return probe_grpc(settings.grpc_port)
    if role == "events":
        return probe_relay(settings.events_metrics_port)
    return probe_http(f"http://127.0.0.1:{role_metrics_port(service, role)}/metrics")


def role_metrics_port(service: str, role: str) -> int:
    """The /metrics port of an extra worker role: ``<service>.config.<role>_metrics_port()``."""
    import importlib

    return getattr(importlib.import_module(f"{service}.config"), f"{role}_metrics_port")()


def main(argv: list[str]) -> int:
    try:
        print(probe(argv or pid1_command()))
        return 0
    except Exception as exc:  # any failure means unhealthy; say why in `docker inspect`
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
