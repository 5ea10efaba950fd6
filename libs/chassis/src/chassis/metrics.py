"""Prometheus metrics every process exposes on its own /metrics port; defined once here, used by the chassis."""
from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

RPC_REQUESTS = Counter("skillfolio_rpc_requests_total", "gRPC calls handled", ["service", "method", "code"])
RPC_LATENCY = Histogram("skillfolio_rpc_latency_seconds", "gRPC handler latency", ["service", "method"],
                        buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
EVENTS_PUBLISHED = Counter("skillfolio_events_published_total", "Events the outbox relay published",
                           ["service", "type"])
EVENTS_CONSUMED = Counter("skillfolio_events_consumed_total", "Events a consumer handled",
                          ["service", "handler", "outcome"])  # outcome: applied | duplicate | retried | dead_lettered
EVENTS_FAILED = Counter("skillfolio_events_failed_total", "Handler failures (each failed attempt)",
                        ["service", "handler"])
EVENT_BATCH_SIZE = Histogram("skillfolio_event_batch_size", "Events applied together in one transaction by a batch "
                             "consumer (chassis.messaging.batching)", ["service"],
                             buckets=(1, 5, 10, 25, 50, 100, 250, 500))
OUTBOX_LAG = Gauge("skillfolio_outbox_lag_seconds", "Age of the oldest unsent outbox event", ["service"])
OUTBOX_PENDING = Gauge("skillfolio_outbox_pending", "Unsent outbox events", ["service"])
RELAY_LAST_CYCLE = Gauge("skillfolio_relay_last_cycle_timestamp_seconds",
                         "Unix time the outbox relay last completed a cycle (the events role's liveness signal)",
                         ["service"])


def serve_metrics(port: int, addr: str = "0.0.0.0") -> MetricsServer | None:
    """Expose /metrics over HTTP on ``port`` (0 disables it); the returned handle stops it on shutdown."""
    if not port:
        return None
    httpd, thread = start_http_server(port, addr=addr)
    return MetricsServer(httpd, thread)


class MetricsServer:
    """A running /metrics HTTP server (prometheus_client's WSGI server in a daemon thread)."""

    def __init__(self, httpd, thread) -> None:
        self._httpd, self._thread = httpd, thread

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
