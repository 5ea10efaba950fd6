"""`skillfolio up` over HTTP, with every events role running: a student who reflects on an artifact the moment she
created it is told to retry (503, Retry-After, NOT_YET_REPLICATED) until the reflections replica has it, never
refused; and a create repeated under one Idempotency-Key through the real processes returns the first result."""
from __future__ import annotations

import time
import uuid

import pytest
from e2e_pages import api_as

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
MAX_RETRIES = 60          # each honours the Retry-After the platform sends


def _new_link(http, student_id: str, skill_ids: list[str], key: str) -> dict:
    reply = http.post(f"/api/v1/students/{student_id}/artifacts", headers={"Idempotency-Key": key}, json={
        "title": f"Water cycle model {key[:6]}", "kind": "link", "link_url": "https://example.org/water",
        "skill_ids": skill_ids})
    assert reply.status_code == 201, reply.text
    return reply.json()


def test_reflecting_at_once_is_retried_never_refused_and_creates_are_safe_to_repeat(platform):
    http = api_as(platform, "student")
    me = http.get("/api/v1/me").json()
    items = http.get(f"/api/v1/students/{me['id']}/artifacts", params={"page_size": 100}).json()["items"]
    skill_ids = next(a["skill_ids"] for a in items if a["skill_ids"])
    key = str(uuid.uuid4())
    created = _new_link(http, me["id"], skill_ids, key)
    assert _new_link(http, me["id"], skill_ids, key) == created          # the same key: the first result
    artifact_id = created["artifact"]["id"]

    statuses = []
    for _ in range(MAX_RETRIES):
        reply = http.post(f"/api/v1/artifacts/{artifact_id}/reflections", json={"text": "Evaporation first."})
        statuses.append(reply.status_code)
        if reply.status_code != 503:
            break
        assert reply.json()["error"]["code"] == "NOT_YET_REPLICATED", reply.text
        time.sleep(int(reply.headers["Retry-After"]))                # the protocol under test: wait as told
    assert statuses[-1] == 201 and set(statuses) <= {201, 503}, statuses
