"""The artifacts REST API against real roster, skills and artifacts services: a portfolio's life cycle through
/api/v1 (links and files), filters and pages, who may do what, and errors that name the REST body's fields."""
from __future__ import annotations

import uuid

import pytest
from gateway_testkit import api_token, bearer

from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume

pytestmark = pytest.mark.integration


def _word() -> str:
    """A made-up title word, so each test finds only its own artifacts in the shared database."""
    return "zq" + uuid.uuid4().hex[:10]


def _link(title: str, skills: list[str], **extra) -> dict:
    return {"title": title, "description": "", "kind": "link", "skill_ids": skills,
            "link_url": "https://example.org/work", **extra}


@pytest.fixture
def teacher(client, district):
    return bearer(api_token(client, *district.login("tlee")))


@pytest.fixture
def amy(client, district):
    return bearer(api_token(client, *district.login("aadams")))


def test_link_artifact_life_cycle(client, district, skill_ids, amy):
    word = _word()
    student = district.ids["amy"]
    created = client.post(f"/api/v1/students/{student}/artifacts", headers=amy,
                          json=_link(f"Blog {word}", [skill_ids["communicator"]], description="My blog"))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["upload"] is None
    artifact = body["artifact"]
    assert artifact["student_id"] == student and artifact["added_by"] == student
    assert artifact["added_by_role"] == "student" and artifact["status"] == "ready"
    assert artifact["kind"] == "link" and artifact["link_url"] == "https://example.org/work"
    assert artifact["skill_ids"] == [skill_ids["communicator"]] and artifact["current_version"] == 1

    one = client.get(f"/api/v1/artifacts/{artifact['id']}", headers=amy).json()
    assert one["title"] == f"Blog {word}" and [v["number"] for v in one["versions"]] == [1]
    assert one["versions"][0]["link_url"] == "https://example.org/work"

    patched = client.patch(f"/api/v1/artifacts/{artifact['id']}", headers=amy,
                           json={"title": f"Science blog {word}", "skill_ids": [skill_ids["thinker"]]})
    assert patched.status_code == 200, patched.text
    assert patched.json()["title"] == f"Science blog {word}" and patched.json()["description"] == "My blog"
    assert patched.json()["skill_ids"] == [skill_ids["thinker"]]

    version = client.post(f"/api/v1/artifacts/{artifact['id']}/versions", headers=amy,
                          json={"link_url": "https://example.org/work-v2"})
    assert version.status_code == 201, version.text
    assert version.json()["artifact"]["current_version"] == 2 and version.json()["upload"] is None
    versions = client.get(f"/api/v1/artifacts/{artifact['id']}", headers=amy).json()["versions"]
    assert [v["link_url"] for v in versions] == ["https://example.org/work-v2", "https://example.org/work"]

    assert client.delete(f"/api/v1/artifacts/{artifact['id']}", headers=amy).status_code == 204
    gone = client.get(f"/api/v1/artifacts/{artifact['id']}", headers=amy)
    assert gone.status_code in (403, 404)    # the service does not tell a deleted artifact from a foreign one


def test_file_artifact_gets_an_upload_target(client, district, skill_ids, teacher):
    created = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=teacher, json={
        "title": f"Volcano {_word()}", "kind": "image", "skill_ids": [skill_ids["thinker"]],
        "file": {"name": "volcano.png", "content_type": "image/png", "size_bytes": 2048}})
    assert created.status_code == 201, created.text
    artifact, upload = created.json()["artifact"], created.json()["upload"]
    assert artifact["status"] == "processing" and artifact["added_by_role"] == "teacher"
    assert upload["method"] == "PUT" and upload["url"].startswith("/media/upload/")
    assert upload["headers"] == {"Content-Type": "image/png"} and upload["max_bytes"] >= 2048
    assert upload["expires_at"] and upload["part_urls"] == []
    got = client.get(f"/api/v1/artifacts/{artifact['id']}", headers=teacher).json()
    assert got["versions"][0]["file_name"] == "volcano.png" and got["versions"][0]["download_url"] == ""


def test_portfolio_filters_and_pages(client, district, skill_ids, amy):
    word = _word()
    student = district.ids["amy"]
    for n, skill in enumerate(["communicator", "thinker", "communicator"]):
        reply = client.post(f"/api/v1/students/{student}/artifacts", headers=amy,
                            json=_link(f"Entry {n} {word}", [skill_ids[skill]]))
        assert reply.status_code == 201, reply.text
    url = f"/api/v1/students/{student}/artifacts"
    everything = client.get(url, params={"q": word}, headers=amy).json()
    assert [a["title"] for a in everything["items"]] == [f"Entry {n} {word}" for n in (2, 1, 0)]   # newest first
    thinker = client.get(url, params={"q": word, "skill_id": skill_ids["thinker"]}, headers=amy).json()
    assert [a["title"] for a in thinker["items"]] == [f"Entry 1 {word}"]
    both = client.get(url, params=[("q", word), ("skill_id", skill_ids["thinker"]),
                                   ("skill_id", skill_ids["communicator"])], headers=amy).json()
    assert len(both["items"]) == 3
    assert client.get(url, params={"q": word, "kind": "image"}, headers=amy).json()["items"] == []
    seen, token = [], ""
    while True:
        page = client.get(url, params={"q": word, "page_size": 2, "page_token": token}, headers=amy).json()
        seen += [a["id"] for a in page["items"]]
        token = page["next_page_token"]
        if not token:
            break
    assert len(seen) == len(set(seen)) == 3


