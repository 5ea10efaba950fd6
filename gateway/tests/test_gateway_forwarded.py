"""X-Forwarded-For is trusted only from configured proxies: the gateway served by uvicorn as `skillfolio run gateway`
serves it (serve.server_config), a client on loopback cannot escape the login throttle by naming another address."""
from __future__ import annotations

import threading
import uuid

import httpx
import pytest
import uvicorn

from chassis.testing.infra import free_port
from gateway.serve import server_config

pytestmark = pytest.mark.integration


@pytest.fixture
def serve_gateway(make_app):
    """Start the gateway under uvicorn with the gateway's own server configuration; yields its base URL."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(**overrides) -> str:
        port = free_port()
        app = make_app(host="127.0.0.1", port=port, **overrides)
        server = uvicorn.Server(server_config(app, app.state.settings))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        servers.append((server, thread))
        for _ in range(200):
            if server.started:
                return f"http://127.0.0.1:{port}"
            thread.join(0.05)
        raise AssertionError("the gateway did not start")

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(10)


def _wrong_logins(base_url: str, username: str, addresses: list[str]) -> list[int]:
    with httpx.Client(base_url=base_url) as http:
        return [http.post("/api/v1/auth/token", data={"username": username, "password": "wrong password"},
                          headers={"X-Forwarded-For": address}).status_code for address in addresses]


def test_by_default_x_forwarded_for_changes_nothing_for_the_throttle(serve_gateway):
    base_url = serve_gateway()                                  # the default GATEWAY_FORWARDED_ALLOW_IPS
    statuses = _wrong_logins(base_url, f"nobody-{uuid.uuid4().hex[:8]}",
                             [f"203.0.113.{n}" for n in range(1, 6)])
    assert statuses == [401, 401, 401, 429, 429]               # the test limit is 3 per minute per user and IP


def test_a_configured_proxy_is_trusted_for_the_client_address(serve_gateway):
    base_url = serve_gateway(forwarded_allow_ips="127.0.0.1")   # the gateway behind a proxy on this machine
    username = f"nobody-{uuid.uuid4().hex[:8]}"
    assert _wrong_logins(base_url, username, ["203.0.113.7"] * 4) == [401, 401, 401, 429]
    assert _wrong_logins(base_url, username, ["203.0.113.8"]) == [401]    # another client behind the proxy
