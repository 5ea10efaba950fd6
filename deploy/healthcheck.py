"""Container health check for every Skillfolio role (the image's HEALTHCHECK): probes what PID 1 is running.

`skillfolio run <service> api` -> gRPC health (grpc.health.v1, service ""); `run <service> events` -> its
/metrics port; `run gateway` -> /readyz; anything else (e.g. `migrate`) is a one-shot with nothing to probe.
Pass the same words as arguments to probe a role explicitly: `healthcheck.py run roster api`.
"""
from __future__ import annotations

import pathlib
import sys
import urllib.request

TIMEOUT_SECONDS = 3.0


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
    return probe_http(f"http://127.0.0.1:{settings.events_metrics_port}/metrics")


def main(argv: list[str]) -> int:
    try:
        print(probe(argv or pid1_command()))
        return 0
    except Exception as exc:  # any failure means unhealthy; say why in `docker inspect`
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
