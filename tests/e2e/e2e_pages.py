"""Pages and API clients the browser tests of the artifact page share: a logged-in page on a path once its
discussion has loaded (the reflections worker learns a new artifact's owner from artifacts events), the REST API as
a demo login, and accessibility basics checkable without axe-core."""
from __future__ import annotations

import httpx
from playwright.sync_api import Browser, Page

from chassis.testing import wait_for

REPLICA_TIMEOUT_S = 240          # replicas fill from events; a busy CI machine has taken over 90 s


def api_as(platform, role: str) -> httpx.Client:
    """The REST API as ``role``'s demo login (bearer token)."""
    http = httpx.Client(base_url=platform.url, timeout=30)
    username, password = platform.login(role)
    reply = http.post("/api/v1/auth/token", data={"username": username, "password": password})
    assert reply.status_code == 200, f"{role}'s token: {reply.status_code} {reply.text}"
    http.headers["Authorization"] = f"Bearer {reply.json()['access_token']}"
    return http


def open_as(browser: Browser, platform, role: str, path: str, width: int = 1100) -> Page:
    """A fresh context logged in with ``role``'s demo login, on ``path`` once its discussion has loaded."""
    context = browser.new_context(base_url=platform.url, viewport={"width": width, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    username, password = platform.login(role)
    page.goto(f"/login?next={path}")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()

    def discussion_shown() -> bool:
        if page.get_by_role("heading", name="Comments", level=2, exact=True).count():
            return True
        page.goto(path)             # the replicas fill from events: ask again
        return False
    wait_for(discussion_shown, REPLICA_TIMEOUT_S, "the discussion to become available", interval=1)
    return page


def assert_accessible_basics(page: Page) -> None:
    """Every visible form control has a label; headings go h1, h2, h3 without skipping; no sideways scroll."""
    for control in page.locator("main textarea, main select, main input:not([type=hidden])").all():
        assert page.locator(f"label[for='{control.get_attribute('id')}']").count() == 1, control.get_attribute("id")
    levels = [int(tag[1]) for tag in page.locator("main :is(h1,h2,h3,h4)").evaluate_all("els => els.map(e => e.tagName)")]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
