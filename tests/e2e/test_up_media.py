"""`skillfolio up` runs the media worker: the demo portfolio seeded before the processes started is processed
(files checked, photos stripped of GPS, thumbnails written) and served over the gateway's signed media URLs,
to the people who may see it. Over HTTP, with the printed demo logins."""
from __future__ import annotations

import contextlib
import io
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image

from artifacts.demo.portfolio import PORTFOLIO
from chassis.testing import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
PROCESSED_WITHIN = 120   # seconds: six small files, after the workers have started


@contextlib.contextmanager
def _client(platform, role: str) -> Iterator[httpx.Client]:
    """An API client authenticated as the demo login of ``role``."""
    username, password = platform.login(role)
    with httpx.Client(base_url=platform.url, timeout=10) as http:
        token = http.post("/api/v1/auth/token", data={"username": username, "password": password})
        assert token.status_code == 200, token.text
        http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        yield http


@pytest.fixture(scope="module")
def portfolio(platform):
    """(student id, the seeded artifacts once every file is processed) as the current teacher sees them; other
    e2e modules add artifacts of their own to the same demo portfolio, which these tests leave aside."""
    seeded = {item.title for item in PORTFOLIO}
    with _client(platform, "student") as student:
        student_id = student.get("/api/v1/me").json()["id"]
    seen: list[dict] = []
    with _client(platform, "teacher") as teacher:
        def processed() -> list[dict]:
            reply = teacher.get(f"/api/v1/students/{student_id}/artifacts", params={"page_size": 50})
            assert reply.status_code == 200, reply.text
            seen[:] = [a for a in reply.json()["items"] if a["title"] in seeded]
            return seen if seen and all(a["status"] != "processing" for a in seen) else []
        items = wait_for(processed, PROCESSED_WITHIN, lambda: f"every seeded file processed: "
                         f"{[(a['title'], a['status']) for a in seen]}", interval=1)
    return student_id, items


def test_the_media_worker_accepts_every_seeded_file(portfolio):
    _, items = portfolio
    assert len(items) == 8
    assert Counter(a["status"] for a in items) == {"ready": 8}, [(a["title"], a["rejection_reason"]) for a in items]
    assert sorted(Counter(a["school_year_id"] for a in items).values()) == [4, 4]   # two school years


def test_images_have_thumbnails_and_photos_lost_their_location(platform, portfolio):
    _, items = portfolio
    images = {a["title"]: a for a in items if a["kind"] == "image"}
    assert len(images) == 4
    with _client(platform, "teacher") as teacher:
        for title, artifact in images.items():
            thumbnail = teacher.get(artifact["thumbnail_url"])
            assert thumbnail.status_code == 200 and thumbnail.headers["content-type"] == "image/webp", title
            assert max(Image.open(io.BytesIO(thumbnail.content)).size) <= 400, title
        photo = teacher.get(images["Bridge-building challenge"]["media_url"])
        assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"
        exif = Image.open(io.BytesIO(photo.content)).getexif()
        assert not exif.get_ifd(0x8825) and 0x0110 not in exif          # no GPS, no camera model


def test_documents_and_links_are_served_as_what_they_are(platform, portfolio):
    _, items = portfolio
    with _client(platform, "student") as student:
        for artifact in (a for a in items if a["kind"] == "document"):
            document = student.get(artifact["media_url"])
            assert document.status_code == 200 and document.headers["content-type"] == "application/pdf"
            assert document.content.startswith(b"%PDF-"), artifact["title"]
    assert {a["link_url"] for a in items if a["kind"] == "link"} == {
        "https://example.org/class-garden/team-journal", "https://example.org/room-12/podcast/our-towns-history"}


def test_the_former_teacher_and_admins_are_refused_the_guardian_is_not(platform, portfolio):
    student_id, _ = portfolio
    for role, status in (("former teacher", 403), ("school admin", 403), ("guardian", 200)):
        with _client(platform, role) as http:
            assert http.get(f"/api/v1/students/{student_id}/artifacts").status_code == status, role
