"""Points of progress in a real browser (Playwright + Debian's chromium) against `skillfolio up` with the demo
district: the demo student's seeded point of progress is in their passport; for a new term the district admin
set (REST), the student's teacher opens the section's checklist from the home page, sees the student missing,
completes their point of progress (their work, a level of a skill's scale, a strength-based comment) and sees the
checklist update."""
from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from playwright.sync_api import Browser, expect
from test_browser_portfolio import Api, open_page, shots  # noqa: F401  (shots is a fixture)
from test_browser_progress import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]


def test_the_seeded_point_of_progress_is_in_the_passport(platform):
    student = Api(platform, "student")
    me = student.get("/api/v1/me")
    points = eventually(lambda: student.http.get(f"/api/v1/students/{me['id']}/points-of-progress"), 200).json()
    assert [(p["term_name"], p["level_name"]) for p in points["items"]] == [("Term 2", "Ready")]
    assert len(points["items"][0]["artifact_ids"]) == 2 and points["items"][0]["comment"].startswith("You organise")


def test_a_teacher_completes_a_point_of_progress_and_sees_the_checklist_update(browser: Browser, platform, shots):
    admin, student = Api(platform, "district admin"), Api(platform, "student")
    me = student.get("/api/v1/me")
    year = admin.get("/api/v1/progress-terms")["items"][0]["school_year_id"]       # the seeded terms' year
    term_name, due = f"Term {uuid.uuid4().hex[:4]}", (dt.date.today() + dt.timedelta(days=10)).isoformat()
    term = admin.http.put("/api/v1/progress-terms", json={"school_year_id": year, "name": term_name, "due_on": due})
    assert term.status_code == 200, term.text
    seeded = eventually(lambda: student.http.get(f"/api/v1/students/{me['id']}/points-of-progress"), 200).json()
    section_id = seeded["items"][0]["section_id"]         # the section the demo student shares with the teacher
    page = open_page(browser, platform, "teacher")
    page.locator(f"a[href='/sections/{section_id}/progress']").click()       # from the teacher's home page
    expect(page.get_by_role("heading", level=1)).to_contain_text("Points of progress")
    page.get_by_label("Term", exact=True).select_option(label=f"{term_name} (due {due})")
    page.get_by_role("button", name="Show").click()
    row = page.locator(f"#row-{me['id']}")
    expect(page.get_by_role("heading", level=2, name=re.compile(term_name))).to_be_visible()
    expect(row).to_have_attribute("data-status", "missing")
    summary = page.locator("#checklist-summary")
    before = int(summary.inner_text().split()[0])
    page.screenshot(path=str(shots / "points-checklist-before.png"), full_page=True)

    row.get_by_role("link", name=re.compile("^Complete for ")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Point of progress for")
    page.get_by_role("group", name=re.compile("Student work")).get_by_role("checkbox").first.check()
    page.get_by_label("Proficiency level shown").select_option(index=3)
    page.get_by_label("Strength-based comment").fill("You explain your thinking step by step and back it up.")
    page.get_by_role("button", name="Complete point of progress").click()

    expect(page.get_by_role("status").first).to_have_text("Point of progress completed.")
    row = page.locator(f"#row-{me['id']}")
    expect(row).to_have_attribute("data-status", "done")
    expect(row.get_by_role("cell").last).to_contain_text(":")
    expect(summary).to_contain_text(f"{before + 1} of")
    page.screenshot(path=str(shots / "points-checklist-after.png"), full_page=True)
    page.context.close()
