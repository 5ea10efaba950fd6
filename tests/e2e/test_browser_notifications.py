"""Family notifications in a real browser against `skillfolio up`: a guardian sees a teacher's new artifact in the
feed on their home page, follows it to the evidence, switches new work to a daily digest in Spanish; the next digest
(a sender round run by this test with a clock it sets to after the digest hour) arrives in Spanish in a real SMTP
sink (aiosmtpd), and its one-click unsubscribe link (RFC 8058 POST, no login) mutes that category."""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from dotenv import dotenv_values
from notifications.bootstrap import build, sender_policy, smtp_settings, tokens
from notifications.config import NotificationsOptions
from notifications.mail import Mailbox, MailSink
from notifications.mail.smtp import SmtpTransport
from notifications.service_layer.sending import Sender
from playwright.sync_api import Browser, Page, expect

from chassis.config import service_settings
from chassis.testing import wait_for
from chassis.testing.infra import free_port

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]
FEED_TIMEOUT = 60     # artifact event -> outbox relay -> notifications consumer -> feed row


class Api:
    """The REST API as one demo person (bearer token)."""

    def __init__(self, platform, role: str) -> None:
        self.http = httpx.Client(base_url=platform.url, timeout=30)
        reply = self.http.post("/api/v1/auth/token", data=dict(zip(("username", "password"), platform.login(role),
                                                                     strict=True)))
        assert reply.status_code == 200, reply.text
        self.http.headers["Authorization"] = f"Bearer {reply.json()['access_token']}"

    def get(self, path: str, **params) -> dict:
        reply = self.http.get(path, params=params)
        assert reply.status_code == 200, reply.text
        return reply.json()


def _login(browser: Browser, platform, role: str) -> Page:
    page = browser.new_context(base_url=platform.url, viewport={"width": 1100, "height": 900}).new_page()
    username, password = platform.login(role)
    page.goto("/login")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    return page


def _add_artifact(teacher: Api, student: dict, skill_id: str, title: str) -> str:
    reply = teacher.http.post(f"/api/v1/students/{student['id']}/artifacts", json={
        "title": title, "description": "", "kind": "link", "skill_ids": [skill_id],
        "link_url": "https://example.org/bridge"})
    assert reply.status_code == 201, reply.text
    return reply.json()["artifact"]["id"]


def _in_feed(guardian: Api, artifact_id: str) -> dict | None:
    items = guardian.get("/api/v1/notifications", page_size=50)["items"]
    return next((i for i in items if i["link"] == f"/artifacts/{artifact_id}"), None)


@pytest.fixture
def sink(tmp_path) -> Iterator[tuple[MailSink, Mailbox]]:
    with MailSink(tmp_path / "mail", port=free_port()) as running:
        yield running, Mailbox(tmp_path / "mail")


def _digest_round(platform, sink: MailSink, at: dt.datetime) -> int:
    """One sender round over the platform's notifications database with the clock at ``at``, mailing ``sink``."""
    secrets = {**dotenv_values(platform.workdir / "var" / "secrets.env"), **platform.env}
    options = NotificationsOptions(smtp_host=sink.host, smtp_port=sink.port, base_url=platform.url,
                                   unsubscribe_secret=secrets.get("NOTIFICATIONS_UNSUBSCRIBE_SECRET") or "")
    app = build(service_settings("notifications", database_url=f"sqlite:///{platform.workdir / 'var' / 'notifications.db'}"),
                options)
    try:
        sender = Sender(app.unit_of_work, SmtpTransport(smtp_settings(options)), tokens(options),
                        sender_policy(options), clock=lambda: at)
        return sender.run_once()
    finally:
        app.close()


def test_a_guardian_follows_the_feed_then_gets_a_spanish_digest_and_unsubscribes_in_one_click(
        browser, platform, sink, request):
    teacher, guardian, student = Api(platform, "teacher"), Api(platform, "guardian"), Api(platform, "student")
    language = guardian.get("/api/v1/notifications/preferences")["preferences"]["language"]   # shared: later
    request.addfinalizer(lambda: guardian.http.put(                             # tests read English pages
        "/api/v1/notifications/preferences", json={"language": language or "en"}).raise_for_status())  # ("": unset)
    me = student.get("/api/v1/me")
    skill = next(s for s in student.get("/api/v1/skills", school_id=me["primary_school_id"])["items"]
                 if not s["retired"])
    title = f"Bridge model {uuid.uuid4().hex[:6]}"
    first = _add_artifact(teacher, me, skill["id"], title)
    item = wait_for(lambda: _in_feed(guardian, first), FEED_TIMEOUT, "the new artifact in the guardian's feed")
    assert item["read"] is False and me["given_name"] in item["text"]

    page = _login(browser, platform, "guardian")
    feed = page.locator("section", has=page.get_by_role("heading", name="Notifications", exact=True))
    expect(feed.get_by_role("link", name=item["text"]).first).to_be_visible()
    feed.get_by_role("link", name=item["text"]).first.click()
    expect(page).to_have_url(f"{platform.url}/artifacts/{first}")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert wait_for(lambda: next(i for i in guardian.get("/api/v1/notifications")["items"]
                                 if i["id"] == item["id"])["read"], 10, "the followed item marked read")

    page.goto("/notifications/preferences")
    page.get_by_label("New work in the portfolio").select_option("daily")
    page.get_by_label("Language of emails and pages").select_option("es")
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_role("status")).to_have_text("Sus preferencias están guardadas.")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Preferencias de notificaciones")

    second = _add_artifact(student, me, skill["id"], f"{title} (v2)")   # another actor: not coalesced into the first
    wait_for(lambda: _in_feed(guardian, second), FEED_TIMEOUT, "the second artifact in the guardian's feed")
    running, mailbox = sink
    tomorrow_evening = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)

    def digests() -> list:
        _digest_round(platform, running, tomorrow_evening)
        return [m for m in mailbox.list() if m.subject.startswith("Su resumen diario")]

    (digest,) = wait_for(digests, 60, "the daily digest in the SMTP sink")
    assert digest.language == "es" and me["given_name"] in digest.subject
    text = mailbox.read(digest.id).text or ""
    assert "agregó" in text and "added" not in text, text
    raw = mailbox._parse(digest.id, headers_only=True)
    assert raw["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = str(raw["List-Unsubscribe"]).split(",")[0].strip("<> ")
    target = urlsplit(url)
    before = {c["category"]: c["delivery"] for c in guardian.get("/api/v1/notifications/preferences")[
        "preferences"]["categories"]}
    muted = httpx.post(f"{platform.url}{target.path}?{target.query}", data={"List-Unsubscribe": "One-Click"},
                       timeout=30)
    assert muted.status_code == 200 and muted.json()["unsubscribed"] is True
    category = muted.json()["category"]      # the digest's most frequent category (notifications' rule)
    assert before[category] != "off"
    choices = {c["category"]: c["delivery"] for c in guardian.get("/api/v1/notifications/preferences")[
        "preferences"]["categories"]}
    assert choices == {**before, category: "off"}
    teacher.http.delete(f"/api/v1/artifacts/{first}")
    student.http.delete(f"/api/v1/artifacts/{second}")
