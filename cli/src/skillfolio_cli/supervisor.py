"""Supervises the platform's processes over honcho's Manager (prefixed output, one process group per child): a child
that exits is restarted with backoff (restarts.py) while the others keep serving; SIGINT/SIGTERM, or a child that
keeps crashing, stops every child (SIGTERM, then SIGKILL after KILL_AFTER seconds).

A watcher thread polls the gateway's /readyz; once it says ready, every child has said something and their output has
settled, the "ready" banner (URL, demo logins) is printed, last, where a person sees it. If readiness never comes,
everything stops and `up` fails.
"""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import queue
import shlex
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from honcho.manager import SIGNALS, Manager
from honcho.printer import Message

from skillfolio_cli.restarts import RestartPolicy

# SIGTERM to SIGKILL. The children drain for their grace (4 s, platform.py) and then exit; honcho's own 5 s left a
# loaded machine one second for an interpreter's exit, and killed roster-events and skills-events mid-exit on CI.
KILL_AFTER = 10.0
SETTLED_SECONDS = 2.0     # the banner waits for this long without a child's line after readiness...
SETTLE_AT_MOST = 60.0     # ...but no longer than this
REFUSED_TO_START = 2      # a role's exit code for a configuration it refuses: restarting cannot help


@dataclass
class ProcessSpec:
    name: str
    args: list[str]                       # arguments of `skillfolio`, e.g. ["run", "roster", "api"]

    def command(self) -> str:
        return "exec " + shlex.join([sys.executable, "-m", "skillfolio_cli.main", *self.args])


@dataclass
class ModuleProcessSpec(ProcessSpec):
    """A helper process of the embedded default that is no service role: ``python -m <module> <args>``."""

    module: str = ""

    def command(self) -> str:
        return "exec " + shlex.join([sys.executable, "-m", self.module, *self.args])


@dataclass
class Readiness:
    url: str                              # e.g. http://127.0.0.1:8000/readyz
    timeout: float = 90.0
    banner: list[str] = field(default_factory=list)
    failed: bool = False
    ready: threading.Event = field(default_factory=threading.Event)


