"""Accessibility over the main pages in a real browser against `skillfolio up` and its demo district: axe-core
(WCAG 2.1 A and AA rules) finds no violation, and at 320 CSS px wide (400% zoom of a 1280 px window, WCAG 1.4.10)
nothing scrolls sideways: the portfolio, an artifact with its assessment form open (and at 1100 px too), its
discussion, growth, goals, the milestones list and a milestone."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from e2e_pages import api_as, open_as
from e2e_rubric import ensure_rubric
from playwright.sync_api import Page, expect
from test_browser_discussion import teacher_artifact  # noqa: F401  (a fixture)
from test_browser_portfolio import open_page

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]
PHONE = 320                       # CSS px: WCAG 1.4.10's reflow width
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()


def problems_of(page: Page, what: str) -> list[str]:
    """Sideways scroll at the page's width, and axe-core's violations of WCAG 2.1 A/AA rules (empty: none)."""
    problems = []
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if scroll > client:
        problems.append(f"{what} scrolls sideways by {scroll - client} px at {page.viewport_size['width']} px")
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                     "resultTypes": ["violations"]})
    if results.violations_count:
        problems.append(f"{what}:\n{results.generate_report()}")
    return problems


@pytest.fixture(scope="module")
def demo(platform, teacher_artifact) -> dict:
    """The demo student, one of their milestones, and the seeded teacher artifact with a skill to assess on a
    rubric (defined by the district admin when the demo has none)."""
    student = api_as(platform, "student")
    me = student.get("/api/v1/me").json()
    milestones = student.get(f"/api/v1/students/{me['id']}/milestones").json()["items"]
    admin_id = api_as(platform, "district admin").get("/api/v1/me").json()["id"]
    skill_id, instrument = ensure_rubric(platform, api_as(platform, "teacher"), admin_id, teacher_artifact)
    return {"student_id": me["id"], "milestone_id": milestones[0]["id"] if milestones else "",
            "artifact": teacher_artifact, "skill_name": instrument["skill_name"]}


def open_judge_form(page: Page, summary: str) -> None:
    """Open a skill's assess (or self-assess) form, as a person would before choosing a level."""
    page.locator("details.judge summary", has_text=summary).first.click()
    expect(page.locator("details.judge[open] input[type=radio]").first).to_be_visible()


def test_the_assessment_form_reflows_at_320_px_and_at_1100_px(browser, platform, demo):
    path, problems = f"/artifacts/{demo['artifact']['id']}", []
    for width in (1100, PHONE):
        page = open_as(browser, platform, "teacher", path, width=width)
        open_judge_form(page, f"Assess {demo['skill_name']}")
        radio = page.locator("details.judge[open] input[type=radio]").first.bounding_box()["width"]
        if radio > 40:
            problems.append(f"a radio button is {radio} px wide at {width} px (a text field's width)")
        problems += problems_of(page, f"the artifact page with the assess form open at {width} px")
        page.context.close()
    student = open_as(browser, platform, "student", path, width=PHONE)     # the discussion, with its forms
    open_judge_form(student, f"Self-assess {demo['skill_name']}")
    problems += problems_of(student, "the discussion and self-assess form (student)")
    student.context.close()
    assert problems == [], "\n".join(problems)


def test_the_main_pages_reflow_at_320_px_and_pass_axe(browser, platform, demo):
    student_id = demo["student_id"]
    pages = {"portfolio": f"/students/{student_id}", "growth": f"/students/{student_id}/growth",
             "goals": f"/students/{student_id}/goals", "milestones": f"/students/{student_id}/milestones"}
    if demo["milestone_id"]:
        pages["milestone"] = f"/milestones/{demo['milestone_id']}"
    page, problems = open_page(browser, platform, "teacher", width=PHONE), []
    for what, path in pages.items():
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.url.endswith(path), (what, page.url)
        problems += problems_of(page, what)
    page.context.close()
    assert problems == [], "\n".join(problems)
