"""Gateway test fixtures: a REAL roster gRPC server (in-process, ephemeral port) over a fresh, migrated and seeded
PostgreSQL database, and a gateway app (FastAPI TestClient) pointed at it with a per-run key pair and secret."""
from __future__ import annotations

import secrets
from typing import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from chassis.config import PlatformSettings, service_settings
from chassis.db import make_engine
from chassis.grpc.principal import generate_keypair
from chassis.migrations import upgrade

from gateway.app import create_app
from roster.bootstrap import build
from roster.entrypoints import grpc_api
from roster.migrations import MIGRATIONS_DIR
from gateway.settings import GatewaySettings
import gateway_district as district_module


@pytest.fixture(scope="session")
def keys() -> tuple[str, str]:
    return generate_keypair()


@pytest.fixture(scope="session")
def district(pg_database_url) -> district_module.District:
    upgrade(MIGRATIONS_DIR, pg_database_url)
    engine = make_engine(pg_database_url)
    try:
        return district_module.seed(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def roster_target(pg_database_url, district, keys) -> Iterator[str]:
    """host:port of a running roster gRPC API that verifies principals with the session's public key."""
    settings = service_settings("roster", database_url=pg_database_url, grpc_host="127.0.0.1", grpc_port=0,
                                metrics_port=0)
    app = build(settings, district_module.FAST_ARGON2)
    handle = grpc_api.start(settings, app=app, platform=PlatformSettings(principal_public_key=keys[1]), metrics=False)
    yield f"127.0.0.1:{handle.port}"
    handle.stop(grace=1)
    app.close()


@pytest.fixture
def make_client(roster_target, keys) -> Iterator[Callable[..., TestClient]]:
    """Build a started gateway (lifespan run) with settings overrides; each gets a fresh login throttle."""
    clients: list[TestClient] = []

    def build(**overrides) -> TestClient:
        values = {"session_secret": secrets.token_urlsafe(40), "roster_target": roster_target,
                  "login_rate_limit": "3 per 1 minute", **overrides}
        app = create_app(GatewaySettings(**values), PlatformSettings(principal_private_key=keys[0]))
        client = TestClient(app, follow_redirects=False)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()
