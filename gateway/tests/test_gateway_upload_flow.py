"""The whole upload flow of the embedded default through the gateway: create a file artifact (REST), PUT its bytes
to the signed /media URL the artifacts service chose, complete the upload (REST), let the media pipeline judge it
(the worker's own function, fed the service's outbox event), then view and download it through signed /media URLs."""
from __future__ import annotations

import io
import uuid

import pytest
from gateway_testkit import api_token, bearer
from PIL import Image

from artifacts.adapters.orm import audit_log, outbox
from artifacts.service_layer.media_results import check_uploaded_media
from chassis.calendar import utc_now
from chassis.messaging.subscriptions import ConsumerUnits
from chassis.testing.records import ServiceRecords

pytestmark = pytest.mark.integration


def _png(size: tuple[int, int] = (640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def _judge(artifacts_app, artifact_id: str) -> str:
    """Run the media worker's check on the artifact_media_uploaded event the service put in its outbox."""
    records = ServiceRecords(artifacts_app.settings.database_url, outbox, audit_log)
    try:
        uploaded = [e for e in records.envelopes()
                    if e.type == "artifact_media_uploaded" and e.data["artifact_id"] == artifact_id]
    finally:
        records.dispose()
    assert len(uploaded) == 1
    return check_uploaded_media(ConsumerUnits(artifacts_app.unit_of_work, "gateway-tests.media"), uploaded[0],
                                artifacts_app.media, utc_now)


def test_an_image_goes_from_upload_to_thumbnail(client, district, skill_ids, artifacts_app):
    amy = bearer(api_token(client, *district.login("aadams")))
    picture = _png()
    created = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=amy, json={
        "title": f"Sunset {uuid.uuid4().hex[:6]}", "kind": "image", "skill_ids": [skill_ids["thinker"]],
        "file": {"name": "sunset.png", "content_type": "image/png", "size_bytes": len(picture)}})
    assert created.status_code == 201, created.text
    artifact, upload = created.json()["artifact"], created.json()["upload"]

    sent = client.put(upload["url"], content=picture, headers=upload["headers"])
    assert sent.status_code == 201, sent.text
    completed = client.post(f"/api/v1/artifacts/{artifact['id']}/versions/1/complete", headers=amy,
                            json={"part_etags": []})
    assert completed.status_code == 200, completed.text
    assert completed.json()["status"] == "processing"

    assert _judge(artifacts_app, artifact["id"]) == "ready"
    ready = client.get(f"/api/v1/artifacts/{artifact['id']}", headers=amy).json()
    assert ready["status"] == "ready"
    thumbnail = client.get(ready["thumbnail_url"])
    assert thumbnail.status_code == 200 and thumbnail.headers["content-type"] == "image/webp"
    assert Image.open(io.BytesIO(thumbnail.content)).format == "WEBP"
    inline = client.get(ready["media_url"])
    assert inline.status_code == 200 and inline.headers["content-disposition"].startswith("inline")
    download = client.get(ready["versions"][0]["download_url"])
    assert download.status_code == 200 and download.headers["content-type"] == "image/png"
    assert 'filename="sunset.png"' in download.headers["content-disposition"]
    assert Image.open(io.BytesIO(download.content)).size == (640, 480)


def test_a_file_that_is_not_what_it_claims_is_rejected(client, district, skill_ids, artifacts_app):
    amy = bearer(api_token(client, *district.login("aadams")))
    fake = b"MZ" + b"\0" * 200   # a Windows program announced as a PNG
    created = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=amy, json={
        "title": f"Not a picture {uuid.uuid4().hex[:6]}", "kind": "image", "skill_ids": [skill_ids["thinker"]],
        "file": {"name": "cat.png", "content_type": "image/png", "size_bytes": len(fake)}}).json()
    assert client.put(created["upload"]["url"], content=fake,
                      headers=created["upload"]["headers"]).status_code == 201
    artifact_id = created["artifact"]["id"]
    assert client.post(f"/api/v1/artifacts/{artifact_id}/versions/1/complete", headers=amy,
                       json={}).status_code == 200
    assert _judge(artifacts_app, artifact_id) == "rejected"
    rejected = client.get(f"/api/v1/artifacts/{artifact_id}", headers=amy).json()
    assert rejected["status"] == "rejected" and rejected["rejection_reason"]
    assert rejected["media_url"] == "" and rejected["versions"][0]["download_url"] == ""
