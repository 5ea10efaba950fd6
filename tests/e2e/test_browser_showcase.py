"""Showcases in a real browser (Playwright + Debian's chromium) against `skillfolio up` with the demo district: the
demo student curates a showcase of two pieces in their chosen order, makes an external link and opens it in a fresh
browser context (no login), which sees only the showcase: its title, introduction and pieces, never the rest of the
portfolio; once the student revokes the link it is refused. (Expiry is tested without waiting in
gateway/tests/test_gateway_showcases.py, on a clock the gateway and the artifacts service share.)"""
from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect
from test_browser_portfolio import Api, open_page, shots  # noqa: F401  (shots is a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]


@pytest.fixture(scope="module")
def pieces(platform) -> Iterator[dict]:
    """The demo student, two new pieces of work for the showcase and one that stays out of it (deleted at the end)."""
    api = Api(platform, "student")
    me = api.get("/api/v1/me")
    skill = next(s for s in api.get("/api/v1/skills", school_id=me["primary_school_id"])["items"] if not s["retired"])
    tag = uuid.uuid4().hex[:6]
    made = {name: api.add_link(me["id"], f"{name} {tag}", [skill["id"]])["title"]
            for name in ("Rocket design", "Poem about rain", "Private draft")}
    yield {"student": me, "titles": made}
    api.delete_created()


def test_a_student_builds_a_showcase_and_its_link_shows_only_the_showcase(browser: Browser, platform, pieces,
                                                                          shots):
    student, titles = pieces["student"], pieces["titles"]
    first, second, left_out = titles["Poem about rain"], titles["Rocket design"], titles["Private draft"]
    page = open_page(browser, platform, "student")
    page.get_by_role("link", name="Open my portfolio").click()
    page.get_by_role("link", name="Showcases", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My showcases")
    page.get_by_text("Curate a new showcase").click()
    page.get_by_label("Title", exact=True).fill("For the middle school application")
    page.get_by_label("Introduction").fill("Two pieces that show how I think.")
    page.get_by_label("An application").check()
    page.get_by_label(second, exact=True).check()
    page.get_by_label(f"Position of “{second}”").fill("2")
    page.get_by_label(first, exact=True).check()
    page.get_by_label(f"Position of “{first}”").fill("1")
    page.get_by_role("button", name="Create showcase").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("For the middle school application")
    expect(page.get_by_role("status")).to_contain_text("Showcase created.")
    expect(page.locator(".showcase-item h3")).to_have_text([first, second])

    page.get_by_label("Days the link works").fill("3")
    page.get_by_role("button", name="Make a link").click()
    link = page.get_by_label("External link", exact=True).input_value()
    assert "/showcase-links/" in link
    page.screenshot(path=str(shots / "showcase-owner.png"), full_page=True)

    stranger = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()    # no session, no login
    stranger.goto(link)
    expect(stranger.get_by_role("heading", level=1)).to_have_text("For the middle school application")
    expect(stranger.get_by_text("Two pieces that show how I think.")).to_be_visible()
    expect(stranger.locator(".showcase-item h3")).to_have_text([first, second])
    body = stranger.locator("main").inner_text()
    assert left_out not in body and student["given_name"] not in body and student["family_name"] not in body
    expect(stranger.get_by_role("button", name="Log out")).to_have_count(0)
    stranger.screenshot(path=str(shots / "showcase-public.png"), full_page=True)
    stranger.goto(f"{platform.url}/students/{student['id']}")             # the rest of the portfolio stays shut
    expect(stranger.get_by_label("Username", exact=True)).to_be_visible()

    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_role("status")).to_contain_text("Link revoked.")
    reply = stranger.goto(link)
    assert reply is not None and reply.status == 410
    expect(stranger.get_by_role("heading", level=1)).to_have_text("This showcase link has ended")
    expect(stranger.locator("main")).not_to_contain_text(first)