def test_access_is_decided_by_the_artifacts_service(client, district, skill_ids, teacher):
    other_student = client.post(f"/api/v1/students/{district.ids['dan']}/artifacts", headers=teacher,
                                json=_link(f"Not mine {_word()}", [skill_ids["thinker"]]))
    assert other_student.status_code == 403 and other_student.json()["error"]["code"] == "PERMISSION_DENIED"
    admin = bearer(api_token(client, *district.login("ddunn")))
    assert client.get(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=admin).status_code == 403

    created = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=teacher,
                          json=_link(f"Teacher's pick {_word()}", [skill_ids["thinker"]])).json()["artifact"]
    guardian = bearer(api_token(client, *district.login("gadams")))
    assert client.get(f"/api/v1/artifacts/{created['id']}", headers=guardian).status_code == 200
    refused = client.patch(f"/api/v1/artifacts/{created['id']}", headers=guardian, json={"title": "Mine now"})
    assert refused.status_code == 403
    assert client.delete(f"/api/v1/artifacts/{created['id']}", headers=guardian).status_code == 403
    assert client.get(f"/api/v1/artifacts/{uuid.uuid4()}", headers=guardian).status_code in (403, 404)


def test_errors_name_the_rest_fields(client, district, skill_ids, amy):
    url = f"/api/v1/students/{district.ids['amy']}/artifacts"

    def problems(reply) -> dict:
        assert reply.status_code == 422, reply.text
        assert reply.json()["error"]["code"] == "INVALID_ARGUMENT"
        return {p["field"]: p["reason"] for p in reply.json()["error"]["problems"]}

    assert "kind" in problems(client.post(url, headers=amy, json={**_link("x", []), "kind": "poster"}))
    assert "colour" in problems(client.post(url, headers=amy, json={**_link("x", []), "colour": "red"}))
    assert "link_url" in problems(client.post(url, headers=amy, json=_link("Bad link", [skill_ids["thinker"]],
                                                                           link_url="ftp://example.org/x")))
    assert {"title", "skill_ids"} <= problems(client.post(url, headers=amy, json=_link(" ", []))).keys()
    both = _link("Both", [skill_ids["thinker"]], file={"name": "a.png", "content_type": "image/png",
                                                       "size_bytes": 5})
    assert "link_url" in problems(client.post(url, headers=amy, json=both))
    too_big = {"title": "Huge", "kind": "image", "skill_ids": [skill_ids["thinker"]],
               "file": {"name": "huge.png", "content_type": "image/png", "size_bytes": 10 ** 12}}
    assert "file.size_bytes" in problems(client.post(url, headers=amy, json=too_big))
    assert "file.size_bytes" in problems(client.post(url, headers=amy, json={
        **too_big, "file": {"name": "empty.png", "content_type": "image/png", "size_bytes": 0}}))
    created = client.post(url, headers=amy, json=_link(f"Patch me {_word()}", [skill_ids["thinker"]])).json()
    patch_url = f"/api/v1/artifacts/{created['artifact']['id']}"
    assert "body" in problems(client.patch(patch_url, headers=amy, json={}))
    assert "kind" in problems(client.patch(patch_url, headers=amy, json={"kind": "image"}))
    assert "title" in problems(client.patch(patch_url, headers=amy, json={"title": None}))
    bad_page = client.get(url, params={"page_token": "garbage"}, headers=amy)
    assert "page_token" in problems(bad_page)


def test_complete_upload_of_a_link_version_is_refused(client, district, skill_ids, amy):
    created = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=amy,
                          json=_link(f"Link {_word()}", [skill_ids["thinker"]])).json()["artifact"]
    reply = client.post(f"/api/v1/artifacts/{created['id']}/versions/1/complete", headers=amy,
                        json={"part_etags": []})
    assert reply.status_code in (409, 422) and reply.json()["error"]["message"]
    bad_number = client.post(f"/api/v1/artifacts/{created['id']}/versions/0/complete", headers=amy, json={})
    assert bad_number.status_code == 422
    assert bad_number.json()["error"]["problems"][0]["field"] == "path.number"


def test_a_skill_of_another_district_is_refused_naming_the_field(client, district, skill_ids, amy, artifacts_app):
    """Tags belong to the student's district (the artifacts service's skill catalog replica, fed like the worker
    does): another district's skill is a 422 on skill_ids, never an "Unknown skill" chip on the page."""
    foreign = f"sk-elsewhere-{uuid.uuid4().hex[:6]}"
    assert consume(artifacts_app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, Envelope(
        type="skill_added", producer="skills", data={"skill_id": foreign, "district_id": "another-district",
                                                     "school_id": ""}), f"gateway-tests.{foreign}")
    url, word = f"/api/v1/students/{district.ids['amy']}/artifacts", _word()
    refused = client.post(url, headers=amy, json=_link(f"Mixed {word}", [skill_ids["communicator"], foreign]))
    assert refused.status_code == 422, refused.text
    assert [(p["field"], p["reason"]) for p in refused.json()["error"]["problems"]] == [
        ("skill_ids", f"'{foreign}' is a skill of another district")]
    made_up = client.post(url, headers=amy, json=_link(f"Made up {word}", ["sk-made-up"]))
    assert made_up.status_code == 422 and "is not a skill of the student's district" in made_up.text
    assert client.get(url, headers=amy, params={"q": word}).json()["items"] == []
    created = client.post(url, headers=amy, json=_link(f"Own {word}", [skill_ids["communicator"]]))
    assert created.status_code == 201, created.text
    edited = client.patch(f"/api/v1/artifacts/{created.json()['artifact']['id']}", headers=amy,
                          json={"skill_ids": [foreign]})
    assert edited.status_code == 422 and edited.json()["error"]["problems"][0]["field"] == "skill_ids"