def _ready(url: str) -> bool:
    """The gateway's /readyz says ready: its JSON, not merely a 200. Another server on the port (a metrics endpoint
    answers 200 to any path) once made `up` print its banner while the gateway crash-looped on EADDRINUSE."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:   # noqa: S310 - our own loopback URL
            return response.status == 200 and json.loads(response.read()).get("status") == "ready"
    except (urllib.error.URLError, OSError, ValueError, AttributeError):
        return False


def _watch(readiness: Readiness, stop: threading.Event) -> None:
    deadline = time.monotonic() + readiness.timeout
    while not stop.wait(0.25):
        if _ready(readiness.url):
            readiness.ready.set()
            return
        if time.monotonic() > deadline:
            readiness.failed = True
            os.kill(os.getpid(), signal.SIGTERM)   # the supervisor's handler stops the children gracefully
            return


class Supervisor(Manager):
    """honcho's Manager, except that a child's exit restarts it (per ``policy``) instead of stopping everyone."""

    def __init__(self, policy: RestartPolicy, readiness: Readiness, clock=time.monotonic) -> None:
        super().__init__()
        self.policy, self.readiness, self.clock = policy, readiness, clock
        self.gave_up: str | None = None
        self._restart_at: dict[str, float] = {}
        self._last_line = clock()
        self._spoke: set[str] = set()      # children that have printed something: each is under way
        self._ready_at: float | None = None
        self._bannered = False

    def say(self, text: str) -> None:
        self._printer.write(Message(type="line", data=text + "\n", time=dt.datetime.now(), name="up", colour=None))

    def loop(self) -> None:
        def _terminate(signum, _frame):
            self._system_print(f"{SIGNALS[signum]['name']} received\n")
            if self.returncode is None:
                self.returncode = SIGNALS[signum]["rc"]
            self.terminate()
        signal.signal(signal.SIGTERM, _terminate)
        signal.signal(signal.SIGINT, _terminate)
        self._start()
        stopping_since, killed = None, False
        while True:
            try:
                self._handle(self.events.get(timeout=0.1))
            except queue.Empty:
                pass
            now = self.clock()
            if self._terminating:
                if self._all_stopped():
                    return
                stopping_since = stopping_since or now
                if now - stopping_since > KILL_AFTER and not killed:
                    self.kill()
                    killed = True
                continue
            for name in [n for n, at in self._restart_at.items() if at <= now]:
                del self._restart_at[name]
                self._restart(name)
            self._maybe_banner(now)

    def _handle(self, message: Message) -> None:
        process = self._processes.get(message.name)
        if message.type == "line":
            self._printer.write(message)
            if process is not None:
                self._last_line = self.clock()
                self._spoke.add(message.name)
        elif message.type == "start":
            process["pid"] = message.data["pid"]
            self._system_print(f"{message.name} started (pid={message.data['pid']})\n")
            if self._terminating:     # restarted just as we began stopping
                self._procmgr.terminate(process["pid"])
        elif message.type == "stop":
            process["returncode"] = rc = message.data["returncode"]
            self._system_print(f"{message.name} stopped (rc={rc})\n")
            if not self._terminating:
                self._crashed(message.name, rc)

    def _crashed(self, name: str, rc: int) -> None:
        decision = self.policy.on_exit(name, self.clock())
        if rc == REFUSED_TO_START or decision.give_up:
            why = ("refused to start (see its message above)" if rc == REFUSED_TO_START else
                   f"exited {decision.crashes} times within {self.policy.window:.0f}s (last rc={rc})")
            self.gave_up = f"{name} {why}: giving up; stopping every process"
            self.say(self.gave_up)
            self.terminate()
            return
        self.say(f"{name} exited (rc={rc}); restarting it in {decision.delay:.1f}s "
                 f"(crash {decision.crashes} of {self.policy.max_crashes} allowed within {self.policy.window:.0f}s)")
        self._restart_at[name] = self.clock() + decision.delay

    def _restart(self, name: str) -> None:
        process = self._processes[name]
        process.pop("pid", None)
        process.pop("returncode", None)
        self._system_print(f"restarting {name}\n")
        process["process"] = multiprocessing.Process(name=name, target=process["obj"].run, args=(self.events, True))
        process["process"].start()

    def _killall(self, force: bool = False) -> None:
        self._restart_at.clear()
        for name, process in self._processes.items():
            if "returncode" not in process and "pid" in process:   # a restart not yet started is stopped on start
                signame = "SIGKILL" if force else "SIGTERM"
                self._system_print(f"sending {signame} to {name} (pid {process['pid']})\n")
                (self._procmgr.kill if force else self._procmgr.terminate)(process["pid"])

    def _all_stopped(self) -> bool:
        return all("returncode" in process for process in self._processes.values())

    def _maybe_banner(self, now: float) -> None:
        if self._bannered or not self.readiness.ready.is_set():
            return
        self._ready_at = self._ready_at or now
        settled = len(self._spoke) == len(self._processes) and now - self._last_line >= SETTLED_SECONDS
        if settled or now - self._ready_at >= SETTLE_AT_MOST:
            self._bannered = True
            for line in self.readiness.banner:
                self.say(line)


def run(processes: list[ProcessSpec], env: dict[str, str], readiness: Readiness, cwd: str | None = None,
        policy: RestartPolicy | None = None) -> int:
    """Start every process, print the banner when ready, block until they have all stopped; the exit code."""
    supervisor = Supervisor(policy or RestartPolicy(), readiness)
    for spec in processes:
        supervisor.add_process(spec.name, spec.command(), env=env, cwd=cwd)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(readiness, stop), name="readiness", daemon=True)
    watcher.start()
    try:
        supervisor.loop()
    finally:
        stop.set()
    if readiness.failed:
        supervisor.say(f"not ready after {readiness.timeout:.0f}s ({readiness.url}); stopped")
        return 1
    if supervisor.gave_up:
        supervisor.say(supervisor.gave_up)   # again, last, so it is what a person sees
        return 1
    return 0
