"""GET /api/v1/skills against real roster and skills services: a school's effective skills with legible chip colours."""
from __future__ import annotations

import pytest
from gateway_testkit import api_token, bearer, web_login

pytestmark = pytest.mark.integration


def test_a_school_sees_district_and_own_skills_with_retired_marked(client, district, skill_ids):
    token = api_token(client, *district.login("aadams"))
    reply = client.get("/api/v1/skills", params={"school_id": district.ids["school"]}, headers=bearer(token))
    assert reply.status_code == 200, reply.text
    items = {s["code"]: s for s in reply.json()["items"]}
    assert set(items) == {"communicator", "thinker", "collaborator", "gardener"}
    assert items["communicator"] == {"id": skill_ids["communicator"], "code": "communicator",
                                     "name": "Effective Communicator", "description": "Effective Communicator, "
                                     "for tests", "colour": "#1F5FAD", "text_colour": "#FFFFFF", "retired": False}
    assert items["thinker"]["text_colour"] == "#000000"          # a light chip gets black text
    assert items["collaborator"]["retired"] is True
    assert [s["code"] for s in reply.json()["items"]][-1] == "gardener"   # the school's additions come last


def test_the_school_is_required_and_must_exist(client, district):
    token = api_token(client, *district.login("tlee"))
    missing = client.get("/api/v1/skills", headers=bearer(token))
    assert missing.status_code == 422 and missing.json()["error"]["problems"][0]["field"] == "query.school_id"
    unknown = client.get("/api/v1/skills", params={"school_id": "no-such-school"}, headers=bearer(token))
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "NOT_FOUND"


def test_skills_need_a_caller_and_accept_the_web_session(client, district):
    anonymous = client.get("/api/v1/skills", params={"school_id": district.ids["school"]})
    assert anonymous.status_code == 401
    web_login(client, *district.login("tlee"))
    reply = client.get("/api/v1/skills", params={"school_id": district.ids["school"]})
    assert reply.status_code == 200 and len(reply.json()["items"]) == 4
