"""Media on the portfolio pages: an image uploaded the way upload.js does it (JSON with the session cookie and
X-CSRF-Token, bytes PUT to the signed /media URL, "complete") shows "Processing…" with a status poll until the
media worker's own code (run here in-process on the same store) accepts it; then the gallery shows the WebP
thumbnail and the artifact page the image and a download link. A file that is not what it claims is rejected,
and the pages say why."""
from __future__ import annotations

import io
import re
import uuid

import pytest
from fastapi.testclient import TestClient
from gateway_testkit import web_login
from PIL import Image

from artifacts.service_layer.media_results import check_uploaded_media
from chassis.calendar import utc_now
from chassis.events import Envelope
from chassis.messaging.subscriptions import ConsumerUnits

pytestmark = pytest.mark.integration
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (40, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(client: TestClient, student_id: str, title: str, skills: list[str], data: bytes,
           content_type: str = "image/png") -> str:
    """Create an image artifact, PUT its bytes to the UploadTarget and complete it, like upload.js; its id."""
    token = CSRF_META.search(client.get(f"/students/{student_id}/artifacts/new").text).group(1)
    created = client.post(f"/api/v1/students/{student_id}/artifacts", headers={"X-CSRF-Token": token}, json={
        "title": title, "description": "", "kind": "image", "skill_ids": skills,
        "file": {"name": "picture.png", "content_type": content_type, "size_bytes": len(data)}})
    assert created.status_code == 201, created.text
    artifact, target = created.json()["artifact"], created.json()["upload"]
    assert target["method"] == "PUT"
    sent = client.put(target["url"], content=data, headers=target["headers"])
    assert sent.status_code in (200, 201, 204), sent.text
    done = client.post(f"/api/v1/artifacts/{artifact['id']}/versions/1/complete", json={"part_etags": []},
                       headers={"X-CSRF-Token": token})
    assert done.status_code == 200, done.text
    return artifact["id"]


def run_media_worker(artifacts_app, artifact_id: str) -> str:
    envelope = Envelope(type="artifact_media_uploaded", producer="artifacts",
                        data={"artifact_id": artifact_id, "version": 1, "kind": "image",
                              "media_key": f"artifacts/{artifact_id}/v1/original"})
    return check_uploaded_media(ConsumerUnits(artifacts_app.unit_of_work, "gateway-web-tests"), envelope,
                                artifacts_app.media, utc_now)


@pytest.fixture
def student(make_client, district) -> TestClient:
    client = make_client()
    assert web_login(client, *district.login("aadams")).status_code == 303
    return client


def test_an_uploaded_image_is_processing_then_shows_its_thumbnail(student, district, skill_ids, artifacts_app):
    amy, title = district.ids["amy"], f"Kite {uuid.uuid4().hex[:6]}"
    artifact_id = upload(student, amy, title, [skill_ids["thinker"], skill_ids["gardener"]], png_bytes())

    gallery = student.get(f"/students/{amy}", params={"q": title.split()[1]})
    assert '<p class="status processing">Processing…</p>' in gallery.text and "<img" not in gallery.text
    page = student.get(f"/artifacts/{artifact_id}").text
    assert f'data-poll-url="/api/v1/artifacts/{artifact_id}"' in page and 'aria-live="polite"' in page
    assert '<script src="/static/status.js" defer></script>' in page
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page

    assert run_media_worker(artifacts_app, artifact_id) == "ready"
    gallery = student.get(f"/students/{amy}", params={"q": title.split()[1]}).text
    thumbnail = re.search(r'<img src="([^"]+)" alt="([^"]+)"', gallery)
    assert thumbnail and thumbnail.group(2) == title and "Processing" not in gallery
    image = student.get(thumbnail.group(1).replace("&amp;", "&"))
    assert image.status_code == 200 and image.headers["content-type"] == "image/webp"
    page = student.get(f"/artifacts/{artifact_id}").text
    assert re.search(rf'<div class="preview card">\s*<img src="/media/[^"]+" alt="{title}">', page)
    assert "status.js" not in page and "Garden Steward" in page and "Critical Thinker" in page
    download = re.search(r'<a href="([^"]+)">Download<span class="visually-hidden"> version 1</span>', page)
    original = student.get(download.group(1).replace("&amp;", "&"))
    assert original.status_code == 200 and original.content.startswith(b"\x89PNG")


def test_a_file_that_is_not_an_image_is_rejected_with_the_reason(student, district, skill_ids, artifacts_app):
    amy, title = district.ids["amy"], f"Not a photo {uuid.uuid4().hex[:6]}"
    artifact_id = upload(student, amy, title, [skill_ids["thinker"]], b"just some text, not a picture\n" * 10)
    assert run_media_worker(artifacts_app, artifact_id) == "rejected"
    gallery = student.get(f"/students/{amy}", params={"q": title.split()[-1]}).text
    badge = re.search(r'<p class="status rejected">Rejected: ([^<]+)</p>', gallery)
    assert badge and badge.group(1).strip()
    page = student.get(f"/artifacts/{artifact_id}").text
    assert f'role="alert">Rejected: {badge.group(1)}</p>' in page and '<div class="preview' not in page
