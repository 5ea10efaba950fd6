"""`skillfolio up` heals itself: a child killed while a client keeps creating artifacts is restarted by the
supervisor (with a log line) while the others keep serving, and the platform serves again without a hand: the
gateway answers /readyz and takes creates again; a restarted events role relays what was written while it was down.

Runs before test_up_shutdown (file order); it leaves every process running again, and idle.
"""
from __future__ import annotations

import os
import re
import signal
import threading
import time

import httpx
import pytest
from e2e_platform import backlog

from chassis.testing import wait_for
from skillfolio_cli.platform import PROCESSES

pytestmark = [pytest.mark.e2e, pytest.mark.integration, pytest.mark.fault]
DEADLINE_S = 120


def _pids(platform) -> dict[str, int]:
    names = "|".join(process.name for process in PROCESSES)
    return {name: int(pid) for name, pid in re.findall(rf"({names})\s+started \(pid=(\d+)\)", platform.log())}


def _eventually(fact, what):
    """``fact()`` once truthy (its value), within the deadline; ``what`` (a text, or a callable giving one) says
    what never happened."""
    return wait_for(fact, DEADLINE_S, what, interval=0.25)


class Writer(threading.Thread):
    """The demo student creating a link artifact about once a second (bounded), recording when each was created."""

    def __init__(self, platform) -> None:
        super().__init__(daemon=True)
        self.platform, self.stop, self.created = platform, threading.Event(), []   # (monotonic time, artifact id)
        self.http = httpx.Client(base_url=platform.url, timeout=10)
        self.student_id, self.skill_ids, self.refused = "", [], []   # refused: (status, body) of failed creates

    def login(self) -> None:
        username, password = self.platform.login("student")
        token = self.http.post("/api/v1/auth/token", data={"username": username, "password": password})
        self.http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        self.student_id = self.http.get("/api/v1/me").json()["id"]
        items = self.http.get(f"/api/v1/students/{self.student_id}/artifacts", params={"page_size": 1}).json()
        self.skill_ids = items["items"][0]["skill_ids"]      # tagged like a seeded artifact

    def create(self, title: str) -> httpx.Response:
        return self.http.post(f"/api/v1/students/{self.student_id}/artifacts", json={
            "title": title, "kind": "link", "link_url": "https://example.org/restart",
            "skill_ids": self.skill_ids})

    def run(self) -> None:
        for attempt in range(600):
            if self.stop.wait(1.0):
                return
            try:
                if not self.student_id:
                    self.login()
                reply = self.create(f"Written under faults {attempt}")
                if reply.status_code == 401:
                    self.student_id = ""          # a new gateway may need a new login
                elif reply.status_code == 201:
                    self.created.append((time.monotonic(), reply.json()["artifact"]["id"]))
                else:
                    self.refused.append((reply.status_code, reply.text[:200]))
            except (httpx.TransportError, KeyError, ValueError):
                self.student_id = ""              # the gateway is down: try again next second

    def created_since(self, moment: float) -> bool:
        return any(at > moment for at, _ in self.created)


def _kill(platform, name: str) -> float:
    before = _pids(platform)
    os.kill(before[name], signal.SIGKILL)
    killed_at = time.monotonic()
    _eventually(lambda: _pids(platform)[name] != before[name], f"{name} restarted")
    after = _pids(platform)
    assert {n: p for n, p in after.items() if n != name} == {n: p for n, p in before.items() if n != name}
    assert re.search(rf"{name} exited \(rc=-9\); restarting it in \d+\.\d+s", platform.log())
    assert platform.process.poll() is None, "the supervisor stopped"
    return killed_at


def test_killed_children_are_restarted_and_the_platform_serves_again(platform):
    writer = Writer(platform)
    writer.start()
    try:
        _eventually(lambda: writer.created_since(0),
                    lambda: f"the writer creates artifacts (refused: {writer.refused[-3:]})")

        killed_at = _kill(platform, "gateway")
        _eventually(lambda: _ready(platform), "the restarted gateway is ready")
        _eventually(lambda: writer.created_since(killed_at),
                    lambda: f"an artifact created through the new gateway (refused: {writer.refused[-3:]})")

        killed_at = _kill(platform, "artifacts-events")
        student = Writer(platform)            # its own client: the writer thread keeps using its one
        student.login()
        written = student.create("Written while its relay was down")
        assert written.status_code == 201, written.text
        artifact_id = written.json()["artifact"]["id"]
        writer.created.append((time.monotonic(), artifact_id))
        # reflections learns the artifact's owner only from the events the restarted artifacts-events relays
        reflect = lambda: student.http.post(f"/api/v1/artifacts/{artifact_id}/reflections",   # noqa: E731
                                            json={"text": "Reflected after the restart"}).status_code == 201
        _eventually(reflect, "the restarted events role relayed the artifact written while it was down")
        assert writer.created_since(killed_at)
    finally:
        writer.stop.set()
        writer.join(timeout=15)
    cleanup = Writer(platform)
    cleanup.login()
    for _, artifact_id in writer.created:     # later tests count the seeded portfolio
        assert cleanup.http.delete(f"/api/v1/artifacts/{artifact_id}").status_code == 204, artifact_id
    _eventually(lambda: backlog(platform.env["SKILLFOLIO_AMQP_URL"]) == 0, "the events of this test consumed")


def _ready(platform) -> bool:
    try:
        return httpx.get(f"{platform.url}/readyz", timeout=5).status_code == 200
    except httpx.TransportError:
        return False
