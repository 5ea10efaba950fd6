"""Class-wide capture through the gateway against real roster, skills and artifacts servers: a section's current
teacher adds one photo to its students (REST, Idempotency-Key), uploads it once to the signed /media URL, completes
it, the media worker's handler checks it once, and every student's artifact is ready; the capture page is linked from
the teacher's home; the access matrix of the new routes (only the current teacher of the section; everyone else 403)."""
from __future__ import annotations

import io
import uuid

import pytest
from gateway_testkit import api_token, bearer, web_login
from PIL import Image

from artifacts.adapters.orm import audit_log, outbox
from artifacts.service_layer.capture_media import check_uploads
from chassis.calendar import utc_now
from chassis.messaging.subscriptions import ConsumerUnits
from chassis.testing.records import ServiceRecords

pytestmark = pytest.mark.integration


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (40, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def _body(district, skill_ids, size: int, students=("amy", "ben")) -> dict:
    return {"title": f"Class mural {uuid.uuid4().hex[:6]}", "description": "Painted together", "kind": "image",
            "skill_ids": [skill_ids["thinker"]],
            "file": {"name": "mural.png", "content_type": "image/png", "size_bytes": size},
            "recipients": [{"student_id": district.ids[s], "note": "Led the sketch" if s == "amy" else ""}
                           for s in students]}


def _judge(artifacts_app, capture_id: str) -> str:
    records = ServiceRecords(artifacts_app.settings.database_url, outbox, audit_log)
    try:
        [uploaded] = [e for e in records.envelopes() if e.type == "artifact_media_uploaded"
                      and e.data.get("media_object_id") == capture_id]
    finally:
        records.dispose()
    return check_uploads(ConsumerUnits(artifacts_app.unit_of_work, "gateway-tests.media"), uploaded,
                         artifacts_app.media, utc_now)


def test_one_photo_for_the_section_is_uploaded_and_checked_once(client, district, skill_ids, artifacts_app):
    tlee = bearer(api_token(client, *district.login("tlee")))
    photo, key = _png(), uuid.uuid4().hex
    url = f"/api/v1/sections/{district.ids['math']}/captures"
    created = client.post(url, headers={**tlee, "Idempotency-Key": key}, json=_body(district, skill_ids, len(photo)))
    assert created.status_code == 201, created.text
    again = client.post(url, headers={**tlee, "Idempotency-Key": key}, json=_body(district, skill_ids, len(photo)) |
                        {"title": created.json()["capture"]["title"]})
    assert again.json()["capture"]["id"] == created.json()["capture"]["id"]      # a retry creates nothing more
    capture, upload = created.json()["capture"], created.json()["upload"]
    assert {a["student_id"] for a in capture["artifacts"]} == {district.ids["amy"], district.ids["ben"]}
    assert capture["status"] == "uploading" and capture["live_references"] == 2

    sent = client.put(upload["url"], content=photo, headers=upload["headers"])
    assert sent.status_code in (200, 201, 204), sent.text
    done = client.post(f"/api/v1/captures/{capture['id']}/complete", headers=tlee, json={"part_etags": []})
    assert done.status_code == 200 and done.json()["status"] == "processing", done.text
    assert _judge(artifacts_app, capture["id"]) == "ready"

    progress = client.get(f"/api/v1/captures/{capture['id']}", headers=tlee).json()
    assert progress["status"] == "ready" and {a["status"] for a in progress["artifacts"]} == {"ready"}
    amy = bearer(api_token(client, *district.login("aadams")))
    mine = next(a for a in progress["artifacts"] if a["student_id"] == district.ids["amy"])
    seen = client.get(f"/api/v1/artifacts/{mine['artifact_id']}", headers=amy).json()
    assert seen["status"] == "ready" and seen["description"].endswith("Led the sketch")
    assert client.get(seen["media_url"]).content[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("username", ["tkim", "aadams", "gadams", "sshaw", "ddunn"])
def test_only_a_current_teacher_of_the_section_captures(client, district, skill_ids, username):
    caller = bearer(api_token(client, *district.login(username)))
    refused = client.post(f"/api/v1/sections/{district.ids['math']}/captures", headers=caller,
                          json=_body(district, skill_ids, 100))
    assert refused.status_code == 403, refused.text


def test_the_progress_is_the_capturing_teachers(client, district, skill_ids):
    tlee = bearer(api_token(client, *district.login("tlee")))
    created = client.post(f"/api/v1/sections/{district.ids['math']}/captures", headers=tlee,
                          json=_body(district, skill_ids, 100, students=("amy",)))
    assert created.status_code == 201, created.text
    capture_id = created.json()["capture"]["id"]
    for username in ("tkim", "aadams", "sshaw"):
        caller = bearer(api_token(client, *district.login(username)))
        assert client.get(f"/api/v1/captures/{capture_id}", headers=caller).status_code == 403
        assert client.post(f"/api/v1/captures/{capture_id}/complete", headers=caller,
                           json={"part_etags": []}).status_code == 403


def test_a_student_outside_the_section_is_named(client, district, skill_ids):
    tlee = bearer(api_token(client, *district.login("tlee")))
    body = _body(district, skill_ids, 100)
    body["recipients"].append({"student_id": "stu-nobody"})
    refused = client.post(f"/api/v1/sections/{district.ids['math']}/captures", headers=tlee, json=body)
    assert refused.status_code == 422
    assert [p["field"] for p in refused.json()["error"]["problems"]] == ["recipients[2].student_id"]


def test_home_links_each_section_to_its_capture_page(make_client, district):
    client = make_client()
    web_login(client, *district.login("tlee"))
    path = f"/sections/{district.ids['math']}/capture"
    assert f'href="{path}"' in client.get("/").text
    page = client.get(path)
    assert page.status_code == 200
    assert "Amy Adams" in page.text and 'role="status"' in page.text and "<label" in page.text
    outsider = make_client()
    web_login(outsider, *district.login("tkim"))
    assert outsider.get(path).status_code == 403
