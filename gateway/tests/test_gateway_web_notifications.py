"""The notification pages against a notifications API (the stand-in): the guardian's home shows the feed, following
an item marks it read and opens the evidence, mark all read, preferences (critical not mutable, a bad field named,
the language saved and followed by every page), a teacher's approval queue, the district admin's page with parked
deliveries and resend, one-click unsubscribe without a login, and the demo mailbox only when it is configured."""
from __future__ import annotations

import mailbox
from email.message import EmailMessage

import pytest
from gateway_testkit import csrf_from, web_login

from skillfolio.notifications.v1 import notifications_pb2 as npb

pytestmark = pytest.mark.integration


def _item(i: int, read: bool = False, **extra) -> npb.FeedItem:
    return npb.FeedItem(**{"id": f"n{i}", "kind": "artifact_added", "category": "new_work", "student_id": "s",
                           "student_first_name": "Amy", "text": f"Ms Lee added work {i}", "link": f"/artifacts/a{i}",
                           "created_at": "2026-12-01T10:00:00Z", "read": read, "count": 1, **extra})


def test_the_guardians_home_shows_the_feed_and_following_an_item_marks_it_read(client, district, notifications):
    notifications.feeds[district.ids["guardian"]] = [
        _item(1), _item(2, read=True, user_text="<script>alert(1)</script> Bravo!"),
        _item(3, link="https://evil.example/x")]
    web_login(client, *district.login("gadams"))
    home = client.get("/").text
    assert '<h2 id="feed-title">Notifications</h2>' in home and "2 unread notifications" in home
    assert 'href="/notifications/n1/open?to=/artifacts/a1">Ms Lee added work 1</a>' in home
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Bravo!" in home and "<script>alert" not in home
    assert "evil.example" not in home.split("Ms Lee added work 3")[0][-200:]   # a foreign link is not linked
    opened = client.get("/notifications/n1/open?to=/artifacts/a1")
    assert opened.status_code == 303 and opened.headers["location"] == "/artifacts/a1"
    assert notifications.feeds[district.ids["guardian"]][0].read is True
    away = client.get("/notifications/n3/open?to=//evil.example/x")
    assert away.headers["location"] == "/notifications"


def test_the_feed_page_marks_one_and_all_read(client, district, notifications):
    notifications.feeds[district.ids["guardian"]] = [_item(i) for i in range(3)]
    web_login(client, *district.login("gadams"))
    page = client.get("/notifications")
    assert "3 unread notifications" in page.text and page.text.count(">Mark as read<") == 3
    token = csrf_from(page.text)
    assert client.post("/notifications/read", data={"ids": "n0", "csrf_token": token}).status_code == 303
    assert "2 unread notifications" in client.get("/notifications").text
    assert client.post("/notifications/read-all", data={"csrf_token": token}).headers["location"] == \
        "/notifications?done=all-read"
    done = client.get("/notifications?done=all-read").text
    assert "Every notification is marked as read." in done and "0 unread notifications" in done
    assert client.post("/notifications/read-all", data={}).status_code == 403      # no CSRF token


def test_preferences_show_critical_as_not_mutable_and_the_chosen_language_is_followed(client, district,
                                                                                       notifications):
    web_login(client, *district.login("gadams"))
    page = client.get("/notifications/preferences").text
    assert 'name="delivery-critical"' not in page and "Important notices cannot be turned off." in page
    assert 'value="off"' in page.split('name="delivery-new_work"')[1].split("</select>")[0]
    forced = client.post("/notifications/preferences", data={"csrf_token": csrf_from(page), "language": "en",
                                                            "delivery-critical": "off"})
    assert forced.status_code == 422 and 'id="delivery-critical-error"' not in forced.text
    assert "Delivery-critical: a critical category cannot be changed or muted." in forced.text
    form = {"csrf_token": csrf_from(page), "delivery-new_work": "daily",
            "email": "on", "language": "es", "time_zone": "Mars/Olympus", "quiet_hours_start": "",
            "quiet_hours_end": ""}
    bad = client.post("/notifications/preferences", data=form)
    assert bad.status_code == 422 and "Time zone: not an IANA time zone." in bad.text
    saved = client.post("/notifications/preferences", data={**form, "time_zone": "America/New_York"})
    assert saved.headers["location"] == "/notifications/preferences?done=saved"
    prefs = notifications.preferences[district.ids["guardian"]]
    assert {c.category: c.delivery for c in prefs.categories}["new_work"] == "daily" and prefs.language == "es"
    spanish = client.get("/notifications/preferences?done=saved", headers={"Accept-Language": "en"})
    assert spanish.headers["content-language"] == "es" and "Sus preferencias están guardadas." in spanish.text
    assert "Mis hijos" in client.get("/").text


def test_the_language_preference_is_read_at_login_and_the_picker_saves_it(client, make_client, district,
                                                                           notifications):
    notifications.prefs(district.ids["guardian"]).language = "es"
    web_login(client, *district.login("gadams"))
    assert "Bienvenido/a, Gail" in client.get("/", headers={"Accept-Language": "en"}).text
    other = make_client()
    web_login(other, *district.login("aadams"))
    page = other.get("/")
    other.post("/language", data={"language": "es", "next": "/", "csrf_token": csrf_from(page.text)})
    assert notifications.preferences[district.ids["amy"]].language == "es"
    assert "Mi perfil" in other.get("/").text


