"""CSRF for the JSON API: a write authenticated by the web session cookie needs the session's token in the
X-CSRF-Token header; bearer-token calls need none; reads never do."""
from __future__ import annotations

import uuid

import pytest
from gateway_testkit import api_token, bearer, csrf_from, web_login

pytestmark = pytest.mark.integration


def _link(skill_id: str) -> dict:
    return {"title": f"Poem {uuid.uuid4().hex[:8]}", "kind": "link", "skill_ids": [skill_id],
            "link_url": "https://example.org/poem"}


def test_cookie_session_writes_need_the_csrf_header(client, district, skill_ids):
    web_login(client, *district.login("aadams"))
    token = csrf_from(client.get("/").text)
    url = f"/api/v1/students/{district.ids['amy']}/artifacts"
    missing = client.post(url, json=_link(skill_ids["thinker"]))
    assert missing.status_code == 403 and "X-CSRF-Token" in missing.json()["error"]["message"]
    forged = client.post(url, json=_link(skill_ids["thinker"]), headers={"X-CSRF-Token": "forged"})
    assert forged.status_code == 403
    created = client.post(url, json=_link(skill_ids["thinker"]), headers={"X-CSRF-Token": token})
    assert created.status_code == 201, created.text
    artifact_id = created.json()["artifact"]["id"]
    assert client.get(f"/api/v1/artifacts/{artifact_id}").status_code == 200          # reads need no token
    assert client.delete(f"/api/v1/artifacts/{artifact_id}").status_code == 403
    assert client.delete(f"/api/v1/artifacts/{artifact_id}", headers={"X-CSRF-Token": token}).status_code == 204


def test_bearer_calls_need_no_csrf_token_and_a_bad_bearer_never_falls_back_to_the_cookie(client, district,
                                                                                        skill_ids):
    token = api_token(client, *district.login("aadams"))
    url = f"/api/v1/students/{district.ids['amy']}/artifacts"
    assert client.post(url, json=_link(skill_ids["thinker"]), headers=bearer(token)).status_code == 201
    web_login(client, *district.login("aadams"))
    reply = client.get(url, headers={"Authorization": "Bearer not-a-token"})
    assert reply.status_code == 401


def test_a_token_from_another_session_is_refused(make_client, district, skill_ids):
    first, second = make_client(), make_client()
    web_login(first, *district.login("aadams"))
    web_login(second, *district.login("aadams"))
    other = csrf_from(second.get("/").text)
    reply = first.post(f"/api/v1/students/{district.ids['amy']}/artifacts", json=_link(skill_ids["thinker"]),
                       headers={"X-CSRF-Token": other})
    assert reply.status_code == 403
