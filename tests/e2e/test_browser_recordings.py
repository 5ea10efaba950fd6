"""An audio reflection in a real browser (Playwright + Debian's chromium) against `skillfolio up`: the demo student
chooses a small real WAV (written here with the stdlib ``wave`` module) in the artifact page's "Add an audio or
video reflection" form; upload.js declares it, sends the bytes to the signed store URL and completes; the page says
the recording is being checked and, once the reflections events role has checked it, shows an <audio> player with
controls that the browser can actually load (its duration is the file's)."""
from __future__ import annotations

import re
import uuid
import wave

import pytest
from e2e_pages import api_as, assert_accessible_basics, open_as
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]
RATE, SECONDS = 8000, 1.5


@pytest.fixture
def recording(tmp_path):
    """A 1.5 s mono 16-bit PCM WAV (a soft square wave)."""
    path = tmp_path / "my-reflection.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((b"\x00\x10" * 20 + b"\x00\xf0" * 20) * int(RATE * SECONDS / 40))
    return path


@pytest.fixture
def teacher_artifact(platform) -> dict:
    """A new link the student's current teacher adds to the demo portfolio (tagged like a seeded one), so the
    other browser tests' artifacts keep their discussion as they expect it."""
    student = api_as(platform, "student")
    me = student.get("/api/v1/me").json()
    items = student.get(f"/api/v1/students/{me['id']}/artifacts", params={"page_size": 100}).json()["items"]
    seeded = [a for a in items if a["added_by_role"] == "teacher" and a["kind"] == "link"]
    assert seeded, [(a["title"], a["added_by_role"]) for a in items]
    added = api_as(platform, "teacher").post(f"/api/v1/students/{me['id']}/artifacts", json={
        "title": f"Oral history interview {uuid.uuid4().hex[:6]}", "kind": "link",
        "link_url": "https://example.org/interview", "skill_ids": seeded[-1]["skill_ids"]})
    assert added.status_code == 201, added.text
    return added.json()["artifact"]


def test_the_student_uploads_an_audio_reflection_and_hears_it_once_checked(browser, platform, teacher_artifact,
                                                                          recording):
    path = f"/artifacts/{teacher_artifact['id']}"
    page = open_as(browser, platform, "student", path)
    form = page.locator("#recording-form")
    expect(form.get_by_role("heading", name="Add an audio or video reflection")).to_be_visible()
    file_input = form.get_by_label("Recording (audio or video)")
    expect(file_input).to_have_attribute("accept", "audio/*,video/*")
    assert_accessible_basics(page)

    form.get_by_role("button", name="Upload recording").click()          # no file: refused next to the field
    expect(page.locator("#recording-file-error")).to_contain_text("Choose a recording to upload.")
    expect(file_input).to_have_attribute("aria-invalid", "true")

    caption = f"What I would do differently next time {uuid.uuid4().hex[:6]}"
    file_input.set_input_files(str(recording))
    form.get_by_label("Caption or transcript (optional)").fill(caption)
    form.get_by_role("button", name="Upload recording").click()
    page.wait_for_url(re.compile(r"done=recording"), timeout=30_000)
    mine = page.locator("article.reflection").filter(has_text=caption)
    expect(mine).to_have_count(1)

    player = mine.locator("audio[controls]")             # status.js reloads the page once the check is done
    expect(player).to_have_count(1, timeout=90_000)
    expect(mine.locator(".status.processing")).to_have_count(0)
    duration = player.evaluate("""audio => new Promise(resolve => {
        if (audio.readyState >= 1) return resolve(audio.duration);
        audio.addEventListener("loadedmetadata", () => resolve(audio.duration));
        audio.addEventListener("error", () => resolve(-1));
        audio.load();
    })""")
    assert duration == pytest.approx(SECONDS, abs=0.05)
    label_id = player.get_attribute("aria-labelledby")
    assert page.locator(f"#{label_id}").count() == 1
    assert_accessible_basics(page)
