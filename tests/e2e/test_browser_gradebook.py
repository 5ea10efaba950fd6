"""The competency gradebook in a real browser (Playwright + Debian's chromium) against `skillfolio up` with the demo
district: the demo teacher's home page leads to a section's gradebook, an accessible table (caption, column and row
headers, level names beside the skills' colours) that names the gap of a student with no evidence for a skill, and
a quick assessment made from a cell returns to the grid with the level shown in that cell."""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect
from test_browser_portfolio import open_page, shots  # noqa: F401  (shots is a fixture)

from chassis.testing import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]
REPLICA_WAIT_S = 240                     # the services' replicas fill from the demo roster's events after `up`


def _open_grid(page, link) -> None:
    link.click()
    expect(page).to_have_url(re.compile(r"/sections/[^/]+/gradebook"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gradebook: ")

    def grid_shown() -> bool:                           # the services learn of the section from roster events
        if page.locator("table.gradebook").count():
            return True
        page.reload()
        return False
    wait_for(grid_shown, REPLICA_WAIT_S, "the gradebook table", interval=1)


def _find_a_gap(page) -> bool:
    """Whether this grid, in its default term or another of the section's terms, names a student's evidence gap."""
    if page.get_by_text("Gap: no evidence this term").count():
        return True
    terms = page.get_by_label("Term:")
    for value in (terms.locator("option").evaluate_all("os => os.map(o => o.value)") if terms.count() else []):
        terms.select_option(value)
        page.get_by_role("button", name="Show").click()
        if page.get_by_text("Gap: no evidence this term").count():
            return True
    return False


def test_the_teacher_opens_the_gradebook_sees_a_gap_and_quick_assesses(browser: Browser, platform, shots):
    page = open_page(browser, platform, "teacher", width=1300)
    links = page.get_by_role("link", name=re.compile(r"^Gradebook of "))
    expect(links.first).to_be_visible()
    found = False
    for index in range(links.count()):
        if index:
            page.goto("/")
        _open_grid(page, page.get_by_role("link", name=re.compile(r"^Gradebook of ")).nth(index))
        if found := _find_a_gap(page):
            break
    page.screenshot(path=str(shots / "gradebook.png"), full_page=True)
    assert found, f"no gradebook of the demo teacher names an evidence gap: {page.locator('main').inner_text()[:2000]}"
    table = page.get_by_role("table")
    expect(table.locator("caption")).to_contain_text("students and skills")
    assert table.get_by_role("columnheader").count() >= 2
    assert table.get_by_role("rowheader").count() >= 1
    gap_cell = table.locator("td", has_text="Gap: no evidence this term").first        # named, not colour alone
    expect(gap_cell).to_contain_text("No evidence")

    page.goto(page.url.split("?")[0])                 # the section's default term: the work of this term
    table = page.get_by_role("table")
    cell = table.locator("td", has=page.locator("details.quick-assess")).first
    expect(cell).to_be_visible()
    cell_id = cell.get_attribute("id")
    cell.get_by_text("Quick assess").click()
    select = cell.get_by_label("Level:")
    level_name = select.locator("option").last.inner_text()
    select.select_option(label=level_name)
    cell.get_by_label("What the learner can do:").fill("Explains the idea clearly, with an example.")
    cell.get_by_role("button", name="Save assessment").click()
    expect(page.get_by_role("status")).to_have_text("Assessment saved.")
    expect(page).to_have_url(re.compile(r"/gradebook\?"))                               # still the grid
    same = page.locator(f"td#{cell_id}")
    expect(same.locator("p.level")).to_contain_text(level_name)
    expect(same).not_to_contain_text("Gap: not assessed this term")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
