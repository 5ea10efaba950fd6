"""Audio/video reflections and guided prompt management through the REST API, against real roster, artifacts and
reflections servers and the filesystem media store: Amy declares a WAV (201 with an upload target), sends it to the
gateway's signed /media URL, completes; the revision is processing until the reflections events role's check, then
ready with a playable media_url; a file that is not what it claims is rejected with a reason; a new recording
revision keeps the first; a district admin adds, rewords and retires prompts, others are refused. A checked recording
goes into the student's passport archive and plays in its offline page."""
from __future__ import annotations

import io
import json
import uuid
import zipfile

import jsonschema
import pytest
from discussion_feed import feed_ownership
from gateway_testkit import api_token, bearer
from recording_kit import check_uploads, put_bytes, wav_bytes

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
def artifact(client, api, district, skill_ids, artifacts_app, reflections_app) -> str:
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=api("tlee"), json={
        "title": f"Science fair {uuid.uuid4().hex[:6]}", "kind": "link", "skill_ids": [skill_ids["communicator"]],
        "link_url": "https://example.org/fair"})
    assert reply.status_code == 201, reply.text
    assert feed_ownership(artifacts_app.engine, reflections_app.unit_of_work) >= 1
    return reply.json()["artifact"]["id"]


def media(body: bytes, kind: str = "audio", name: str = "my thoughts.wav", content_type: str = "audio/wav") -> dict:
    return {"kind": kind, "file_name": name, "content_type": content_type, "size_bytes": len(body)}


def test_an_audio_reflection_is_uploaded_checked_and_played(client, api, artifact, reflections_app):
    body = wav_bytes()
    added = client.post(f"/api/v1/artifacts/{artifact}/reflections", headers=api("aadams"),
                        json={"text": "What I would change", "media": media(body)})
    assert added.status_code == 201, added.text
    reflection = added.json()
    [first] = reflection["revisions"]
    assert (first["kind"], first["media_status"], first["text"]) == ("audio", "processing", "What I would change")
    assert reflection["upload"]["url"].startswith("/media/upload/") and reflection["upload"]["max_bytes"] >= len(body)
    put_bytes(client, reflection["upload"], body)
    done = client.post(f"/api/v1/reflections/{reflection['id']}/revisions/1/complete", headers=api("aadams"),
                       json={"part_etags": []})
    assert done.status_code == 200, done.text
    assert done.json()["revisions"][0]["media_status"] == "processing" and done.json()["upload"] is None

    assert check_uploads(reflections_app, reflection["id"]) == ["ready"]
    seen = client.get(f"/api/v1/artifacts/{artifact}/discussion", headers=api("gadams")).json()  # her guardian
    [revision] = seen["reflections"][0]["revisions"]
    assert (revision["media_status"], revision["content_type"], revision["size_bytes"]) == (
        "ready", "audio/x-wav", len(body))
    played = client.get(revision["media_url"])
    assert played.status_code == 200 and played.content == body
    assert played.headers["content-type"].startswith("audio/x-wav")


def test_a_recording_that_is_not_what_it_claims_is_rejected_with_a_reason(client, api, artifact, reflections_app):
    body = wav_bytes()
    added = client.post(f"/api/v1/artifacts/{artifact}/reflections", headers=api("aadams"),
                        json={"media": media(body, kind="video", name="clip.mp4", content_type="video/mp4")}).json()
    put_bytes(client, added["upload"], body)
    assert client.post(f"/api/v1/reflections/{added['id']}/revisions/1/complete", headers=api("aadams"),
                       json={}).status_code == 200
    assert check_uploads(reflections_app, added["id"]) == ["rejected"]
    [reflection] = [r for r in client.get(f"/api/v1/artifacts/{artifact}/discussion", headers=api("aadams"))
                    .json()["reflections"] if r["id"] == added["id"]]
    [revision] = reflection["revisions"]
    assert (revision["media_status"], revision["media_url"]) == ("rejected", "")
    assert revision["rejection_reason"] == "the file is a WAV recording, not a video"


def test_a_new_recording_revision_keeps_the_first(client, api, artifact, reflections_app):
    added = client.post(f"/api/v1/artifacts/{artifact}/reflections", headers=api("aadams"),
                        json={"text": "First I wrote this."}).json()
    body = wav_bytes(0.5)
    revised = client.patch(f"/api/v1/reflections/{added['id']}", headers=api("aadams"),
                           json={"text": "Now I say it", "media": media(body, name="take2.wav")})
    assert revised.status_code == 200, revised.text
    assert [(r["number"], r["kind"]) for r in revised.json()["revisions"]] == [(1, "text"), (2, "audio")]
    put_bytes(client, revised.json()["upload"], body)
    assert client.post(f"/api/v1/reflections/{added['id']}/revisions/2/complete", headers=api("aadams"),
                       json={}).status_code == 200
    assert check_uploads(reflections_app, added["id"]) == ["ready"]


