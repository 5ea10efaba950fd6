"""The privacy officer's records requests page (/privacy) in a real browser (Playwright + Debian's chromium) against
`skillfolio up` with the demo district. An operator makes a demo teacher the district's privacy officer with the
CLI; on the page, the erasure and import forms have every control labelled. A transfer package from a district this
one does not trust is refused: an error summary names the reason and links to the file control, the values typed
are kept, and the student's portfolio is unchanged. The district admin's privacy settings page (the rights-at-18
rule, the retention schedule) is reached from her home page. Each page passes the accessibility basics at a phone's
width."""
from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from contextlib import closing

import pytest
from e2e_pages import api_as, assert_accessible_basics
from e2e_platform import cli
from playwright.sync_api import Browser, Page, expect
from test_browser_portfolio import shots  # noqa: F401  (fixture)

from chassis.signing import DistrictKey
from chassis.transfer import seal

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]
PASSWORD = "records-officer-pass-1"
REASON = "Records request 2026-91 (transfer from Elsewhere)"


@pytest.fixture(scope="module")
def officer(platform) -> Iterator[str]:
    """A demo teacher no other test signs in as, made the privacy officer (a password set, the role granted)."""
    with closing(api_as(platform, "district admin")) as admin:
        teachers = admin.get("/api/v1/people", params={"role": "teacher", "page_size": 500}).json()["items"]
    taken = {username for username, _password, _name in platform.logins.values()}
    username = next(t["username"] for t in teachers if t["username"] and t["username"] not in taken)
    cli(platform, "roster", "set-password", username, stdin=PASSWORD + "\n")
    cli(platform, "roster", "privacy-officer", "grant", username, "--reason", "the district's records officer")
    yield username
    cli(platform, "roster", "privacy-officer", "revoke", username, "--reason", "the browser test is done")


def _signed_in(browser: Browser, platform, username: str, password: str, path: str) -> Page:
    """A fresh context at a phone's width, signed in, on ``path``."""
    page = browser.new_context(base_url=platform.url, viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"/login?next={path}")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    return page


def _untrusted_package(path) -> str:
    """A well-formed package sealed by a district this platform does not trust."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as passport:
        passport.writestr("passport.json", json.dumps({"exported_as": "privacy_officer", "skills": [], "artifacts": [],
                                                       "student": {"id": "s-1", "sourced_id": "S-1"}}))
    with open(path, "wb") as sealed:
        seal(io.BytesIO(archive.getvalue()), sealed, key=DistrictKey.generate("did:web:elsewhere.example"),
             district_name="Elsewhere")
    return str(path)


def test_the_privacy_officer_finds_labelled_forms_and_an_untrusted_package_is_refused_with_the_reason(
        browser: Browser, platform, officer, shots, tmp_path):
    with closing(api_as(platform, "student")) as own:
        me = own.get("/api/v1/me").json()
        before = own.get(f"/api/v1/students/{me['id']}/artifacts", params={"page_size": 1000}).json()["items"]
    page = _signed_in(browser, platform, officer, PASSWORD, "/privacy")
    expect(page.get_by_role("heading", name="Records requests", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Import a transfer package", level=2)).to_be_visible()
    assert_accessible_basics(page)

    page.get_by_label("Package (zip):").set_input_files(_untrusted_package(tmp_path / "elsewhere.zip"))
    page.get_by_label("The local student's sourcedId:").fill(me["sourced_id"])
    reason = page.locator("#import_reason")             # the erasure form above has a reason of its own
    reason.fill(REASON)
    page.get_by_role("button", name="Import the package").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("not a trusted district")
    expect(summary.get_by_role("link")).to_have_attribute("href", "#package")
    expect(page.locator("#import_reason")).to_have_value(REASON)                  # what was typed is kept
    expect(page.get_by_label("The local student's sourcedId:")).to_have_value(me["sourced_id"])
    assert_accessible_basics(page)
    page.screenshot(path=str(shots / "records-requests-refused.png"), full_page=True)
    page.context.close()
    with closing(api_as(platform, "student")) as own:
        after = own.get(f"/api/v1/students/{me['id']}/artifacts", params={"page_size": 1000}).json()["items"]
    assert [a["id"] for a in after] == [a["id"] for a in before]


def test_the_district_admin_finds_the_privacy_settings_labelled(browser: Browser, platform, shots):
    """The district admin's privacy settings (the rights-at-18 rule and the retention schedule), from the home page."""
    page = _signed_in(browser, platform, *platform.login("district admin"), "/")
    page.get_by_role("link", name="Privacy settings: retention and rights at 18").click()
    expect(page.get_by_role("heading", name="Privacy settings", level=1)).to_be_visible()
    expect(page.get_by_role("radio", name="When the student turns 18")).to_be_checked()     # the demo's default
    expect(page.get_by_label("Grace period (days)")).to_have_value("30")
    assert_accessible_basics(page)
    page.screenshot(path=str(shots / "privacy-settings.png"), full_page=True)
    page.context.close()
