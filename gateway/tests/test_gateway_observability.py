"""Health, readiness, metrics, and the correlation id: echoed to the caller and carried to the roster."""
from __future__ import annotations

import re

import httpx
import pytest
from gateway_testkit import api_token, bearer
from sqlalchemy import create_engine, text

from chassis.testing.infra import free_port
from gateway.serve import start_metrics
from gateway.settings import GatewaySettings

pytestmark = pytest.mark.integration


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready",
                            "services": {"roster": "serving", "skills": "serving", "artifacts": "serving",
                                         "reflections": "serving", "notifications": "serving", "reporting": "serving"}}


def test_correlation_id_is_echoed_or_minted(client):
    assert client.get("/healthz", headers={"X-Correlation-Id": "req-42.a:b"}).headers["x-correlation-id"] == "req-42.a:b"
    minted = client.get("/healthz").headers["x-correlation-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", minted)
    hostile = client.get("/healthz", headers={"X-Correlation-Id": "<script>" + "x" * 200}).headers["x-correlation-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", hostile)


def test_errors_carry_the_correlation_id(client):
    reply = client.get("/api/v1/me", headers={"X-Correlation-Id": "trace-401"})
    assert reply.json()["correlation_id"] == "trace-401"


def test_correlation_id_and_principal_reach_the_roster(client, district, pg_database_url):
    """The roster's audit log (record of disclosures) names the gateway-signed principal and our correlation id."""
    token = api_token(client, *district.login("tlee"))
    reply = client.get(f"/api/v1/people/{district.ids['amy']}",
                       headers={**bearer(token), "X-Correlation-Id": "trace-amy-1"})
    assert reply.status_code == 200
    engine = create_engine(pg_database_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT actor, actor_roles, subject_id FROM audit_log WHERE correlation_id = :c"),
                            {"c": "trace-amy-1"}).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [(district.ids["teacher"], "teacher", district.ids["amy"])]


def test_metrics_are_served_on_their_own_port_not_the_public_one(client):
    assert client.get("/metrics").status_code == 404
    server = start_metrics(GatewaySettings(host="127.0.0.1", metrics_port=free_port()))
    try:
        reply = httpx.get(f"http://127.0.0.1:{server.port}/metrics")
    finally:
        server.stop()
    assert reply.status_code == 200 and "skillfolio_http_requests_total" in reply.text


def test_metrics_count_requests_by_route_template(client, district):
    token = api_token(client, *district.login("tlee"))
    client.get(f"/api/v1/people/{district.ids['dan']}", headers=bearer(token))
    server = start_metrics(GatewaySettings(host="127.0.0.1", metrics_port=free_port()))
    try:
        metrics = httpx.get(f"http://127.0.0.1:{server.port}/metrics").text
    finally:
        server.stop()
    assert re.search(r'skillfolio_http_requests_total\{method="GET",route="/api/v1/people/\{person_id\}",'
                     r'status="403"\} [1-9]', metrics)
    assert 'skillfolio_http_request_seconds_bucket{le="0.005",method="GET",route="/api/v1/people/{person_id}"}' \
        in metrics
    assert district.ids["dan"] not in metrics   # raw paths (with ids) never become labels
