"""The artifact page's discussion in a real browser (Playwright + Debian's chromium) against `skillfolio up` and its
demo district: the student writes a text reflection (with a guided prompt when the district has one) on an
artifact her teacher added; the teacher gives feedback and assesses it against a skill's rubric, and the student's
self-assessment shows beside it; a guardian comments, and a comment holding <script> is shown as text and opens
no dialog. Plus checks we can make honestly without axe-core: every control labelled, heading levels in order,
errors next to their field and focused, usable at 375 px."""
from __future__ import annotations

import os
import pathlib
import re
import uuid

import pytest
from e2e_pages import api_as, assert_accessible_basics, open_as
from e2e_rubric import ensure_rubric
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> pathlib.Path:
    """Where screenshots go: SKILLFOLIO_E2E_ARTIFACTS if set (CI keeps them), else a temp dir."""
    folder = os.environ.get("SKILLFOLIO_E2E_ARTIFACTS")
    path = pathlib.Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def teacher_artifact(platform) -> dict:
    """The demo portfolio's oldest link that the student's current teacher added: a seeded one (other modules add
    and delete artifacts of their own)."""
    http = api_as(platform, "student")
    me = http.get("/api/v1/me").json()
    items = http.get(f"/api/v1/students/{me['id']}/artifacts", params={"page_size": 100}).json()["items"]
    by_teacher = [a for a in items if a["added_by_role"] == "teacher" and a["kind"] == "link"]
    assert by_teacher, [(a["title"], a["added_by_role"]) for a in items]
    return by_teacher[-1]                    # the list is newest first


def test_a_student_reflects_on_an_artifact_her_teacher_added(browser, platform, teacher_artifact, shots):
    path = f"/artifacts/{teacher_artifact['id']}"
    page = open_as(browser, platform, "student", path)
    expect(page.get_by_role("heading", level=1)).to_have_text(teacher_artifact["title"])
    expect(page.locator("dl.facts")).to_contain_text("by a teacher")
    form = page.locator(f"form[action='{path}/reflections']")
    expect(form.get_by_role("heading", name="Add a reflection")).to_be_visible()
    assert_accessible_basics(page)

    form.get_by_label("Your reflection").fill("   ")                  # nothing to say: refused, next to the field
    form.get_by_role("button", name="Save reflection").click()
    field = page.locator("#reflection-text")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#reflection-text-error")).to_contain_text("must not be empty")
    assert "reflection-text-error" in field.get_attribute("aria-describedby")
    expect(field).to_be_focused()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")

    text = f"We asked the historian about the old mill. Next time I will prepare follow-up questions. {uuid.uuid4().hex[:6]}"
    prompts = form.get_by_label("Guided prompt (optional)")
    options = prompts.locator("option").all_inner_texts()
    if len(options) > 1:                                   # the district's guided prompts, when it has some
        prompts.select_option(label=options[1])
    form.get_by_label("Your reflection").fill(text)
    form.get_by_role("button", name="Save reflection").click()
    expect(page.get_by_role("status")).to_have_text("Your reflection was saved.")
    mine = page.locator("article.reflection").filter(has_text=text)
    expect(mine).to_have_count(1)
    if len(options) > 1:
        expect(mine.get_by_role("heading", level=3)).to_have_text(options[1])
    page.set_viewport_size({"width": 375, "height": 740})
    assert_accessible_basics(page)
    page.screenshot(path=str(shots / "artifact-reflection-phone.png"), full_page=True)


def test_the_teacher_gives_feedback_and_may_hide_comments(browser, platform, teacher_artifact):
    path = f"/artifacts/{teacher_artifact['id']}"
    page = open_as(browser, platform, "teacher", path)
    expect(page.get_by_role("heading", name="Give feedback")).to_be_visible()
    expect(page.get_by_role("heading", name="Add a reflection")).to_have_count(0)
    word = uuid.uuid4().hex[:6]
    page.get_by_label("Can do", exact=True).fill(f"You asked clear questions {word}")
    page.get_by_label("Next steps", exact=True).fill("Plan one follow-up question for each answer.")
    page.get_by_role("button", name="Save feedback").click()
    expect(page.get_by_role("status")).to_have_text("Your feedback was saved.")
    expect(page.locator("article.feedback").filter(has_text=f"You asked clear questions {word}")).to_have_count(1)
    assert_accessible_basics(page)