def test_a_teacher_approves_from_the_queue_and_others_are_refused(client, make_client, district, notifications):
    notifications.approvals.extend(npb.Approval(id=f"p{i}", kind="artifact_added", student_id="s",
                                                student_name="Amy Adams", link=f"/artifacts/x{i}",
                                                text=f"Amy added work {i}") for i in range(3))
    web_login(client, *district.login("tlee"))
    queue = client.get("/notifications/approvals")
    assert "Approve all (3)" in queue.text and '<label for="approval-1">Amy added work 0 (Amy Adams' in queue.text
    token = csrf_from(queue.text)
    client.post("/notifications/approvals/approve", data={"ids": ["p0", "p2"], "csrf_token": token})
    assert [a.id for a in notifications.approvals] == ["p1"]
    client.post("/notifications/approvals/approve-all", data={"csrf_token": token})
    assert "Nothing is waiting for your approval." in client.get("/notifications/approvals?done=approved").text
    guardian = make_client()
    web_login(guardian, *district.login("gadams"))
    refused = guardian.get("/notifications/approvals")
    assert refused.status_code == 403 and "Only teachers have an approval queue." in refused.text


def test_the_district_admin_sets_digests_and_resends_parked_email(client, district, notifications):
    notifications.parked.append(npb.ParkedDelivery(id="d1", recipient_name="Gail Adams", kind="daily", attempts=8,
                                                   last_error="421 mailbox busy", parked_at="2026-12-01T18:00:00Z"))
    web_login(client, *district.login("ddunn"))
    assert 'href="/admin/notifications"' in client.get("/").text
    page = client.get("/admin/notifications").text
    assert "421 mailbox busy" in page and '<option value="18" selected>18:00</option>' in page
    token = csrf_from(page)
    form = {"csrf_token": token, "digest_hour": "7", "weekly_weekday": "funday", "sender_name": "JCPS",
            "delivery-new_work": "weekly", "approval_required": "on"}
    bad = client.post("/admin/notifications", data=form)
    assert bad.status_code == 422 and "Weekly weekday: must be a weekday." in bad.text
    client.post("/admin/notifications", data={**form, "weekly_weekday": "monday"})
    district_settings = notifications.district
    assert (district_settings.digest_hour, district_settings.weekly_weekday, district_settings.approval_required,
            district_settings.sender_name) == (7, "monday", True, "JCPS")
    client.post("/admin/notifications/resend", data={"ids": "d1", "csrf_token": token})
    assert notifications.resent == ["d1"]


def test_one_click_unsubscribe_needs_no_login(client, notifications):
    confirm = client.get("/unsubscribe/signed:person-9:comments", headers={"Accept-Language": "es"})
    assert confirm.status_code == 200 and "Dejar de recibir estos correos" in confirm.text and notifications.muted == []
    done = client.post("/unsubscribe/signed:person-9:comments")
    assert done.status_code == 200 and "You will no longer get emails about: Comments." in done.text
    one_click = client.post("/unsubscribe/signed:person-9:new_work", data={"List-Unsubscribe": "One-Click"})
    assert one_click.json() == {"category": "new_work", "unsubscribed": True}
    assert notifications.muted == [("person-9", "comments"), ("person-9", "new_work")]
    as_the_sender_writes = client.get("/notifications/unsubscribe?token=signed:person-9:assessments")
    assert 'action="/notifications/unsubscribe?token=signed%3Aperson-9%3Aassessments"' in as_the_sender_writes.text
    client.post("/notifications/unsubscribe?token=signed:person-9:assessments", data={"List-Unsubscribe": "One-Click"})
    assert notifications.muted[-1] == ("person-9", "assessments")
    forged = client.post("/unsubscribe/forged")
    assert forged.status_code == 422 and "not a valid unsubscribe token" in forged.text


def test_the_demo_mailbox_shows_the_sinks_emails_only_when_configured(client, make_client, tmp_path):
    assert client.get("/demo/mail").status_code == 404
    box = mailbox.Maildir(tmp_path / "mail", create=True)
    message = EmailMessage()
    message["Subject"], message["To"], message["Content-Language"] = "Resumen diario: Amy", "gail@example.org", "es"
    message.set_content("Hola Gail\nhttp://localhost/unsubscribe/x")
    message.add_alternative("<p>Hola <script>alert(1)</script></p>", subtype="html")
    key = box.add(message)
    demo = make_client(demo_maildir=str(tmp_path / "mail"))
    listing = demo.get("/demo/mail").text
    assert f'href="/demo/mail/{key}">Resumen diario: Amy</a>' in listing and "1 email" in listing
    shown = demo.get(f"/demo/mail/{key}").text
    assert "Hola Gail" in shown and "<script>alert" not in shown
    assert demo.get("/demo/mail/..%2Fsecrets.env").status_code == 404
