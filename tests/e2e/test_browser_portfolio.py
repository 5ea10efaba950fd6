"""The portfolio in a real browser (Playwright + Debian's chromium) against `skillfolio up` with the demo district:
a student uploads a PNG tagged with two skills and sees its thumbnail once the media worker has processed it;
filters by skill and school year narrow the gallery (and stay in the URL); a teacher sees their current student
while the former teacher is refused; a title holding <script> is shown as text and runs nothing."""
from __future__ import annotations

import os
import pathlib
import re
import uuid
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]
PROCESSING_TIMEOUT_MS = 90_000     # the media worker sniffs, strips metadata and draws the thumbnail


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> pathlib.Path:
    """Where screenshots go: SKILLFOLIO_E2E_ARTIFACTS if set (CI keeps them), else a temp dir."""
    folder = os.environ.get("SKILLFOLIO_E2E_ARTIFACTS")
    path = pathlib.Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def open_page(browser: Browser, platform, role: str, width: int = 1100) -> Page:
    """A fresh browser context logged in with the demo login of ``role``."""
    context = browser.new_context(base_url=platform.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    username, password = platform.login(role)
    page.goto("/login")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    return page


class Api:
    """The REST API as one demo person (bearer token), for preparing data without extra page loads."""

    def __init__(self, platform, role: str) -> None:
        self.http = httpx.Client(base_url=platform.url, timeout=30)
        self.created: list[str] = []      # artifact ids this module added (deleted at its end)
        username, password = platform.login(role)
        reply = self.http.post("/api/v1/auth/token", data={"username": username, "password": password})
        assert reply.status_code == 200, reply.text
        self.http.headers["Authorization"] = f"Bearer {reply.json()['access_token']}"

    def get(self, path: str, **params) -> dict:
        reply = self.http.get(path, params=params)
        assert reply.status_code == 200, reply.text
        return reply.json()

    def add_link(self, student_id: str, title: str, skill_ids: list[str], school_year_id: str = "") -> dict:
        body = {"title": title, "description": "", "kind": "link", "skill_ids": skill_ids,
                "link_url": "https://example.org/work"}
        if school_year_id:
            body["school_year_id"] = school_year_id
        reply = self.http.post(f"/api/v1/students/{student_id}/artifacts", json=body)
        assert reply.status_code == 201, reply.text
        self.created.append(reply.json()["artifact"]["id"])
        return reply.json()["artifact"]

    def delete_created(self) -> None:
        for artifact_id in self.created:
            assert self.http.delete(f"/api/v1/artifacts/{artifact_id}").status_code == 204, artifact_id


@pytest.fixture(scope="module")
def demo(platform) -> Iterator[dict]:
    """The demo student (id, school), their school's active skills and the roster's school years (newest first).
    Whatever this module adds to the demo portfolio is deleted at its end: later tests count the seeded one."""
    api = Api(platform, "student")
    me = api.get("/api/v1/me")
    skills = [s for s in api.get("/api/v1/skills", school_id=me["primary_school_id"])["items"] if not s["retired"]]
    years = sorted(api.get("/api/v1/school-years")["items"], key=lambda y: y["start_date"], reverse=True)
    assert len(skills) >= 2, "the demo district needs at least two skills"
    yield {"api": api, "student": me, "skills": skills, "years": years}
    api.delete_created()


def contrast(page: Page, selector: str) -> float:
    """WCAG contrast ratio of an element's text colour against its own background colour."""
    return page.locator(selector).evaluate("""el => {
        const parse = c => c.match(/[\\d.]+/g).map(Number);
        const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92
                                                        : Math.pow((v + 0.055) / 1.055, 2.4); };
                                     return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
        const style = getComputedStyle(el);
        const [a, b] = [lum(parse(style.color)), lum(parse(style.backgroundColor))];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }""")


def card_titles(page: Page) -> list[str]:
    return page.locator(".artifact-card h3").all_inner_texts()


def test_student_uploads_an_image_with_two_skills_and_sees_its_thumbnail(browser, platform, demo, tmp_path,
                                                                          shots):
    picture = tmp_path / "volcano.png"
    image = Image.new("RGB", (640, 480), (230, 236, 244))
    ImageDraw.Draw(image).polygon([(120, 420), (320, 90), (520, 420)], fill=(160, 60, 30))
    image.save(picture)
    first, second = demo["skills"][0], demo["skills"][1]
    title = f"Volcano model {uuid.uuid4().hex[:6]}"

    page = open_page(browser, platform, "student")
    page.get_by_role("link", name="Open my portfolio").click()
    page.get_by_role("link", name="Add artifact", exact=True).click()
    page.get_by_label("File").set_input_files(str(picture))
    expect(page.get_by_label("Kind")).to_have_value("image")          # picked from the file's type
    page.get_by_role("button", name="Add artifact").click()            # no title, no skill: the API says so
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary.locator("a[href='#title']")).to_be_visible()
    expect(summary.locator("a[href='#skills']")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Title").fill(title)
    page.get_by_role("checkbox", name=first["name"], exact=True).check()
    page.get_by_role("checkbox", name=second["name"], exact=True).check()
    page.screenshot(path=str(shots / "artifact-new.png"), full_page=True)
    page.get_by_role("button", name="Add artifact").click()

    expect(page).to_have_url(re.compile(r"/artifacts/(?!new$)[^/]+$"), timeout=30_000)
    demo["api"].created.append(page.url.rsplit("/", 1)[1])
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    preview = page.locator(".preview img")                           # the page reloads itself when ready
    expect(preview).to_be_visible(timeout=PROCESSING_TIMEOUT_MS)
    expect(preview).to_have_attribute("alt", title)
    chips = page.get_by_role("list", name="Skills")
    expect(chips).to_contain_text(first["name"])
    expect(chips).to_contain_text(second["name"])
    expect(page.get_by_role("link", name="Edit")).to_be_visible()
    page.screenshot(path=str(shots / "artifact-page.png"), full_page=True)

    page.get_by_role("link", name="Back to my portfolio").click()
    card = page.locator(".artifact-card", has_text=title)
    thumbnail = card.get_by_role("img", name=title)
    expect(thumbnail).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle())
    expect(card.locator(".chip")).to_have_count(2)
    for chip in range(2):                                            # skill colours keep text legible
        assert contrast(page, f".artifact-card:has-text('{title}') .chip >> nth={chip}") >= 4.5
    page.screenshot(path=str(shots / "portfolio-gallery.png"), full_page=True)

    # A resubmission: a new version through the same upload path; both versions stay listed, newest first.
    Image.new("RGB", (320, 240), (30, 110, 60)).save(picture)
    card.get_by_role("link", name=title).click()
    page.get_by_role("link", name="Upload a new version").click()
    page.get_by_label("File").set_input_files(str(picture))
    page.get_by_role("button", name="Upload new version").click()
    expect(page.locator(".preview img")).to_be_visible(timeout=PROCESSING_TIMEOUT_MS)
    versions = page.get_by_role("heading", name="Versions").locator("xpath=..").locator("li")
    expect(versions).to_have_count(2)
    expect(versions.first).to_contain_text("Version 2 (current)")
    page.context.close()


