"""The discussion REST API (/api/v1 .../discussion, reflections, feedback, comments, hide, prompts) against real
roster, artifacts and reflections servers: a teacher adds an artifact to Amy's portfolio, its ownership reaches the
reflections replica from the artifacts outbox, then Amy reflects and edits (revisions kept), her teacher gives
feedback and hides a comment, her guardian comments; bad input names its field; OpenAPI documents every route."""
from __future__ import annotations

import uuid

import pytest
from discussion_feed import feed_ownership
from gateway_testkit import api_token, bearer, csrf_from, web_login

from chassis.access import Viewer

pytestmark = pytest.mark.integration


@pytest.fixture
def api(client, district):
    tokens = {}

    def headers(username: str) -> dict[str, str]:
        if username not in tokens:
            tokens[username] = bearer(api_token(client, *district.login(username)))
        return tokens[username]
    return headers


@pytest.fixture
def teacher_artifact(client, api, district, skill_ids, artifacts_app, reflections_app) -> str:
    """A link the teacher added to Amy's portfolio, known to the reflections replica."""
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=api("tlee"), json={
        "title": f"Field notes {uuid.uuid4().hex[:6]}", "kind": "link", "skill_ids": [skill_ids["communicator"]],
        "link_url": "https://example.org/notes"})
    assert reply.status_code == 201, reply.text
    assert feed_ownership(artifacts_app.engine, reflections_app.unit_of_work) >= 1
    return reply.json()["artifact"]["id"]


def test_reflect_edit_feedback_comment_hide_and_read(client, api, district, teacher_artifact, reflections_app):
    prompt = reflections_app.commands.define_prompt(Viewer.of(district.ids["district_admin"], ["district_admin"]),
                                                    f"What would I do differently? {uuid.uuid4().hex[:4]}")
    prompts = client.get("/api/v1/prompts", headers=api("aadams"))
    assert prompts.status_code == 200 and {"id": prompt.id, "text": prompt.text, "retired": False} in prompts.json()

    base = f"/api/v1/artifacts/{teacher_artifact}"
    added = client.post(f"{base}/reflections", headers=api("aadams"),
                        json={"text": "I measured twice.", "prompt_id": prompt.id})
    assert added.status_code == 201, added.text
    reflection = added.json()
    assert (reflection["artifact_id"], reflection["student_id"], reflection["prompt_id"]) == (
        teacher_artifact, district.ids["amy"], prompt.id)
    edited = client.patch(f"/api/v1/reflections/{reflection['id']}", headers=api("aadams"),
                          json={"text": "I measured twice and cut once."})
    assert edited.status_code == 200, edited.text
    assert [(r["number"], r["text"]) for r in edited.json()["revisions"]] == [
        (1, "I measured twice."), (2, "I measured twice and cut once.")]

    feedback = client.post(f"{base}/feedback", headers=api("tlee"),
                           json={"can_do": "You plan carefully.", "next_steps": "Explain your units."})
    assert feedback.status_code == 201 and feedback.json()["teacher_id"] == district.ids["teacher"]
    comment = client.post(f"{base}/comments", headers=api("gadams"), json={"body": "So proud of this!"})
    assert comment.status_code == 201 and comment.json()["author_role"] == "guardian"
    rude = client.post(f"{base}/comments", headers=api("aadams"), json={"body": "<b>rude</b>"}).json()
    hidden = client.post(f"/api/v1/comments/{rude['id']}/hide", headers=api("tlee"))
    assert hidden.status_code == 200 and hidden.json()["hidden"] is True
    again = client.post(f"/api/v1/comments/{rude['id']}/hide", headers=api("tlee"))
    assert again.status_code == 409 and again.json()["error"]["problems"][0]["field"] == "comment_id"

    seen = client.get(f"{base}/discussion", headers=api("gadams"))
    assert seen.status_code == 200, seen.text
    body = seen.json()
    assert [len(r["revisions"]) for r in body["reflections"]] == [2]
    assert [(f["can_do"], f["next_steps"]) for f in body["feedback"]] == [("You plan carefully.", "Explain your units.")]
    assert [(c["body"], c["hidden"]) for c in body["comments"]] == [("So proud of this!", False), ("", True)]


@pytest.mark.parametrize("path,body,field", [
    ("reflections", {"text": "   "}, "text"),
    ("reflections", {"text": "fine", "prompt_id": "no-such-prompt"}, "prompt_id"),
    ("feedback", {"can_do": "", "next_steps": "more"}, "can_do"),
    ("comments", {"body": ""}, "body"),
    ("comments", {"body": "hi", "colour": "red"}, "colour"),
])
def test_bad_input_is_422_naming_the_field(client, api, teacher_artifact, path, body, field):
    who = "tlee" if path == "feedback" else "aadams"
    reply = client.post(f"/api/v1/artifacts/{teacher_artifact}/{path}", headers=api(who), json=body)
    assert reply.status_code == 422, reply.text
    assert field in [p["field"] for p in reply.json()["error"]["problems"]]


def test_a_reflection_on_a_missing_artifact_is_refused_like_a_forbidden_one(client, api, teacher_artifact):
    missing = client.post(f"/api/v1/artifacts/{uuid.uuid4()}/reflections", headers=api("aadams"), json={"text": "x"})
    forbidden = client.post(f"/api/v1/artifacts/{teacher_artifact}/reflections", headers=api("bbrown"),
                            json={"text": "x"})
    assert missing.status_code == forbidden.status_code == 403
    assert missing.json()["error"] == forbidden.json()["error"]


def test_openapi_documents_the_discussion_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path, method in [("/api/v1/artifacts/{artifact_id}/discussion", "get"), ("/api/v1/prompts", "get"),
                         ("/api/v1/artifacts/{artifact_id}/reflections", "post"),
                         ("/api/v1/reflections/{reflection_id}", "patch"),
                         ("/api/v1/artifacts/{artifact_id}/feedback", "post"),
                         ("/api/v1/artifacts/{artifact_id}/comments", "post"),
                         ("/api/v1/comments/{comment_id}/hide", "post")]:
        assert method in paths[path], path
        assert "403" in paths[path][method]["responses"]


def test_cookie_session_discussion_writes_need_the_csrf_header(client, district, teacher_artifact):
    web_login(client, *district.login("gadams"))
    token = csrf_from(client.get("/").text)
    url = f"/api/v1/artifacts/{teacher_artifact}/comments"
    missing = client.post(url, json={"body": "no token"})
    assert missing.status_code == 403 and "X-CSRF-Token" in missing.json()["error"]["message"]
    assert client.get(f"/api/v1/artifacts/{teacher_artifact}/discussion").json()["comments"] == []
    posted = client.post(url, json={"body": "with token"}, headers={"X-CSRF-Token": token})
    assert posted.status_code == 201, posted.text
    assert [c["body"] for c in client.get(f"/api/v1/artifacts/{teacher_artifact}/discussion").json()["comments"]] == [
        "with token"]
