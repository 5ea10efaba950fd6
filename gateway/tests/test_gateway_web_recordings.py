"""Audio/video reflections and guided prompts on the web, against real roster, artifacts and reflections servers
and the filesystem media store: the student's artifact page offers the recording form (audio/*, video/*, sent by
upload.js), shows "Processing…" (polled by status.js) until the events role's check, then an <audio> player with
controls, or why the file was not accepted; a retired prompt still shows the text answered; the district admin's
/admin/prompts page adds, rewords and retires prompts (bad input next to its field) and is refused to others."""
from __future__ import annotations

import re
import uuid

import pytest
from discussion_feed import feed_ownership
from fastapi.testclient import TestClient
from gateway_testkit import api_token, bearer, csrf_from, web_login
from recording_kit import check_uploads, put_bytes, wav_bytes

pytestmark = pytest.mark.integration


def logged_in(make_client, district, username: str) -> TestClient:
    client = make_client()
    assert web_login(client, *district.login(username)).status_code == 303
    return client


@pytest.fixture
def artifact_id(client, district, skill_ids, artifacts_app, reflections_app) -> str:
    token = api_token(client, *district.login("tlee"))
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=bearer(token), json={
        "title": f"Podcast {uuid.uuid4().hex[:6]}", "kind": "link", "skill_ids": [skill_ids["communicator"]],
        "link_url": "https://example.org/podcast"})
    assert reply.status_code == 201, reply.text
    feed_ownership(artifacts_app.engine, reflections_app.unit_of_work)
    return reply.json()["artifact"]["id"]


def record(amy: TestClient, artifact_id: str, kind: str = "audio", prompt_id: str = "") -> str:
    """What upload.js does: declare, send the bytes, complete (with the page's session and CSRF token)."""
    token = csrf_from(amy.get(f"/artifacts/{artifact_id}").text)
    body = wav_bytes()
    added = amy.post(f"/api/v1/artifacts/{artifact_id}/reflections", headers={"X-CSRF-Token": token}, json={
        "text": "Said <aloud>", "prompt_id": prompt_id, "media": {
            "kind": kind, "file_name": "thoughts.wav", "content_type": "audio/wav", "size_bytes": len(body)}})
    assert added.status_code == 201, added.text
    put_bytes(amy, added.json()["upload"], body)
    done = amy.post(f"/api/v1/reflections/{added.json()['id']}/revisions/1/complete",
                    headers={"X-CSRF-Token": token}, json={"part_etags": []})
    assert done.status_code == 200, done.text
    return added.json()["id"]


def test_the_student_uploads_a_recording_sees_processing_then_a_player(make_client, district, artifact_id,
                                                                       reflections_app):
    amy = logged_in(make_client, district, "aadams")
    page = amy.get(f"/artifacts/{artifact_id}").text
    assert re.search(r'<form[^>]+id="recording-form"[^>]+data-create-url="/api/v1/artifacts/' + artifact_id, page)
    assert re.search(r'<input id="recording-file" name="file" type="file" accept="audio/\*,video/\*"', page)
    assert '<label for="recording-file">' in page and '<script src="/static/upload.js" defer>' in page
    assert "data-poll-until" not in page

    reflection_id = record(amy, artifact_id)
    page = amy.get(f"/artifacts/{artifact_id}?done=recording").text
    assert "Your recording was uploaded." in page and "Processing… The recording is being checked" in page
    assert 'data-poll-url="/api/v1/artifacts/' + artifact_id + '/discussion" data-poll-until="recordings"' in page
    assert '<script src="/static/status.js" defer>' in page and "<audio" not in page

    assert check_uploads(reflections_app, reflection_id) == ["ready"]
    for viewer in (amy, logged_in(make_client, district, "gadams")):
        page = viewer.get(f"/artifacts/{artifact_id}").text
        [src] = re.findall(r'<audio controls preload="metadata" src="([^"]+)" aria-labelledby="reflection-'
                           + reflection_id + '-title">', page)
        assert "Said &lt;aloud&gt;" in page and "data-poll-until" not in page
        assert viewer.get(src.replace("&amp;", "&")).content == wav_bytes()


