"""The artifact page's discussion on the web (no JavaScript) against real roster, artifacts and reflections
servers: each role sees the forms it may use, forms post and redirect back, bad input re-shows the page with the
message next to the field (aria-invalid, aria-describedby), edits keep the history, hidden comments read "hidden
by a teacher" for everyone, and text with markup is shown escaped."""
from __future__ import annotations

import re
import uuid

import pytest
from discussion_feed import feed_ownership
from fastapi.testclient import TestClient
from gateway_testkit import api_token, bearer, csrf_from, web_login

from chassis.access import Viewer

pytestmark = pytest.mark.integration
FORMS = {"reflect": "/reflections\"", "feedback": "/feedback\"", "comment": "/comments\"", "hide": "/hide\""}


def logged_in(make_client, district, username: str) -> TestClient:
    client = make_client()
    assert web_login(client, *district.login(username)).status_code == 303
    return client


@pytest.fixture
def artifact_id(client, district, skill_ids, artifacts_app, reflections_app) -> str:
    """A link Amy's teacher added to her portfolio (the replica knows it is Amy's)."""
    token = api_token(client, *district.login("tlee"))
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=bearer(token), json={
        "title": f"Bridge model {uuid.uuid4().hex[:6]}", "kind": "link", "skill_ids": [skill_ids["communicator"]],
        "link_url": "https://example.org/bridge"})
    assert reply.status_code == 201, reply.text
    feed_ownership(artifacts_app.engine, reflections_app.unit_of_work)
    return reply.json()["artifact"]["id"]


def post(client: TestClient, path: str, page_of: str, **data):
    """POST a form of artifact ``page_of``'s page (with the CSRF token it carries)."""
    page = client.get(f"/artifacts/{page_of}")
    assert page.status_code == 200, page.text
    return client.post(path, data={"csrf_token": csrf_from(page.text), **data})


def forms_on(html: str) -> set[str]:
    return {name for name, action in FORMS.items() if re.search(r'<form[^>]+action="[^"]*' + action, html)}


def test_each_role_sees_its_forms_and_the_three_way_thread(make_client, district, artifact_id, reflections_app):
    prompt = reflections_app.commands.define_prompt(Viewer.of(district.ids["district_admin"], ["district_admin"]),
                                                    f"What evidence shows I reached my goal? {uuid.uuid4().hex[:4]}")
    amy, teacher, guardian = (logged_in(make_client, district, u) for u in ("aadams", "tlee", "gadams"))

    page = amy.get(f"/artifacts/{artifact_id}").text
    assert forms_on(page) == {"reflect", "comment"}
    assert f'<option value="{prompt.id}" >{prompt.text}</option>' in page
    for control in re.findall(r'<(?:textarea|select)[^>]*\bid="([^"]+)"', page):
        assert f'<label for="{control}">' in page, control
    reply = post(amy, f"/artifacts/{artifact_id}/reflections", artifact_id, text="I tested <three> designs.",
                 prompt_id=prompt.id)
    assert reply.status_code == 303 and reply.headers["location"] == f"/artifacts/{artifact_id}?done=reflection#reflections"
    page = amy.get(reply.headers["location"]).text
    assert "Your reflection was saved." in page and "I tested &lt;three&gt; designs." in page
    assert "<h3 id=\"reflection-" in page and prompt.text in page

    [reflection_id] = re.findall(r'action="/reflections/([^/]+)/edit"', page)
    reply = post(amy, f"/reflections/{reflection_id}/edit", artifact_id, artifact_id=artifact_id,
                 text="I tested three designs and kept the lightest.")
    assert reply.status_code == 303
    page = amy.get(f"/artifacts/{artifact_id}").text
    assert "I tested three designs and kept the lightest." in page and "Earlier versions (1)" in page
    assert "· edited" in page and "I tested &lt;three&gt; designs." in page     # the old text, in the history

    page = teacher.get(f"/artifacts/{artifact_id}").text
    assert forms_on(page) == {"feedback", "comment"}
    assert "I tested three designs and kept the lightest." in page
    assert post(teacher, f"/artifacts/{artifact_id}/feedback", artifact_id, can_do="You compare designs fairly.",
                next_steps="Record the loads you tested.").status_code == 303

    page = guardian.get(f"/artifacts/{artifact_id}").text
    assert forms_on(page) == {"comment"}
    assert "You compare designs fairly." in page and "Record the loads you tested." in page
    assert post(guardian, f"/artifacts/{artifact_id}/comments", artifact_id,
                body='<script>alert("hi")</script> Well done!').status_code == 303
    page = guardian.get(f"/artifacts/{artifact_id}").text
    assert "&lt;script&gt;alert(&#34;hi&#34;)&lt;/script&gt; Well done!" in page and "<script>alert" not in page

    page = teacher.get(f"/artifacts/{artifact_id}").text
    assert forms_on(page) == {"feedback", "comment", "hide"}
    [comment_id] = re.findall(r'action="/comments/([^/]+)/hide"', page)
    reply = post(teacher, f"/comments/{comment_id}/hide", artifact_id, artifact_id=artifact_id)
    assert reply.status_code == 303 and reply.headers["location"].endswith("?done=hidden#comments")
    again = post(teacher, f"/comments/{comment_id}/hide", artifact_id, artifact_id=artifact_id)   # hidden already
    assert again.status_code == 303 and again.headers["location"].endswith("?done=hidden#comments")
    for viewer in (amy, teacher, guardian):
        page = viewer.get(f"/artifacts/{artifact_id}").text
        assert "This comment was hidden by a teacher." in page and "Well done!" not in page
        assert "/hide\"" not in page


