"""gRPC server bootstrap: a grpcio thread-pool server with health, reflection, /metrics and graceful shutdown.

``start`` returns a running :class:`ServerHandle` (tests, benches); ``serve`` runs one until SIGTERM/SIGINT, then
marks health NOT_SERVING, stops accepting calls, drains in-flight ones for ``shutdown_grace_seconds``, calls
``on_stop`` and exits 0.
"""
from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent import futures
from dataclasses import dataclass, field

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from chassis.config import PlatformSettings, ServiceSettings
from chassis.grpc.admission import Admission
from chassis.grpc.interceptors import ChassisServerInterceptor
from chassis.grpc.principal import PrincipalVerifier
from chassis.metrics import MetricsServer, serve_metrics

log = logging.getLogger("chassis.grpc")

# grpcio sets SO_REUSEPORT by default, so a second server would silently share a busy port; refuse instead.
SERVER_OPTIONS = [
    ("grpc.so_reuseport", 0),                     # a busy port is an error, not a silent second server
    # A Kubernetes Service balances connections, not calls: ageing connections out makes long-lived clients
    # (the gateway) reconnect and spread over newly scaled api pods. In-flight calls get the grace period.
    ("grpc.max_connection_age_ms", 5 * 60 * 1000),
    ("grpc.max_connection_age_grace_ms", 30 * 1000),
]


@dataclass
class ServerHandle:
    """A started server: its bound port, health servicer and the hooks that stop it."""

    service_name: str
    server: grpc.Server
    port: int
    health: health.HealthServicer
    metrics: MetricsServer | None = None
    on_stop: Callable[[], None] | None = None
    _stopped: threading.Event = field(default_factory=threading.Event)

    def stop(self, grace: float | None = None) -> None:
        """NOT_SERVING, refuse new calls, wait up to ``grace`` s for in-flight ones, then run on_stop once."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        self.health.enter_graceful_shutdown()
        self.server.stop(grace).wait()
        if self.metrics is not None:
            self.metrics.stop()
        if self.on_stop is not None:
            self.on_stop()

    def wait(self) -> None:
        self.server.wait_for_termination()


def _verifier(platform: PlatformSettings, needs_principal: bool) -> PrincipalVerifier | None:
    """The principal verifier; a server with non-public services refuses to start without a public key."""
    if not platform.principal_public_key and not needs_principal:
        return None
    return PrincipalVerifier(platform.principal_public_key)


def start(service_name: str, settings: ServiceSettings, register: Callable[[grpc.Server], None],
          service_full_names: Iterable[str], public_methods: Iterable[str] = frozenset(),
          on_stop: Callable[[], None] | None = None, platform: PlatformSettings | None = None,
          metrics: bool = True, admit: Admission | None = None) -> ServerHandle:
    """Build, bind and start the server; ``settings.grpc_port`` 0 binds an ephemeral port (see handle.port);
    ``admit`` refuses inactive accounts (:func:`chassis.grpc.admission.refuse_inactive`)."""
    platform = platform or PlatformSettings()
    service_full_names = list(service_full_names)
    interceptor = ChassisServerInterceptor(service_name, _verifier(platform, bool(service_full_names)),
                                           public_methods, admit)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=settings.grpc_max_workers,
                                                    thread_name_prefix=f"{service_name}-grpc"),
                         interceptors=[interceptor], options=SERVER_OPTIONS)
    register(server)
    health_servicer = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    reflection.enable_server_reflection(
        [*service_full_names, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name, reflection.SERVICE_NAME],
        server)
    address = f"{settings.grpc_host}:{settings.grpc_port}"
    try:
        port = server.add_insecure_port(address)
    except RuntimeError as exc:
        raise RuntimeError(f"{service_name}: cannot bind gRPC address {address}: {exc}") from exc
    server.start()
    for name in ["", *service_full_names]:
        health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    metrics_server = serve_metrics(settings.metrics_port) if metrics else None
    log.info("%s gRPC server listening on %s:%s (metrics port %s)", service_name, settings.grpc_host, port,
             settings.metrics_port or "off")
    return ServerHandle(service_name, server, port, health_servicer, metrics_server, on_stop)


def serve(service_name: str, settings: ServiceSettings, register: Callable[[grpc.Server], None],
          service_full_names: Iterable[str], public_methods: Iterable[str] = frozenset(),
          on_stop: Callable[[], None] | None = None, platform: PlatformSettings | None = None,
          admit: Admission | None = None) -> None:
    """Run the server in this (main) thread until SIGTERM or SIGINT, drain it, and exit 0."""
    stop_requested = threading.Event()

    def request_stop(signum, _frame):
        log.info("%s received %s: draining for up to %.1fs", service_name, signal.Signals(signum).name,
                 settings.shutdown_grace_seconds)
        stop_requested.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)     # installed first: a SIGTERM during startup still drains
    handle = start(service_name, settings, register, service_full_names, public_methods, on_stop, platform,
                   admit=admit)
    while not stop_requested.wait(timeout=1.0):
        pass
    handle.stop(grace=settings.shutdown_grace_seconds)
    log.info("%s stopped", service_name)
    logging.shutdown()
    sys.exit(0)
