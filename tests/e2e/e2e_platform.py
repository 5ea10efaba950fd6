"""Starting and stopping `skillfolio up` as a subprocess, and reading the URL and demo logins it prints."""
from __future__ import annotations

import pathlib
import re
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

import httpx

from chassis.messaging.replay import management_api
from chassis.testing import wait_for

SKILLFOLIO = pathlib.Path(sys.executable).parent / "skillfolio"
READY = re.compile(r"Skillfolio is ready: (\S+)")
BANNER_END = "Press Ctrl-C to stop."   # the banner's last line
LOGIN = re.compile(r"\|\s+(former teacher|teacher|student|guardian|school admin|district admin)\s+(\S+)\s+(\S+)\s+\((.+)\)\s*$")
START_TIMEOUT = 240
SETTLE_TIMEOUT = 300   # the replicas consuming the seeded district's events: a bound on a failure, not a wait


@dataclass
class Platform:
    url: str
    workdir: pathlib.Path
    output: pathlib.Path
    process: subprocess.Popen
    env: dict[str, str]
    logins: dict[str, tuple[str, str, str]] = field(default_factory=dict)   # role -> (username, password, name)

    def login(self, role: str) -> tuple[str, str]:
        username, password, _name = self.logins[role]
        return username, password

    def log(self) -> str:
        return self.output.read_text(errors="replace")


def wait_until_ready(platform: Platform) -> None:
    """Until `up` has printed its whole banner (the URL, the demo logins, then BANNER_END); reads both."""
    def banner() -> str | None:
        text = platform.log()
        if platform.process.poll() is not None:
            raise AssertionError(f"`skillfolio up` exited with {platform.process.returncode}:\n{text[-4000:]}")
        return text if READY.search(text) and BANNER_END in text else None
    text = wait_for(banner, START_TIMEOUT, lambda: f"`skillfolio up` to be ready:\n{platform.log()[-4000:]}",
                    interval=0.25)
    platform.url = READY.search(text).group(1)
    for line in text.splitlines():
        found = LOGIN.search(line)
        if found:
            role, username, password, name = found.groups()
            platform.logins[role] = (username, password, name)


def stop(platform: Platform, timeout: float = 30) -> int:
    """SIGTERM, as a service manager (or Ctrl-C) would; the exit code."""
    if platform.process.poll() is None:
        platform.process.send_signal(signal.SIGTERM)
    return platform.process.wait(timeout=timeout)


def waiting(amqp_url: str) -> dict[str, int]:
    """{queue: messages waiting or in flight} for a consumer in the platform's RabbitMQ vhost (its management API);
    the ``<service>.events.unroutable`` queues keep events no handler consumes, for an operator, and are not work."""
    api = urlsplit(management_api(amqp_url))
    vhost = quote(unquote(urlsplit(amqp_url).path[1:]) or "/", safe="")
    queues = httpx.get(f"{api.scheme}://{api.hostname}:{api.port}{api.path}/queues/{vhost}",
                       auth=(api.username, api.password), timeout=30).json()
    depths = {q["name"]: q.get("messages", 0) + q.get("messages_unacknowledged", 0) for q in queues
              if not q["name"].endswith(".unroutable")}
    return {name: depth for name, depth in depths.items() if depth}


def backlog(amqp_url: str) -> int:
    """Messages waiting or in flight for a consumer (see ``waiting``)."""
    return sum(waiting(amqp_url).values())


def wait_until_settled(platform: Platform) -> None:
    """Until every event `up` produced seeding the demo district is consumed: the replicas know what the roster
    knows, so pages show it without "not available yet". The broker's management API may answer slowly while the
    consumers work through the backlog on a loaded machine: a timed-out poll counts as not yet."""
    amqp_url = platform.env["SKILLFOLIO_AMQP_URL"]

    def still_waiting() -> str:
        try:
            return str(waiting(amqp_url))
        except httpx.TimeoutException as error:
            return f"(the management API did not answer: {error!r})"
    wait_for(lambda: backlog(amqp_url) == 0, SETTLE_TIMEOUT,
             lambda: f"the replicas to catch up with the seeded district: {still_waiting()}", interval=1,
             ignoring=(httpx.TimeoutException,))