@pytest.mark.parametrize("who,recording,field", [
    ("aadams", {"kind": "image", "file_name": "a.png", "content_type": "image/png", "size_bytes": 10}, "media.kind"),
    ("aadams", {"kind": "audio", "file_name": "a.wav", "content_type": "audio/wav", "size_bytes": 0},
     "media.size_bytes"),
    ("aadams", {"kind": "audio", "file_name": "", "content_type": "audio/wav", "size_bytes": 10}, "media.file_name"),
])
def test_a_bad_recording_declaration_is_422_naming_the_field(client, api, artifact, who, recording, field):
    reply = client.post(f"/api/v1/artifacts/{artifact}/reflections", headers=api(who), json={"media": recording})
    assert reply.status_code == 422, reply.text
    assert field in [p["field"] for p in reply.json()["error"]["problems"]]


def test_only_the_student_adds_a_recording(client, api, artifact):
    body = wav_bytes()
    for who in ("tlee", "gadams", "ddunn"):
        reply = client.post(f"/api/v1/artifacts/{artifact}/reflections", headers=api(who),
                            json={"media": media(body)})
        assert reply.status_code == 403, (who, reply.text)


def test_a_district_admin_adds_rewords_and_retires_prompts(client, api, artifact):
    text = f"What evidence shows I reached my goal? {uuid.uuid4().hex[:4]}"
    added = client.post("/api/v1/prompts", headers=api("ddunn"), json={"text": text})
    assert added.status_code == 201, added.text
    prompt = added.json()
    assert (prompt["text"], prompt["retired"]) == (text, False)
    answered = client.post(f"/api/v1/artifacts/{artifact}/reflections", headers=api("aadams"),
                           json={"text": "My poster.", "prompt_id": prompt["id"]}).json()
    reworded = client.patch(f"/api/v1/prompts/{prompt['id']}", headers=api("ddunn"),
                            json={"text": text + " (and why?)"})
    assert reworded.status_code == 200 and reworded.json()["text"] == text + " (and why?)"
    retired = client.post(f"/api/v1/prompts/{prompt['id']}/retire", headers=api("ddunn"))
    assert retired.status_code == 200 and retired.json()["retired"] is True
    assert prompt["id"] not in [p["id"] for p in client.get("/api/v1/prompts", headers=api("aadams")).json()]
    [kept] = [r for r in client.get(f"/api/v1/artifacts/{artifact}/discussion", headers=api("aadams"))
              .json()["reflections"] if r["id"] == answered["id"]]
    assert kept["prompt_text"] == text


@pytest.mark.parametrize("who", ["aadams", "tlee", "gadams"])
def test_only_a_district_admin_manages_prompts(client, api, who):
    assert client.post("/api/v1/prompts", headers=api(who), json={"text": "Why?"}).status_code == 403
    prompt = client.post("/api/v1/prompts", headers=api("ddunn"), json={"text": f"Why? {uuid.uuid4().hex}"}).json()
    assert client.patch(f"/api/v1/prompts/{prompt['id']}", headers=api(who), json={"text": "x"}).status_code == 403
    assert client.post(f"/api/v1/prompts/{prompt['id']}/retire", headers=api(who)).status_code == 403


def test_a_blank_prompt_is_422_naming_the_field(client, api):
    reply = client.post("/api/v1/prompts", headers=api("ddunn"), json={"text": "  "})
    assert reply.status_code == 422 and "text" in [p["field"] for p in reply.json()["error"]["problems"]]


def test_openapi_documents_the_recording_and_prompt_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path, method in [("/api/v1/reflections/{reflection_id}/revisions/{number}/complete", "post"),
                         ("/api/v1/prompts", "post"), ("/api/v1/prompts/{prompt_id}", "patch"),
                         ("/api/v1/prompts/{prompt_id}/retire", "post")]:
        assert method in paths[path], path


def test_a_checked_recording_goes_into_the_passport_and_plays_offline(client, api, artifact, district,
                                                                       reflections_app):
    body = wav_bytes(0.5)
    added = client.post(f"/api/v1/artifacts/{artifact}/reflections", headers=api("aadams"),
                        json={"text": "Listen to my plan", "media": media(body, name="plan.wav")}).json()
    put_bytes(client, added["upload"], body)
    assert client.post(f"/api/v1/reflections/{added['id']}/revisions/1/complete", headers=api("aadams"),
                       json={}).status_code == 200
    assert check_uploads(reflections_app, added["id"]) == ["ready"]
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/passport", headers=api("aadams"), json={})
    assert reply.status_code == 200, reply.text
    with zipfile.ZipFile(io.BytesIO(reply.content)) as archive:
        document = json.loads(archive.read("passport.json"))
        jsonschema.validate(document, json.loads(archive.read("passport.schema.json")))
        [discussed] = [a for a in document["artifacts"] if a["id"] == artifact]
        [reflection] = [r for r in discussed["reflections"] if r["id"] == added["id"]]
        recording = reflection["revisions"][0]["media"]
        assert recording["file"] == f"media/reflections/{added['id']}/r1-plan.wav"
        assert "download_url" not in recording                              # no link leaves in the archive
        assert archive.read(recording["file"]) == body                      # the checked copy, played offline
        assert f'<audio controls src="{recording["file"]}">' in archive.read("index.html").decode()
