"""A real browser (Playwright + Debian's chromium) against `skillfolio up`: the teacher's login with the printed
demo login, "My students" by section, keyboard-only use, an accessible wrong-password error, logout, phone width,
and accessibility checks we can make honestly without axe-core (labels, landmarks, lang, focus, contrast)."""
from __future__ import annotations

import os
import pathlib
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]



@pytest.fixture
def page(browser, platform) -> Iterator[Page]:
    context = browser.new_context(base_url=platform.url, viewport={"width": 1100, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> pathlib.Path:
    """Where screenshots go: SKILLFOLIO_E2E_ARTIFACTS if set (CI keeps them), else a temp dir."""
    folder = os.environ.get("SKILLFOLIO_E2E_ARTIFACTS")
    path = pathlib.Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _login(page: Page, username: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()


def test_teacher_sees_my_students_by_section_then_logs_out(page, platform, shots):
    _login(page, *platform.login("teacher"))
    expect(page).to_have_url(f"{platform.url}/")
    heading = page.get_by_role("heading", name="My students", level=2)
    expect(heading).to_be_visible()
    groups = page.locator("section.section-group")
    assert groups.count() >= 1
    for i in range(groups.count()):
        group = groups.nth(i)
        expect(group.get_by_role("heading", level=3)).to_be_visible()
        assert group.locator("ul.people").get_by_role("link").count() >= 1   # each section lists its students
    page.screenshot(path=str(shots / "teacher-home.png"), full_page=True)
    first_student = groups.first.locator("ul.people").get_by_role("link").first
    name = first_student.inner_text()
    first_student.click()
    family, given = [part.strip() for part in name.rsplit(",", 1)]   # family names may hold commas
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Portfolio of {given} {family}")
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login\?logged_out=1$"))
    expect(page.get_by_role("status")).to_have_text("You have logged out.")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login\?next=/$"))


def test_keyboard_only_login(page, platform):
    username, password = platform.login("student")
    page.goto("/login")
    assert page.evaluate("document.activeElement.id") == "username"     # autofocus: no pointer needed
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "password"
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="My profile")).to_be_visible()
    # The skip link is the first stop and moves focus to <main>.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"   # visible focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_wrong_password_error_is_accessible(page, platform, shots):
    username, _ = platform.login("school admin")
    _login(page, username, "definitely-not-the-password")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Wrong username or password.")
    password = page.get_by_label("Password", exact=True)
    expect(password).to_have_attribute("aria-invalid", "true")
    described = password.get_attribute("aria-describedby")
    expect(page.locator(f"#{described}")).to_contain_text("not right")
    expect(password).to_be_focused()
    assert page.title().startswith("Error:")
    page.screenshot(path=str(shots / "login-error.png"), full_page=True)


def _contrast(page: Page, selector: str) -> float:
    """WCAG contrast ratio of an element's text colour against its nearest opaque background."""
    return page.evaluate("""(selector) => {
        const parse = c => c.match(/[\\d.]+/g).map(Number);
        const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92
                                                        : Math.pow((v + 0.055) / 1.055, 2.4); };
                                     return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
        const el = document.querySelector(selector);
        let bg = el, colour;
        while (bg) { colour = parse(getComputedStyle(bg).backgroundColor);
                     if (colour.length < 4 || colour[3] > 0) break; bg = bg.parentElement; }
        if (!bg) colour = [255, 255, 255];
        const [a, b] = [lum(parse(getComputedStyle(el).color)), lum(colour)];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }""", selector)


def test_accessibility_basics_and_phone_layout(page, platform, shots):
    page.goto("/login")
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("main#main").count() == 1 and page.locator("header").count() == 1
    assert page.locator("footer").count() == 1 and page.locator("h1").count() == 1
    for field in page.locator("input:not([type=hidden])").all():   # every visible field has a label
        assert page.locator(f"label[for='{field.get_attribute('id')}']").count() == 1
    assert page.locator("img:not([alt])").count() == 0
    for selector in ("body", "label[for=username]", "button.button", ".site-footer p"):
        assert _contrast(page, selector) >= 4.5, selector
    _login(page, *platform.login("district admin"))
    expect(page.get_by_role("heading", name="District dashboard")).to_be_visible()
    assert page.locator("nav[aria-label=Account]").count() == 1
    assert page.locator("caption").count() == page.locator("section.report").count() >= 5
    for selector in ("a.brand", ".muted", "td.num"):
        assert _contrast(page, selector) >= 4.5, selector
    page.set_viewport_size({"width": 375, "height": 740})           # a phone
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.screenshot(path=str(shots / "admin-phone.png"), full_page=True)
