"""chassis.metrics.serve_metrics: /metrics over HTTP on the configured port, off at 0, stoppable."""
from __future__ import annotations

import requests

from chassis.metrics import RPC_REQUESTS, serve_metrics
from chassis.testing.infra import free_port


def test_port_zero_leaves_metrics_off():
    assert serve_metrics(0) is None


def test_metrics_are_served_until_stopped():
    RPC_REQUESTS.labels("metrics-test", "Svc/Method", "OK").inc()
    port = free_port()
    server = serve_metrics(port, addr="127.0.0.1")
    try:
        body = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
        assert 'skillfolio_rpc_requests_total{code="OK",method="Svc/Method",service="metrics-test"} 1.0' in body
    finally:
        server.stop()
    again = serve_metrics(port, addr="127.0.0.1")   # the port was released
    again.stop()