def test_a_guardian_comments_and_a_script_stays_text(browser, platform, teacher_artifact):
    path = f"/artifacts/{teacher_artifact['id']}"
    page = open_as(browser, platform, "guardian", path)
    expect(page.get_by_role("heading", name="Add a reflection")).to_have_count(0)
    expect(page.get_by_role("heading", name="Give feedback")).to_have_count(0)
    body = f"<script>alert('gotcha')</script> What a great interview! {uuid.uuid4().hex[:6]}"
    page.get_by_label("Comment", exact=True).fill(body)
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("status")).to_have_text("Your comment was posted.")
    expect(page.locator("li.comment").filter(has_text=body)).to_have_count(1)
    expect(page.locator("li.comment").filter(has_text=body).locator(".meta")).to_contain_text("You")
    assert page.dialogs == []
    assert_accessible_basics(page)

    teacher = open_as(browser, platform, "teacher", path)
    comment = teacher.locator("li.comment").filter(has_text=body)
    expect(comment.get_by_role("button", name=re.compile(r"^Hide"))).to_be_visible()
    assert teacher.dialogs == []


@pytest.fixture(scope="module")
def rubric(platform, teacher_artifact) -> tuple[str, dict]:
    """A skill of the artifact with a rubric (defined by the district admin if the demo has none) and its
    instrument as the reflections service serves it."""
    admin_id = api_as(platform, "district admin").get("/api/v1/me").json()["id"]
    return ensure_rubric(platform, api_as(platform, "teacher"), admin_id, teacher_artifact)


def test_the_teacher_assesses_it_against_the_rubric_beside_the_self_assessment(browser, platform, teacher_artifact,
                                                                             rubric, shots):
    skill_id, instrument = rubric
    levels, criteria = instrument["levels"], instrument["criteria"]
    path = f"/artifacts/{teacher_artifact['id']}"
    student = open_as(browser, platform, "student", path)
    card = student.locator(f"article[aria-labelledby='skill-{skill_id}-title']")
    card.get_by_text(f"Self-assess {instrument['skill_name']}", exact=True).click()
    card.get_by_role("group", name=re.compile("^Level on the scale")).get_by_role(
        "radio", name=re.compile(f"^{re.escape(levels[1]['name'])}")).check()
    card.get_by_role("button", name="Save self-assessment").click()
    expect(student.get_by_role("status")).to_have_text("Your self-assessment was saved.")

    teacher = open_as(browser, platform, "teacher", path)
    card = teacher.locator(f"article[aria-labelledby='skill-{skill_id}-title']")
    expect(card.get_by_role("heading", level=3)).to_have_text(instrument["skill_name"])
    expect(card).to_contain_text(f"Rubric: {instrument['rubric_name']}")
    card.get_by_text(f"Assess {instrument['skill_name']}", exact=True).click()
    card.get_by_role("button", name="Save assessment").click()              # no level chosen: refused, in place
    teacher_card = teacher.locator(f"article[aria-labelledby='skill-{skill_id}-title']")
    level_group = teacher_card.get_by_role("group", name=re.compile("^Level on the scale"))
    expect(level_group).to_contain_text("Level: choose one of the levels.")
    expect(level_group.get_by_role("radio").first).to_have_attribute("aria-invalid", "true")

    level_group.get_by_role("radio", name=re.compile(f"^{re.escape(levels[2]['name'])}")).check()
    for criterion, level in zip(criteria, (levels[3], levels[1])):
        teacher_card.get_by_role("group", name=f"Rubric criterion: {criterion['name']}").get_by_role(
            "radio", name=re.compile(f"^{re.escape(level['name'])}")).check()
    word = uuid.uuid4().hex[:6]
    teacher_card.get_by_label("Comment", exact=True).fill(f"Your questions drew out the mill's story {word}")
    teacher_card.get_by_role("button", name="Save assessment").click()
    expect(teacher.get_by_role("status")).to_have_text("Your assessment was saved.")

    guardian = open_as(browser, platform, "guardian", path)
    card = guardian.locator(f"article[aria-labelledby='skill-{skill_id}-title']")
    teacher_side, self_side = card.locator(".teacher-side"), card.locator(".self-side")
    expect(teacher_side.locator("p.level").first).to_contain_text(levels[2]["name"])
    expect(teacher_side).to_contain_text(f"Your questions drew out the mill's story {word}")
    expect(teacher_side.locator("dl.criteria")).to_contain_text(f"{criteria[0]['name']}{levels[3]['name']}")
    expect(self_side.locator("p.level").first).to_contain_text(levels[1]["name"])
    expect(card.get_by_role("button", name=re.compile("Save"))).to_have_count(0)
    assert_accessible_basics(guardian)
    card.screenshot(path=str(shots / "artifact-assessments-side-by-side.png"))