def test_bad_input_is_shown_next_to_its_field(make_client, district, artifact_id):
    amy = logged_in(make_client, district, "aadams")
    reply = post(amy, f"/artifacts/{artifact_id}/reflections", artifact_id, text="   ")
    assert reply.status_code == 422
    page = reply.text
    assert "<title>Error: " in page and 'href="#reflection-text"' in page
    assert re.search(r'<textarea id="reflection-text" name="text"[^>]*aria-describedby="reflection-text-hint '
                     r'reflection-text-error"[^>]*aria-invalid="true"', page)
    assert re.search(r'<p class="field-error" id="reflection-text-error" >.*Your reflection: must not be empty',
                     page, re.S)

    teacher = logged_in(make_client, district, "tlee")
    reply = post(teacher, f"/artifacts/{artifact_id}/feedback", artifact_id, can_do="Strong start", next_steps="")
    assert reply.status_code == 422
    assert 'id="feedback-next-steps-error" >' in reply.text and ">Strong start</textarea>" in reply.text
    assert 'id="feedback-can-do-error" hidden' in reply.text


def test_a_student_who_is_not_the_owner_is_refused_kindly(make_client, district, artifact_id):
    ben = logged_in(make_client, district, "bbrown")
    page = ben.get("/")
    reply = ben.post(f"/artifacts/{artifact_id}/comments", data={"csrf_token": csrf_from(page.text), "body": "hi"})
    assert reply.status_code == 403 and "Only the student, their current teachers and their guardians" in reply.text


def test_a_form_without_the_csrf_token_is_refused(make_client, district, artifact_id, reflections_app):
    amy = logged_in(make_client, district, "aadams")
    reply = amy.post(f"/artifacts/{artifact_id}/reflections", data={"text": "sneaky"})
    assert reply.status_code == 403
    assert reflections_app.queries.discussion(Viewer.of(district.ids["amy"], ["student"]), artifact_id).reflections == []


def test_feedback_and_comments_name_their_writers_for_every_reader(make_client, district, artifact_id):
    """Who wrote what is named (name and role), also for readers the roster would not show that person to (a
    guardian or a student reading a teacher's words): the names come with the reflections service's reply."""
    amy, teacher, guardian = (logged_in(make_client, district, u) for u in ("aadams", "tlee", "gadams"))
    assert post(teacher, f"/artifacts/{artifact_id}/feedback", artifact_id, can_do="Clear labels.",
                next_steps="Add a scale.").status_code == 303
    assert post(teacher, f"/artifacts/{artifact_id}/comments", artifact_id, body="Great start.").status_code == 303
    assert post(guardian, f"/artifacts/{artifact_id}/comments", artifact_id, body="Proud of you!").status_code == 303
    assert post(amy, f"/artifacts/{artifact_id}/comments", artifact_id, body="Thanks!").status_code == 303
    for reader in (amy, guardian):
        page = reader.get(f"/artifacts/{artifact_id}").text
        assert "From Tess Lee (teacher)" in page and '<p class="meta">Tess Lee (teacher) ·' in page
        assert "From Teacher" not in page
    page = teacher.get(f"/artifacts/{artifact_id}").text
    assert '<p class="meta">Gail Adams (guardian) ·' in page and '<p class="meta">Amy Adams (student) ·' in page
    assert '<p class="meta">Gail Adams (guardian) ·' in amy.get(f"/artifacts/{artifact_id}").text
