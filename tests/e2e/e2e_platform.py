"""Starting and stopping `skillfolio up` as a subprocess, and reading the URL and demo logins it prints."""
from __future__ import annotations

import pathlib
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

import httpx

from chassis.messaging.replay import management_api

SKILLFOLIO = pathlib.Path(sys.executable).parent / "skillfolio"
READY = re.compile(r"Skillfolio is ready: (\S+)")
LOGIN = re.compile(r"\|\s+(former teacher|teacher|student|guardian|school admin|district admin)\s+(\S+)\s+(\S+)\s+\((.+)\)\s*$")
START_TIMEOUT = 240


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
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        text = platform.log()
        match = READY.search(text)
        if match:
            platform.url = match.group(1)
            time.sleep(0.2)   # the banner's remaining lines follow the first one
            for line in platform.log().splitlines():
                found = LOGIN.search(line)
                if found:
                    role, username, password, name = found.groups()
                    platform.logins[role] = (username, password, name)
            return
        if platform.process.poll() is not None:
            raise AssertionError(f"`skillfolio up` exited with {platform.process.returncode}:\n{text[-4000:]}")
        time.sleep(0.25)
    raise AssertionError(f"`skillfolio up` not ready after {START_TIMEOUT}s:\n{platform.log()[-4000:]}")


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
                       auth=(api.username, api.password), timeout=10).json()
    depths = {q["name"]: q.get("messages", 0) + q.get("messages_unacknowledged", 0) for q in queues
              if not q["name"].endswith(".unroutable")}
    return {name: depth for name, depth in depths.items() if depth}


def backlog(amqp_url: str) -> int:
    """Messages waiting or in flight for a consumer (see ``waiting``)."""
    return sum(waiting(amqp_url).values())