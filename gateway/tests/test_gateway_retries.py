"""Retryable answers and safe retries through the REST API, against real artifacts and reflections servers: a
student who reflects on an artifact she created a moment ago, before its artifact_added reached the reflections
replica (the events role held back), gets 503 with Retry-After (never 403), and 201 once the event arrives; a create
repeated under one Idempotency-Key returns the first result and writes one row; another body under it is refused.
A web form waits briefly server-side, then says "still syncing" (503), never "not allowed"."""
from __future__ import annotations

import uuid

import pytest
from discussion_feed import feed_ownership
from gateway_testkit import api_token, bearer, csrf_from, web_login
from sqlalchemy import func, select

from artifacts.adapters.orm import artifacts as artifacts_table
from reflections.adapters.orm import comments as comments_table

pytestmark = pytest.mark.integration


@pytest.fixture
def amy(client, district) -> dict[str, str]:
    return bearer(api_token(client, *district.login("aadams")))


@pytest.fixture
def link(skill_ids):
    def body(title: str) -> dict:
        return {"title": title, "kind": "link", "link_url": "https://example.org/work",
                "skill_ids": [skill_ids["communicator"]]}
    return body


def _new_link(client, district, headers, link) -> dict:
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=headers,
                        json=link(f"Bridge model {uuid.uuid4().hex[:6]}"))
    assert reply.status_code == 201, reply.text
    return reply.json()


def test_reflecting_on_a_just_created_artifact_is_retryable_not_refused(client, district, amy, link, artifacts_app,
                                                                        reflections_app):
    artifact_id = _new_link(client, district, amy, link)["artifact"]["id"]
    at_once = client.post(f"/api/v1/artifacts/{artifact_id}/reflections", headers=amy, json={"text": "First try."})
    assert at_once.status_code == 503, at_once.text
    assert at_once.headers["Retry-After"] == "1"
    assert at_once.json()["error"]["code"] == "NOT_YET_REPLICATED"
    assert "has not reached the reflections service yet" in at_once.json()["error"]["message"]

    assert feed_ownership(artifacts_app.engine, reflections_app.unit_of_work) >= 1     # the event arrives
    retried = client.post(f"/api/v1/artifacts/{artifact_id}/reflections", headers=amy, json={"text": "First try."})
    assert retried.status_code == 201, retried.text


def test_an_unknown_artifact_is_still_refused_like_a_forbidden_one(client, amy):
    never_created = str(uuid.uuid4())            # not a fresh UUIDv7: nothing of it can still be on its way
    reply = client.post(f"/api/v1/artifacts/{never_created}/reflections", headers=amy, json={"text": "Hm."})
    assert reply.status_code == 403 and "Retry-After" not in reply.headers


def _count(engine, table, **where) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(
            *(table.c[k] == v for k, v in where.items()))).scalar_one()


def test_a_create_repeated_under_one_key_returns_the_first_result(client, district, amy, link, artifacts_app):
    key, title = {"Idempotency-Key": str(uuid.uuid4())}, f"Kite design {uuid.uuid4().hex[:6]}"
    url = f"/api/v1/students/{district.ids['amy']}/artifacts"
    first = client.post(url, headers={**amy, **key}, json=link(title))
    again = client.post(url, headers={**amy, **key}, json=link(title))
    assert (first.status_code, again.status_code) == (201, 201), again.text
    assert again.json() == first.json()
    assert _count(artifacts_app.engine, artifacts_table, title=title) == 1

    other = client.post(url, headers={**amy, **key}, json=link(f"{title}, take two"))
    assert other.status_code == 422, other.text
    assert [p["field"] for p in other.json()["error"]["problems"]] == ["Idempotency-Key"]


def test_a_comment_repeated_under_one_key_is_written_once(client, district, amy, link, artifacts_app,
                                                          reflections_app):
    artifact_id = _new_link(client, district, amy, link)["artifact"]["id"]
    assert feed_ownership(artifacts_app.engine, reflections_app.unit_of_work) >= 1
    key = {"Idempotency-Key": f"comment-{uuid.uuid4()}"}
    replies = [client.post(f"/api/v1/artifacts/{artifact_id}/comments", headers={**amy, **key},
                           json={"body": "Done at last!"}) for _ in range(2)]
    assert [r.status_code for r in replies] == [201, 201] and replies[0].json() == replies[1].json()
    assert _count(reflections_app.engine, comments_table, artifact_id=artifact_id) == 1


def test_a_bad_key_names_the_header(client, district, amy, link):
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts",
                        headers={**amy, "Idempotency-Key": "x" * 256}, json=link("Too long a key"))
    assert reply.status_code == 422
    assert any("Idempotency-Key" in p["field"] for p in reply.json()["error"]["problems"])


# Creates whose reply holds a secret shown once (a panel link, a showcase link): a replay must not reveal it again,
# nor may the idempotency table keep it, so these take no key.
SHOWN_ONCE = ("/panellists", "/links")


def test_openapi_documents_the_header_on_every_create(client):
    paths = client.get("/openapi.json").json()["paths"]
    creates = [(path, op) for path, item in paths.items() for method, op in item.items()
               if method == "post" and "201" in op["responses"] and not path.endswith(SHOWN_ONCE)]
    assert len(creates) >= 11
    for path, op in creates:
        assert "Idempotency-Key" in {p["name"] for p in op.get("parameters", [])}, path


def test_a_form_on_a_just_created_artifact_says_still_syncing_not_refused(make_client, client, district, amy, link,
                                                                         artifacts_app, reflections_app):
    artifact_id = _new_link(client, district, amy, link)["artifact"]["id"]
    browser = make_client()
    assert web_login(browser, *district.login("aadams")).status_code == 303
    token = csrf_from(browser.get("/").text)
    waited = browser.post(f"/artifacts/{artifact_id}/reflections", data={"csrf_token": token, "text": "Soon."})
    assert waited.status_code == 503 and waited.headers["Retry-After"] == "1"
    assert "Still syncing" in waited.text and "Nothing was saved yet" in waited.text

    assert feed_ownership(artifacts_app.engine, reflections_app.unit_of_work) >= 1
    sent = browser.post(f"/artifacts/{artifact_id}/reflections", data={"csrf_token": token, "text": "Soon."},
                        follow_redirects=False)
    assert sent.status_code == 303