def test_filters_by_skill_and_school_year_narrow_the_gallery(browser, platform, demo, shots):
    api, student, (first, second) = demo["api"], demo["student"], demo["skills"][:2]
    years = demo["years"]
    assert len(years) >= 2, "the demo roster should hold this school year and the last"
    word = uuid.uuid4().hex[:8]
    api.add_link(student["id"], f"Debate notes {word}", [first["id"]], years[0]["id"])
    api.add_link(student["id"], f"Old essay {word}", [second["id"]], years[1]["id"])

    page = open_page(browser, platform, "student", width=375)           # a phone: the filters still fit
    page.goto(f"/students/{student['id']}")
    page.get_by_label("Search titles").fill(word)
    page.get_by_role("button", name="Apply filters").click()
    assert sorted(card_titles(page)) == [f"Debate notes {word}", f"Old essay {word}"]
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    for control in page.locator("main input, main select").all():     # every control has its label
        assert page.locator(f"label[for='{control.get_attribute('id')}']").count() == 1
    levels = [int(tag[1]) for tag in page.locator("main h1, main h2, main h3").evaluate_all(
        "hs => hs.map(h => h.tagName)")]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:]))   # no skipped levels

    skill_box = page.get_by_role("checkbox", name=first["name"], exact=True)
    skill_box.focus()
    page.keyboard.press("Space")                                      # the keyboard alone filters
    expect(skill_box).to_be_checked()
    page.get_by_label("Search titles").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]skill="))
    assert card_titles(page) == [f"Debate notes {word}"]
    assert f"skill={first['id']}" in page.url and f"q={word}" in page.url   # shareable

    page.get_by_role("checkbox", name=first["name"], exact=True).uncheck()
    page.get_by_label("School year").select_option(years[1]["id"])
    page.get_by_role("button", name="Apply filters").click()
    assert card_titles(page) == [f"Old essay {word}"]
    assert f"year={years[1]['id']}" in page.url
    page.screenshot(path=str(shots / "portfolio-filtered-phone.png"), full_page=True)
    page.context.close()


