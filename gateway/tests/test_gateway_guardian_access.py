"""Rights at 18 through the REST API and the web page, with a roster of its own: Amy turned 18 today, the roster's
rule ended her guardian's access; she reads her guardians' access and grants it again (over /api/v1, then ends and
allows it from /students/{id}/guardian-access), and her guardian is refused."""
from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator

import gateway_district
import pytest
from fastapi.testclient import TestClient
from gateway_testkit import api_token, bearer, csrf_from, web_login
from sqlalchemy import update

from chassis.config import service_settings
from chassis.db import make_engine
from gateway.app import create_app
from gateway.settings import GatewaySettings
from roster.adapters import orm
from roster.bootstrap import build as build_roster
from roster.entrypoints import grpc_api as roster_grpc
from roster.migrations import MIGRATIONS_DIR as ROSTER_MIGRATIONS

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def stack(session_database, skills_target, gateway_platform, platform) -> Iterator[tuple[TestClient, object]]:
    url = session_database(ROSTER_MIGRATIONS)
    engine = make_engine(url)
    try:
        district = gateway_district.seed(engine)
        today = dt.date.today()
        with engine.begin() as conn:
            born = dt.date(today.year - 18, today.month, min(today.day, 28) if today.month == 2 else today.day)
            conn.execute(update(orm.people).where(orm.people.c.id == district.ids["amy"]).values(birth_date=born))
    finally:
        engine.dispose()
    settings = service_settings("roster", database_url=url, grpc_host="127.0.0.1", grpc_port=0, metrics_port=0)
    app = build_roster(settings, gateway_district.FAST_ARGON2)
    assert app.rights.apply_due().passed == 1
    roster = roster_grpc.start(settings, app=app, platform=platform, metrics=False)
    gateway = GatewaySettings(session_secret=secrets.token_urlsafe(40), roster_target=f"127.0.0.1:{roster.port}",
                              skills_target=skills_target, login_rate_limit="1000 per 1 minute")
    with TestClient(create_app(gateway, gateway_platform), follow_redirects=False) as client:
        yield client, district
    roster.stop(grace=1)
    app.close()


def test_the_adult_student_grants_her_guardian_access_again_over_the_api(stack):
    client, district = stack
    amy, guardian = district.ids["amy"], district.ids["guardian"]
    as_amy = bearer(api_token(client, "aadams", district.passwords["aadams"]))
    listed = client.get(f"/api/v1/students/{amy}/guardian-access", headers=as_amy)
    assert listed.status_code == 200, listed.text
    assert listed.json()["rights_passed_on"] == dt.date.today().isoformat()
    assert {g["guardian_id"]: g["granted"] for g in listed.json()["guardians"]} == {guardian: False}

    granted = client.put(f"/api/v1/students/{amy}/guardian-access/{guardian}", json={"granted": True}, headers=as_amy)
    assert granted.status_code == 200 and granted.json()["granted"] is True
    assert client.put(f"/api/v1/students/{amy}/guardian-access/{guardian}", json={"granted": "maybe"},
                      headers=as_amy).status_code == 422

    as_guardian = bearer(api_token(client, "gadams", district.passwords["gadams"]))
    assert client.get(f"/api/v1/students/{amy}/guardian-access", headers=as_guardian).status_code == 403
    assert client.get(f"/api/v1/people/{amy}", headers=as_guardian).status_code == 200   # access granted again


def test_the_adult_student_ends_and_allows_access_from_her_page(stack):
    client, district = stack
    amy, guardian = district.ids["amy"], district.ids["guardian"]
    client.cookies.clear()
    assert web_login(client, "aadams", district.passwords["aadams"]).status_code == 303
    home = client.get("/")
    assert f'href="/students/{amy}/guardian-access"' in home.text
    page = client.get(f"/students/{amy}/guardian-access")
    assert page.status_code == 200 and "Who sees my record" in page.text and "passed to you on" in page.text
    for choice, shown in (("end", "Allow access"), ("allow", "End access")):
        posted = client.post(f"/students/{amy}/guardian-access/{guardian}",
                             data={"choice": choice, "csrf_token": csrf_from(page.text)})
        assert posted.status_code == 303 and posted.headers["location"].endswith(f"?done={choice}")
        page = client.get(posted.headers["location"])
        assert page.status_code == 200 and shown in page.text and 'role="status"' in page.text
    client.cookies.clear()
