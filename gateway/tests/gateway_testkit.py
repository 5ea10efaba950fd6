"""Helpers the gateway tests share: log in through the web form (with its CSRF token) or get an API token, and
serve an app over real HTTP (for the CLI's commands)."""
from __future__ import annotations

import contextlib
import datetime as dt
import re
import threading
import time
from collections.abc import Iterator

import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from chassis.testing import wait_for
from chassis.testing.infra import free_port

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    match = CSRF.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


def web_login(client: TestClient, username: str, password: str, next_path: str = "/"):
    """GET the login form (for its CSRF token), then POST it; returns the POST response."""
    form = client.get("/login")
    assert form.status_code == 200
    return client.post("/login", data={"username": username, "password": password, "next": next_path,
                                       "csrf_token": csrf_from(form.text)})


def api_token(client: TestClient, username: str, password: str) -> str:
    reply = client.post("/api/v1/auth/token", data={"username": username, "password": password})
    assert reply.status_code == 200, reply.text
    return reply.json()["access_token"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@contextlib.contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """``app`` serving HTTP on a free loopback port (uvicorn in a thread); its URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: server.started, 30, "the gateway to serve")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)


class FakeClock:
    """A gateway clock (epoch seconds) that moves only when a test advances it; starts at the real time, so the
    services' own clocks (an invitation's expiry) agree with it until it is advanced."""

    def __init__(self, now: float | None = None) -> None:
        self.now = time.time() if now is None else now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class OffsetClock:
    """The real time plus an offset a test advances: shared by a gateway and a service (``utc_now``), so a panel
    link's expiry passes for both at once without sleeping, while time still runs for everything else."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def utc_now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self(), dt.UTC)

    def advance(self, seconds: float) -> None:
        self.offset += seconds
