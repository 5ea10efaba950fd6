"""The /api/v1 REST API against a real roster: bearer tokens, forwarding, pagination and the error mapping."""
from __future__ import annotations

import uuid

import pytest
from gateway_testkit import api_token, bearer

from chassis.context import Principal
from gateway.auth import issue_api_token

pytestmark = pytest.mark.integration


def test_token_then_me(client, district):
    reply = client.post("/api/v1/auth/token", data={"username": "tlee", "password": district.passwords["tlee"]})
    assert reply.status_code == 200
    body = reply.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 3600
    me = client.get("/api/v1/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["id"] == district.ids["teacher"] and me.json()["roles"] == ["teacher"]


def test_wrong_password_is_401(client):
    reply = client.post("/api/v1/auth/token", data={"username": "tlee", "password": "wrong-password-1"})
    assert reply.status_code == 401 and reply.json()["error"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic eDp5"}])
def test_missing_or_bad_bearer_is_401(client, headers):
    reply = client.get("/api/v1/me", headers=headers)
    assert reply.status_code == 401
    assert reply.headers["www-authenticate"] == "Bearer"
    assert reply.json()["error"]["code"] == "UNAUTHENTICATED"


def test_expired_or_foreign_tokens_are_401(client, district):
    secret = client.app.state.settings.session_secret
    sessions = client.app.state.sessions
    expired = issue_api_token(Principal(district.ids["teacher"], ("teacher",)), secret, ttl_seconds=-60,
                              session_id=sessions.create(district.ids["teacher"], 60))
    reply = client.get("/api/v1/me", headers=bearer(expired))
    assert reply.status_code == 401 and "expired" in reply.json()["error"]["message"]
    forged = issue_api_token(Principal(district.ids["district_admin"], ("district_admin",)), "x" * 40, 60,
                             sessions.create(district.ids["district_admin"], 60))
    assert client.get("/api/v1/me", headers=bearer(forged)).status_code == 401


def test_roster_refusal_is_403(client, district):
    token = api_token(client, *district.login("tlee"))
    reply = client.get(f"/api/v1/people/{district.ids['dan']}", headers=bearer(token))
    assert reply.status_code == 403
    assert reply.json()["error"]["code"] == "PERMISSION_DENIED" and reply.json()["error"]["message"]


def test_unknown_record_is_404(client, district):
    token = api_token(client, *district.login("ddunn"))
    reply = client.get(f"/api/v1/people/{uuid.uuid4()}", headers=bearer(token))
    assert reply.status_code == 404 and reply.json()["error"]["code"] == "NOT_FOUND"


def test_invalid_parameters_are_422_with_the_field_named(client, district):
    token = api_token(client, *district.login("ddunn"))
    too_big = client.get("/api/v1/schools?page_size=5000", headers=bearer(token))
    assert too_big.status_code == 422
    assert too_big.json()["error"]["problems"][0]["field"] == "query.page_size"
    bad_token = client.get("/api/v1/schools?page_token=garbage", headers=bearer(token))   # judged by the roster
    assert bad_token.status_code == 422 and bad_token.json()["error"]["code"] == "INVALID_ARGUMENT"
    assert bad_token.json()["error"]["problems"][0]["field"] == "page.page_token"


def test_teacher_students_grouped_by_section(client, district):
    token = api_token(client, *district.login("tlee"))
    reply = client.get(f"/api/v1/teachers/{district.ids['teacher']}/students", headers=bearer(token))
    assert reply.status_code == 200
    groups = reply.json()["items"]
    assert [g["section"]["title"] for g in groups] == ["Math 5A"]
    assert [s["given_name"] for s in groups[0]["students"]] == ["Amy", "Ben"]
    other = client.get(f"/api/v1/teachers/{district.ids['other_teacher']}/students", headers=bearer(token))
    assert other.status_code == 403


def test_guardians_and_children(client, district):
    guardian = api_token(client, *district.login("gadams"))
    children = client.get(f"/api/v1/people/{district.ids['guardian']}/children", headers=bearer(guardian)).json()
    assert [c["id"] for c in children["items"]] == [district.ids["amy"]]
    teacher = api_token(client, *district.login("tlee"))
    guardians = client.get(f"/api/v1/people/{district.ids['amy']}/guardians", headers=bearer(teacher)).json()
    assert [g["id"] for g in guardians["items"]] == [district.ids["guardian"]]


def test_lists_are_paginated_like_the_grpc_api(client, district):
    token = api_token(client, *district.login("ddunn"))
    seen, page_token, pages = [], "", 0
    while True:
        reply = client.get("/api/v1/people", params={"page_size": 2, "page_token": page_token, "role": "student"},
                           headers=bearer(token))
        assert reply.status_code == 200
        body = reply.json()
        seen += [p["id"] for p in body["items"]]
        pages += 1
        page_token = body["next_page_token"]
        if not page_token:
            break
    assert pages >= 2 and len(seen) == len(set(seen)) == 4
    years = client.get("/api/v1/school-years", headers=bearer(token)).json()["items"]
    assert [y["id"] for y in years] == [district.ids["year"]]
    sections = client.get("/api/v1/sections", params={"teacher_id": district.ids["teacher"]},
                          headers=bearer(token)).json()["items"]
    assert sorted(s["title"] for s in sections) == ["Art 5 (fall)", "Math 5A"]


def test_unreachable_roster_is_503(make_client, district):
    from chassis.testing.infra import free_port
    client = make_client(roster_target=f"127.0.0.1:{free_port()}", grpc_timeout_seconds=1)
    reply = client.post("/api/v1/auth/token", data={"username": "tlee", "password": "whatever-it-is"})
    assert reply.status_code == 503 and reply.json()["error"]["code"] == "UNAVAILABLE"
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["services"] == {"roster": "unavailable", "skills": "serving", "artifacts": "serving",
                                        "reflections": "serving", "notifications": "serving", "reporting": "serving"}


def test_openapi_lists_the_routes(client):
    spec = client.get("/openapi.json").json()
    expected = {"/api/v1/auth/token", "/api/v1/me", "/api/v1/schools", "/api/v1/schools/{school_id}",
                "/api/v1/school-years", "/api/v1/people", "/api/v1/people/{person_id}",
                "/api/v1/people/{student_id}/guardians", "/api/v1/people/{guardian_id}/children",
                "/api/v1/teachers/{teacher_id}/students", "/api/v1/sections", "/api/v1/sections/{section_id}",
                "/api/v1/sections/{section_id}/students", "/healthz", "/readyz", "/api/v1/skills",
                "/api/v1/students/{student_id}/artifacts", "/api/v1/artifacts/{artifact_id}",
                "/api/v1/artifacts/{artifact_id}/versions", "/api/v1/artifacts/{artifact_id}/versions/{number}/complete"}
    assert expected <= set(spec["paths"])
    assert set(spec["paths"]["/api/v1/students/{student_id}/artifacts"]) == {"get", "post"}
    assert set(spec["paths"]["/api/v1/artifacts/{artifact_id}"]) == {"get", "patch", "delete"}
    assert {"Artifact", "UploadTarget", "NewArtifact", "Skill"} <= set(spec["components"]["schemas"])
    assert not any(path.startswith("/media") for path in spec["paths"])   # signed media URLs stay out
    assert not any(path in spec["paths"] for path in ("/login", "/logout", "/"))   # web pages stay out
    assert client.get("/docs").status_code == 200
