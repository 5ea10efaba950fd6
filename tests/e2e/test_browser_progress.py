"""Milestones and growth in a real browser (Playwright + Debian's chromium) against `skillfolio up` with the demo
district: a guest panellist opens an invitation link (set up through the REST API by the district admin and the
student's teacher; the student selects evidence), sees the evidence, scores a Defense of Learning on the demo rubric
and reaches nothing else; the growth view
draws a skill over the demo portfolio's two school years, and its bars are keyboard-reachable links to the work."""
from __future__ import annotations

import re
import uuid

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from test_browser_portfolio import Api, open_page, shots  # noqa: F401  (shots is a fixture)

from chassis.testing import wait_for
from skills.domain.identity import rubric_id

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]
DEMO_RUBRIC = "defense-of-learning"      # the skills demo seed's rubric
TRANSITION_GRADES = ["05", "08", "12"]
REPLICA_WAIT_S = 240                     # the reflections worker replicates the whole demo roster (~90 s)


def eventually(call, expect_status: int) -> httpx.Response:
    """Retry ``call`` until it answers ``expect_status`` (replicas fill from events just after `up` starts)."""
    replies: list[httpx.Response] = []

    def answered() -> httpx.Response | None:
        replies.append(reply := call())
        return reply if reply.status_code == expect_status else None
    return wait_for(answered, REPLICA_WAIT_S, lambda: f"the answer {expect_status}: {replies[-1].text}", interval=1)


def defense_of_learning(platform) -> tuple[dict, dict, str]:
    """The student, their planned Defense of Learning and a guest panellist's link, all through the REST API."""
    admin, teacher, student = Api(platform, "district admin"), Api(platform, "teacher"), Api(platform, "student")
    me = student.get("/api/v1/me")
    district_id = admin.get(f"/api/v1/schools/{me['primary_school_id']}")["district_id"]
    grades = sorted(set(TRANSITION_GRADES) | {me["grade_level"]})   # the demo student is in a transition grade
    kind = eventually(lambda: admin.http.post("/api/v1/milestone-types", json={
        "code": f"defense-of-learning-{uuid.uuid4().hex[:6]}", "name": "Defense of Learning",
        "rubric_id": rubric_id(district_id, DEMO_RUBRIC), "grade_levels": grades}), 201).json()
    milestone = eventually(lambda: teacher.http.post(f"/api/v1/students/{me['id']}/milestones", json={
        "type_id": kind["id"], "title": "Defense of Learning", "scheduled_on": "2026-12-10"}), 201).json()
    work = student.get(f"/api/v1/students/{me['id']}/artifacts", page_size=2)["items"]
    chosen = student.http.put(f"/api/v1/milestones/{milestone['id']}/evidence",
                              json={"artifact_ids": [a["id"] for a in work]})
    assert chosen.status_code == 200, chosen.text
    milestone["evidence_titles"] = [a["title"] for a in work]
    invited = teacher.http.post(f"/api/v1/milestones/{milestone['id']}/panellists", json={
        "name": "Pat Partner", "email": "pat@example.org", "kind": "community", "valid_days": 3})
    assert invited.status_code == 201, invited.text
    return me, milestone, invited.json()["guest_url"]


def test_a_guest_panellist_scores_a_defense_of_learning(browser: Browser, platform, shots):
    student, milestone, link = defense_of_learning(platform)
    context = browser.new_context(base_url=platform.url, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.goto(link)                                                    # no account, no login
    expect(page).to_have_url(re.compile(rf"/milestones/{milestone['id']}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Defense of Learning")
    expect(page.get_by_text("Welcome, Pat Partner.")).to_be_visible()
    evidence = page.get_by_role("region", name="Evidence")

    def evidence_shown() -> bool:                       # the artifacts service learns of the panel from events
        if milestone["evidence_titles"][0] in evidence.inner_text():
            return True
        page.reload()
        return False
    wait_for(evidence_shown, REPLICA_WAIT_S, "the selected evidence on the panel page", interval=1)
    for title in milestone["evidence_titles"]:
        expect(evidence).to_contain_text(title)          # the panellist may read the selected evidence
    form = page.locator("form[action$='/score']")
    criteria = form.get_by_role("group")
    criterion_count = criteria.count()
    assert criterion_count >= 2
    for index in range(criterion_count):
        criteria.nth(index).get_by_role("radio").nth(2).check()       # the third level of the demo scale
    form.get_by_label("Comment for the student (optional)").fill("Your evidence tells a clear story.")
    page.screenshot(path=str(shots / "panel-score.png"), full_page=True)
    form.get_by_role("button", name="Save my scores").click()
    expect(page.get_by_role("status")).to_have_text("Thank you: your scores are saved.")
    sheet = page.get_by_role("table").filter(has_text="Pat Partner")
    expect(sheet).to_contain_text("Ready")
    expect(page.get_by_text("“Your evidence tells a clear story.”")).to_be_visible()
    for elsewhere in (f"/students/{student['id']}", f"/students/{student['id']}/growth", "/"):
        assert page.goto(elsewhere).status == 403, elsewhere
    context.close()
    seen = Api(platform, "teacher").get(f"/api/v1/milestones/{milestone['id']}")
    assert [(s["panellist_name"], len(s["scores"])) for s in seen["score_sheets"]] == [("Pat Partner",
                                                                                        criterion_count)]


def years_with_work(section) -> list[str]:
    """The school years whose bar counts at least one artifact (from the bars' accessible names)."""
    labels = section.locator("svg .bars a").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    return [m.group(2) for m in (re.match(r"(\d+) artifacts? tagged .* in (.+): open them", t) for t in labels)
            if m and int(m.group(1)) > 0]


def test_the_growth_view_draws_two_school_years_for_a_skill(browser: Browser, platform, shots):
    page: Page = open_page(browser, platform, "student")
    page.get_by_role("link", name="Open my portfolio").click()
    page.get_by_role("link", name="Growth over the years").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My growth")
    sections = page.locator("section.growth")
    expect(sections.first).to_be_visible()
    spanning = [sections.nth(i) for i in range(sections.count()) if len(years_with_work(sections.nth(i))) >= 2]
    assert spanning, "no skill of the demo portfolio shows work in two school years"
    section = spanning[0]
    years = years_with_work(section)
    expect(section.locator("figure svg")).to_be_visible()
    for year in years[:2]:
        expect(section.locator("svg text.year-label", has_text=year)).to_be_visible()
    expect(section.locator("figcaption")).to_contain_text("artifacts tagged per school year")
    section.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "growth.png"), full_page=True)
    bar = section.locator(f'svg .bars a[aria-label$=" in {years[0]}: open them"]')
    bar.focus()
    expect(bar).to_be_focused()
    page.keyboard.press("Enter")                                        # a bar opens that year's tagged work
    expect(page).to_have_url(re.compile(r"/students/[^/?]+\?skill=[^&]+&year=.+"))
    expect(page.locator(".artifact-card").first).to_be_visible()
