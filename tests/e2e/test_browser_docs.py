"""/docs in a real browser (Playwright + Debian's chromium) against `skillfolio up`: Swagger UI renders the API
from the platform's own files, with no request to another origin and no Content-Security-Policy violation."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]


def test_docs_render_offline_from_the_platform_itself(browser, platform):
    context = browser.new_context(base_url=platform.url)
    page = context.new_page()
    origins, problems = set(), []
    page.on("request", lambda request: origins.add(urlsplit(request.url)[:2]))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    try:
        page.goto("/docs")
        expect(page.locator(".swagger-ui .info .title")).to_contain_text("Skillfolio API")
        expect(page.locator(".opblock").first).to_be_visible()
        expect(page.get_by_role("button", name="Authorize")).to_be_visible()   # the declared security schemes
    finally:
        context.close()
    assert origins == {urlsplit(platform.url)[:2]}
    assert problems == []
