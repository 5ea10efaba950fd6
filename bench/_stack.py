"""Benchmark process plumbing: the real Skillfolio processes (artifacts API, media worker, gateway) and helpers as
subprocesses with their logs under var/bench/, readiness waits, and CPU seconds read from /proc."""
from __future__ import annotations

import os
import pathlib
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field

import httpx

from chassis.testing import wait_for
from chassis.testing.infra import free_port

LOGS = pathlib.Path("var/bench")
CLI = [sys.executable, "-m", "skillfolio_cli.main"]
_TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()


def _children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            found += [int(c) for c in open(f"/proc/{pid}/task/{task}/children").read().split()]
        except FileNotFoundError:
            pass
    return found


def _process_clock(pid: int) -> int:
    """Linux's CPU-time clock id of a whole process (all threads): MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED)."""
    return ((~pid) << 3) | 2


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process (all threads, nanosecond clock), its live descendants and its reaped children
    (those only in clock ticks, from /proc)."""
    try:
        own = time.clock_gettime(_process_clock(pid))
        reaped = sum(int(v) for v in _stat(pid)[13:15]) / _TICK          # cutime cstime
        return own + reaped + sum(cpu_seconds(child) for child in _children(pid))
    except (FileNotFoundError, ProcessLookupError, OSError):
        return 0.0


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen
    port: int = 0

    @property
    def pid(self) -> int:
        return self.popen.pid

    def cpu(self) -> float:
        return cpu_seconds(self.pid)

    def check_alive(self) -> None:
        if self.popen.poll() is not None:
            log = (LOGS / f"{self.name}.log").read_text()[-3000:]
            raise SystemExit(f"{self.name} exited with {self.popen.returncode}:\n{log}")


@dataclass
class Stack:
    """Started processes; ``stop()`` terminates them in reverse order."""

    env: dict = field(default_factory=dict)
    procs: list[Proc] = field(default_factory=list)

    def start(self, name: str, argv: list[str], env: dict | None = None, port: int = 0) -> Proc:
        LOGS.mkdir(parents=True, exist_ok=True)
        log = open(LOGS / f"{name}.log", "wb")
        popen = subprocess.Popen(argv, env={**os.environ, **self.env, **(env or {})}, stdout=log,
                                 stderr=subprocess.STDOUT)
        proc = Proc(name, popen, port)
        self.procs.append(proc)
        if port:
            def listening() -> bool:
                proc.check_alive()
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return True
            wait_for(listening, 60, f"{name} listening on 127.0.0.1:{port}", ignoring=(OSError,))
        return proc

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.popen.poll() is None:
                proc.popen.terminate()
        for proc in reversed(self.procs):
            try:
                proc.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.popen.kill()
                proc.popen.wait()


def platform_env(database_url: str, public_pem: str, private_pem: str) -> dict:
    """What every Skillfolio process of the bench shares."""
    return {"SKILLFOLIO_PRINCIPAL_PUBLIC_KEY": public_pem, "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY": private_pem,
            "SKILLFOLIO_LOG_LEVEL": "WARNING", "SKILLFOLIO_MEDIA_URL_SECRET": secrets.token_urlsafe(32),
            "ARTIFACTS_DATABASE_URL": database_url, "ARTIFACTS_METRICS_PORT": "0",
            "ARTIFACTS_EVENTS_METRICS_PORT": "0", "ARTIFACTS_MEDIA_METRICS_PORT": "0", "PYTHONUNBUFFERED": "1"}


def start_artifacts_api(stack: Stack) -> Proc:
    port = free_port()
    return stack.start("artifacts-api", CLI + ["run", "artifacts", "api"], {"ARTIFACTS_GRPC_PORT": str(port)}, port)


def session_store_env(sessions: pathlib.Path) -> dict[str, str]:
    """The gateway's setting that points it at the bench's SQLite session store (where bearer_token records)."""
    return {"GATEWAY_SESSION_STORE": f"sqlite:///{pathlib.Path(sessions).resolve()}"}


def bearer_token(subject: str, session_secret: str, sessions: pathlib.Path, ttl_seconds: int = 4 * 3600,
                 roles: tuple[str, ...] = ("student",), name: str = "Bench Student") -> str:
    """A bearer token minted by the gateway's own code, for a session recorded in the SQLite store at ``sessions``
    (the one the gateway reads through session_store_env)."""
    from chassis.context import Principal
    from gateway.auth import issue_api_token
    from gateway.sessions.store import SqliteSessionStore
    store = SqliteSessionStore(pathlib.Path(sessions).resolve(), max_lifetime=ttl_seconds)
    try:
        return issue_api_token(Principal(subject, roles, name), session_secret, ttl_seconds,
                               store.create(subject, ttl_seconds))
    finally:
        store.close()


def start_gateway(stack: Stack, artifacts_port: int, session_secret: str, sessions: pathlib.Path) -> Proc:
    port = free_port()
    proc = stack.start("gateway", CLI + ["run", "gateway"], {
        "GATEWAY_PORT": str(port), "GATEWAY_METRICS_PORT": "0", "GATEWAY_SESSION_SECRET": session_secret,
        **session_store_env(sessions),
        "GATEWAY_ARTIFACTS_TARGET": f"127.0.0.1:{artifacts_port}",
        "GATEWAY_ROSTER_TARGET": f"127.0.0.1:{free_port()}", "GATEWAY_SKILLS_TARGET": f"127.0.0.1:{free_port()}"},
        port)
    wait_http(f"http://127.0.0.1:{port}/healthz", proc)
    return proc


def wait_http(url: str, proc: Proc, timeout: float = 30) -> None:
    def answers() -> bool:
        proc.check_alive()
        httpx.get(url, timeout=2)       # any answer will do
        return True
    wait_for(answers, timeout, f"{proc.name} to answer {url}", interval=0.1, ignoring=(httpx.HTTPError,))


def start_s3(stack: Stack) -> dict:
    """moto's S3 server (as the chassis test fixture runs it), its bucket made; the processes' S3 settings."""
    from chassis.config import PlatformSettings
    from chassis.media.s3_store import S3BlobStore
    from chassis.testing.infra import start_moto_server
    endpoint, popen = start_moto_server()
    stack.procs.append(Proc("moto-s3", popen, int(endpoint.endpoint.rsplit(":", 1)[1])))
    env = {"SKILLFOLIO_S3_ENDPOINT": endpoint.endpoint, "SKILLFOLIO_S3_ACCESS_KEY": endpoint.access_key,
           "SKILLFOLIO_S3_SECRET_KEY": endpoint.secret_key}
    S3BlobStore.from_settings(PlatformSettings(s3_endpoint=endpoint.endpoint, s3_access_key=endpoint.access_key,
                                               s3_secret_key=endpoint.secret_key)).ensure_bucket()
    return env


def start_media_roles(stack: Stack, amqp_url: str) -> tuple[Proc, Proc, Proc]:
    """The artifacts API, events and media roles, the media worker's queue declared first (as `skillfolio up` does:
    the relay must never publish to a queue that does not exist yet)."""
    from chassis.config import PlatformSettings
    from skillfolio_cli.queues import declare_topology
    declare_topology(["artifacts.entrypoints.media_worker"], ["artifacts"], PlatformSettings(amqp_url=amqp_url),
                     policies=False)
    api = start_artifacts_api(stack)
    return (api, stack.start("artifacts-events", CLI + ["run", "artifacts", "events"]),
            stack.start("artifacts-media", CLI + ["run", "artifacts", "media"]))
