"""Provisioning of isolated test infrastructure: a fresh database, a fresh vhost, an S3 endpoint.

Defaults match this machine's services and can be overridden with ``TEST_PG_URL``, ``TEST_AMQP_URL``,
and ``TEST_RABBIT_API``. ``SKILLFOLIO_TEST_CONTAINERS=1`` (or a reachable Docker engine
with ``auto``) starts PostgreSQL, RabbitMQ and MinIO through testcontainers instead.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from chassis.testing.ports import free_port  # noqa: F401  (tests import it from here)
from chassis.testing.waiting import wait_for

PG_ADMIN_URL = os.environ.get("TEST_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
AMQP_URL = os.environ.get("TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")
RABBIT_API = os.environ.get("TEST_RABBIT_API", "http://guest:guest@127.0.0.1:15672/api")


def unique_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


def create_database(admin_url: str = PG_ADMIN_URL, prefix: str = "sftest", template: str = "") -> str:
    """Create a database (empty, or a copy of the database ``template`` names) and return its URL."""
    name = unique_name(prefix)
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str, admin_url: str = PG_ADMIN_URL) -> None:
    name = make_url(url).database
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def _api(path: str) -> tuple[str, tuple[str, str]]:
    parts = urlsplit(RABBIT_API)
    base = urlunsplit((parts.scheme, f"{parts.hostname}:{parts.port}", parts.path, "", ""))
    return f"{base}{path}", (parts.username or "guest", parts.password or "guest")


def create_vhost(amqp_url: str = AMQP_URL, prefix: str = "sftest") -> str:
    """Create a vhost (management HTTP API), grant the URL's user on it, and return an AMQP URL for it."""
    vhost = unique_name(prefix)
    user = urlsplit(amqp_url).username or "guest"
    url, auth = _api(f"/vhosts/{quote(vhost, safe='')}")
    requests.put(url, auth=auth, timeout=10).raise_for_status()
    url, auth = _api(f"/permissions/{quote(vhost, safe='')}/{quote(user, safe='')}")
    requests.put(url, auth=auth, json={"configure": ".*", "write": ".*", "read": ".*"}, timeout=10).raise_for_status()
    parts = urlsplit(amqp_url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + quote(vhost, safe=""), "", ""))


def delete_vhost(vhost_url: str) -> None:
    vhost = urlsplit(vhost_url).path.lstrip("/")
    url, auth = _api(f"/vhosts/{vhost}")
    requests.delete(url, auth=auth, timeout=10)


def wait_for_port(host: str, port: int, timeout: float = 60.0) -> None:   # moto imports slowly on a busy machine
    def listening() -> bool:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    wait_for(listening, timeout, f"something listening on {host}:{port}", ignoring=(OSError,))


@dataclass
class S3Endpoint:
    endpoint: str        # host:port
    access_key: str
    secret_key: str
    secure: bool = False
    kind: str = "moto"   # moto | minio


def start_moto_server() -> tuple[S3Endpoint, subprocess.Popen]:
    """moto's S3 server mode in a subprocess on a free loopback port (MinIO cannot be installed here)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port("127.0.0.1", port)
    except BaseException:
        proc.kill()           # a server that never answered must not outlive the session that gave up on it
        proc.wait()
        raise
    return S3Endpoint(f"127.0.0.1:{port}", "testing", "testing"), proc


def docker_available() -> bool:
    mode = os.environ.get("SKILLFOLIO_TEST_CONTAINERS", "auto")
    if mode in ("0", "false", "no"):
        return False
    try:
        import docker
        docker.from_env(timeout=2).ping()
        return True
    except Exception:
        if mode in ("1", "true", "yes"):
            raise
        return False