def test_teacher_sees_current_student_and_former_teacher_is_refused(browser, platform, demo):
    student = demo["student"]
    name = f"{student['family_name']}, {student['given_name']}"
    teacher = open_page(browser, platform, "teacher")
    expect(teacher.get_by_role("link", name=name).first).to_be_visible()
    teacher.get_by_role("link", name=name).first.click()
    expect(teacher.get_by_role("heading", level=1)).to_have_text(
        f"Portfolio of {student['given_name']} {student['family_name']}")
    teacher.context.close()

    former = open_page(browser, platform, "former teacher")
    expect(former.get_by_role("link", name=name)).to_have_count(0)     # not among "My students" any more
    reply = former.goto(f"/students/{student['id']}")
    assert reply.status == 403
    expect(former.get_by_role("heading", level=1)).to_have_text("You can't open this page")
    expect(former.locator("main")).to_contain_text("teachers the portfolios of the students they teach now")
    former.context.close()


def test_a_script_title_shows_as_text_and_runs_nothing(browser, platform, demo):
    word = uuid.uuid4().hex[:8]
    title = f'<script>alert("pwned")</script><img src=x onerror=alert(1)> {word}'
    artifact = demo["api"].add_link(demo["student"]["id"], title, [demo["skills"][0]["id"]])
    page = open_page(browser, platform, "student")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"/students/{demo['student']['id']}?q={word}")
    assert card_titles(page) == [title]
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert page.url.endswith(f"/artifacts/{artifact['id']}")
    assert dialogs == [] and page.locator("main script, main img[src='x']").count() == 0
    page.context.close()


def test_a_large_file_uploads_in_parts_and_a_failed_part_is_sent_again(browser, platform, demo, tmp_path):
    """11 MiB -> three parts (the e2e platform sets 5 MiB parts from 6 MiB); the store fails part 2 once."""
    document = tmp_path / "field-notes.txt"
    line = b"Field notes: the creek was higher today, and we counted eleven herons.\n"
    document.write_bytes(line * (11 * 1024 * 1024 // len(line)))
    title = f"Field notes {uuid.uuid4().hex[:6]}"
    refused: list[str] = []

    def flaky_store(route):
        if not refused:
            refused.append(route.request.url)
            route.fulfill(status=503, body="busy, try again")
        else:
            route.continue_()

    page = open_page(browser, platform, "student")
    page.route(re.compile(r"/media/upload/.*[?&]pn=2(&|$)"), flaky_store)
    page.goto(f"/students/{demo['student']['id']}/artifacts/new")
    page.get_by_label("Title").fill(title)
    page.get_by_label("File").set_input_files(str(document))
    expect(page.get_by_label("Kind")).to_have_value("document")
    page.get_by_role("checkbox", name=demo["skills"][0]["name"], exact=True).check()
    page.get_by_role("button", name="Add artifact").click()
    expect(page).to_have_url(re.compile(r"/artifacts/(?!new$)[^/]+$"), timeout=60_000)
    demo["api"].created.append(page.url.rsplit("/", 1)[1])
    assert len(refused) == 1                                         # part 2 failed once and was sent again
    expect(page.get_by_role("link", name=re.compile(r"^Download field-notes\.txt"))).to_be_visible(
        timeout=PROCESSING_TIMEOUT_MS)
    artifact = demo["api"].get(f"/api/v1/artifacts/{page.url.rsplit('/', 1)[1]}")
    assert artifact["status"] == "ready" and artifact["versions"][0]["size_bytes"] == document.stat().st_size
    page.context.close()
