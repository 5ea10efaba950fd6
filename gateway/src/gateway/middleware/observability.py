"""ASGI middleware: the correlation id (accepted or minted, echoed, logged, forwarded) and HTTP request metrics."""
from __future__ import annotations

import time

from prometheus_client import Counter, Histogram
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chassis.context import correlation_id_var, new_correlation_id
from chassis.grpc.interceptors import valid_correlation_id

HEADER = "X-Correlation-Id"
HTTP_REQUESTS = Counter("skillfolio_http_requests_total", "HTTP requests the gateway answered",
                        ["method", "route", "status"])
HTTP_LATENCY = Histogram("skillfolio_http_request_seconds", "Gateway HTTP request latency", ["method", "route"],
                         buckets=(0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))


class CorrelationIdMiddleware:
    """Uses a well-formed incoming X-Correlation-Id or mints one, for logs and gRPC calls, and echoes it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = ""
        for key, value in scope["headers"]:
            if key == b"x-correlation-id":
                incoming = value.decode("latin-1")
        correlation_id = incoming if incoming and valid_correlation_id(incoming) else new_correlation_id()
        token = correlation_id_var.set(correlation_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[HEADER] = correlation_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            correlation_id_var.reset(token)


class MetricsMiddleware:
    """Counts requests and observes latency by route template (``/api/v1/people/{person_id}``), not raw path."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [500]

        async def send_recording(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_recording)
        finally:
            route = scope.get("route")
            label = getattr(route, "path", None) or ("/static" if scope["path"].startswith("/static/")
                                                      else "unmatched")
            HTTP_REQUESTS.labels(scope["method"], label, str(status[0])).inc()
            HTTP_LATENCY.labels(scope["method"], label).observe(time.perf_counter() - started)