def test_a_rejected_recording_shows_why(make_client, district, artifact_id, reflections_app):
    amy = logged_in(make_client, district, "aadams")
    reflection_id = record(amy, artifact_id, kind="video")
    assert check_uploads(reflections_app, reflection_id) == ["rejected"]
    page = amy.get(f"/artifacts/{artifact_id}").text
    assert "The video was not accepted: the file is a WAV recording, not a video" in page
    assert "<video" not in page and "data-poll-until" not in page


def test_only_the_student_is_offered_the_recording_form(make_client, district, artifact_id):
    for username in ("tlee", "gadams"):
        assert 'id="recording-form"' not in logged_in(make_client, district, username).get(
            f"/artifacts/{artifact_id}").text


def test_the_recording_form_without_javascript_explains_itself(make_client, district, artifact_id):
    amy = logged_in(make_client, district, "aadams")
    token = csrf_from(amy.get(f"/artifacts/{artifact_id}").text)
    reply = amy.post(f"/artifacts/{artifact_id}/recordings", data={"csrf_token": token})
    assert reply.status_code == 422 and "needs JavaScript" in reply.text


def admin_post(client: TestClient, path: str, **data):
    token = csrf_from(client.get("/admin/prompts").text)
    return client.post(path, data={"csrf_token": token, **data})


def test_the_district_admin_adds_rewords_and_retires_prompts_on_the_web(make_client, district, artifact_id):
    admin = logged_in(make_client, district, "ddunn")
    assert 'href="/admin/prompts"' in admin.get("/").text
    text = f"What would I do differently? {uuid.uuid4().hex[:4]}"
    reply = admin_post(admin, "/admin/prompts", text=text)
    assert reply.status_code == 303 and reply.headers["location"] == "/admin/prompts?done=added"
    page = admin.get(reply.headers["location"]).text
    assert "The prompt was added." in page
    [prompt_id] = re.findall(r'<h3 id="prompt-([^"]+)-title">' + re.escape(text) + "</h3>", page)

    amy = logged_in(make_client, district, "aadams")
    token = csrf_from(amy.get(f"/artifacts/{artifact_id}").text)
    assert amy.post(f"/artifacts/{artifact_id}/reflections", data={
        "csrf_token": token, "text": "Start sooner.", "prompt_id": prompt_id}).status_code == 303

    blank = admin_post(admin, f"/admin/prompts/{prompt_id}", text="   ")
    assert blank.status_code == 422
    assert re.search(rf'<textarea id="prompt-{prompt_id}-text"[^>]*aria-describedby="prompt-{prompt_id}-text-error"'
                     r'[^>]*aria-invalid="true"', blank.text)
    assert admin_post(admin, f"/admin/prompts/{prompt_id}", text=text + "!").headers["location"] == (
        "/admin/prompts?done=saved")
    assert f"{text}!</h3>" in admin.get("/admin/prompts").text
    retired = admin_post(admin, f"/admin/prompts/{prompt_id}/retire")
    assert retired.headers["location"] == "/admin/prompts?done=retired"
    assert prompt_id not in admin.get("/admin/prompts").text

    page = amy.get(f"/artifacts/{artifact_id}").text         # the prompt as answered, not "no longer offered"
    assert f">{text}</h3>" in page and "no longer offered" not in page
    assert f'value="{prompt_id}"' not in page


@pytest.mark.parametrize("username", ["aadams", "tlee", "gadams"])
def test_the_prompts_page_is_for_district_admins(make_client, district, username):
    viewer = logged_in(make_client, district, username)
    assert viewer.get("/admin/prompts").status_code == 403
    token = csrf_from(viewer.get("/").text)
    refused = viewer.post("/admin/prompts", data={"csrf_token": token, "text": "Why?"})
    assert refused.status_code == 403 and "district administrator" in refused.text
