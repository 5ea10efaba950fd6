"""Runs the platform's processes under honcho's Manager: prefixed output, and when one child exits or we get
SIGINT/SIGTERM, every child gets SIGTERM (process group), then SIGKILL after honcho's 5 s wait.

A watcher thread polls the gateway's /readyz and, once it answers 200, prints the "ready" banner through the
same printer; if readiness never comes it stops everything and the command fails.
"""
from __future__ import annotations

import datetime as dt
import os
import shlex
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from honcho.manager import Manager
from honcho.printer import Message


@dataclass
class ProcessSpec:
    name: str
    args: list[str]                       # arguments of `skillfolio`, e.g. ["run", "roster", "api"]

    def command(self) -> str:
        return "exec " + shlex.join([sys.executable, "-m", "skillfolio_cli.main", *self.args])


@dataclass
class Readiness:
    url: str                              # e.g. http://127.0.0.1:8000/readyz
    timeout: float = 90.0
    banner: list[str] = field(default_factory=list)
    failed: bool = False


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:   # noqa: S310 - our own loopback URL
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _say(manager: Manager, text: str) -> None:
    manager.events.put(Message(type="line", data=text + "\n", time=dt.datetime.now(), name="up", colour=None))


def _watch(manager: Manager, readiness: Readiness, stop: threading.Event) -> None:
    deadline = time.monotonic() + readiness.timeout
    while not stop.wait(0.25):
        if _ready(readiness.url):
            for line in readiness.banner:
                _say(manager, line)
            return
        if time.monotonic() > deadline:
            readiness.failed = True
            _say(manager, f"not ready after {readiness.timeout:.0f}s ({readiness.url}); stopping")
            os.kill(os.getpid(), signal.SIGTERM)   # honcho's handler stops the children gracefully
            return


def run(processes: list[ProcessSpec], env: dict[str, str], readiness: Readiness, cwd: str | None = None) -> int:
    """Start every process, print the banner when ready, block until they have all stopped; the exit code."""
    manager = Manager()
    for spec in processes:
        manager.add_process(spec.name, spec.command(), env=env, cwd=cwd)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(manager, readiness, stop), name="readiness", daemon=True)
    watcher.start()
    try:
        manager.loop()
    finally:
        stop.set()
    if readiness.failed:
        return 1
    return 0 if manager.returncode in (0, 130, 143, -signal.SIGTERM) else manager.returncode
