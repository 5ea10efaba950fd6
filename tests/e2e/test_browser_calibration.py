"""Calibration in a real browser (Playwright + Debian's chromium) against `skillfolio up` with the demo district:
the demo teacher starts a session with the seeded (consented) exemplar and invites the former teacher; each scores
blind (the other's figures appear only after their own submission); the agreement table and where raters diverge
show; the district admin tracks the session's alpha. Pages checked for labelled controls and heading order."""
from __future__ import annotations

import re
import uuid

import pytest
from e2e_pages import assert_accessible_basics
from playwright.sync_api import Browser, Page, expect
from test_browser_portfolio import Api, open_page, shots  # noqa: F401  (shots is a fixture)

from chassis.testing import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]
REPLICA_WAIT_S = 240          # the reflections worker replicates the demo roster after `up` starts
SKILL = "Effective Communicator"


def score_every_criterion(page: Page, level: int) -> None:
    form = page.locator("form[action$='/scores']")
    groups = form.get_by_role("group")
    for index in range(groups.count()):
        groups.nth(index).get_by_role("radio").nth(level).check()
    form.get_by_role("button", name="Submit my scores").click()


def test_two_teachers_calibrate_on_the_seeded_exemplar(browser: Browser, platform, shots):
    title = f"Persuasive writing {uuid.uuid4().hex[:6]}"
    coach = open_page(browser, platform, "teacher")
    coach.get_by_role("link", name="Calibration and exemplars").click()
    expect(coach.get_by_role("heading", level=1)).to_have_text("Calibration")
    coach.get_by_label("Skill").select_option(label=SKILL)
    coach.get_by_role("button", name="Show its exemplars").click()
    exemplars = coach.get_by_role("group", name="Exemplars to score")

    def seeded_exemplar_listed() -> bool:          # the replicas fill from events just after `up`
        if exemplars.get_by_role("checkbox").count():
            return True
        coach.reload()
        return False
    wait_for(seeded_exemplar_listed, REPLICA_WAIT_S, "the seeded exemplar on the calibration page", interval=1)
    exemplars.get_by_role("checkbox").first.check()
    raters = coach.get_by_role("group", name="Teachers to invite (at least two)")
    for role in ("teacher", "former teacher"):
        me = Api(platform, role).get("/api/v1/me")
        raters.get_by_label(f"{me['given_name']} {me['family_name']}", exact=True).check()
    coach.get_by_label("Title").fill(title)
    assert_accessible_basics(coach)
    coach.get_by_role("button", name="Start the session").click()
    expect(coach).to_have_url(re.compile(r"/calibration/[0-9a-f-]+$"))
    expect(coach.get_by_role("heading", level=1)).to_have_text(title)
    expect(coach.get_by_text("The agreement figures appear once you have submitted your scores.")).to_be_visible()
    assert_accessible_basics(coach)
    session_url = coach.url
    score_every_criterion(coach, 2)
    expect(coach.get_by_role("heading", name="Agreement")).to_be_visible()
    expect(coach.get_by_role("button", name="Submit my scores")).to_have_count(0)

    other = open_page(browser, platform, "former teacher")
    other.goto(session_url)
    expect(other.get_by_text("The agreement figures appear once you have submitted your scores.")).to_be_visible()
    expect(other.locator("table")).to_have_count(0)                                 # blind until submitted
    score_every_criterion(other, 3)
    table = other.get_by_role("table")
    expect(table).to_contain_text("Exact agreement")
    expect(table.locator("tbody tr").first).to_contain_text("0%")                  # one level apart everywhere
    expect(table.locator("tbody tr").first).to_contain_text("100%")                # ... so adjacent throughout
    expect(other.get_by_role("heading", name="Where raters diverge")).to_be_visible()
    other.screenshot(path=str(shots / "calibration-results.png"), full_page=True)

    admin = open_page(browser, platform, "district admin")
    admin.get_by_role("link", name="Rating agreement: calibration sessions over time").click()
    row = admin.get_by_role("row").filter(has_text=title)
    expect(row).to_contain_text("2 of 2")
    expect(row).to_contain_text(SKILL)
    expect(row.get_by_role("link")).to_have_count(0)             # figures only: no way into the exemplars
