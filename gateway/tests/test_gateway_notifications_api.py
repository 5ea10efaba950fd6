"""/api/v1/notifications against a notifications API (the stand-in, which verifies the gateway's signed principal):
the feed with paging and unread counts, mark read, preferences with field-named 422s, a teacher's approvals, a
district admin's settings and parked deliveries, and refusals mapped to 403 by gateway.errors."""
from __future__ import annotations

import pytest
from gateway_testkit import api_token, bearer

from skillfolio.notifications.v1 import notifications_pb2 as npb

pytestmark = pytest.mark.integration


def _feed(state, person: str, count: int) -> None:
    state.feeds[person] = [npb.FeedItem(id=f"n{i}", kind="artifact_added", category="new_work", student_id="s",
                                        student_first_name="Amy", text=f"Ms Lee added work {i}",
                                        link=f"/artifacts/a{i}", created_at="2026-12-01T10:00:00Z", count=1)
                           for i in range(count)]


@pytest.fixture
def guardian(client, district):
    return bearer(api_token(client, *district.login("gadams")))


def test_the_feed_pages_counts_and_marks_read(client, district, notifications, guardian):
    _feed(notifications, district.ids["guardian"], 3)
    first = client.get("/api/v1/notifications?page_size=2", headers=guardian).json()
    assert [i["id"] for i in first["items"]] == ["n0", "n1"] and first["unread_count"] == 3
    assert first["items"][0]["link"] == "/artifacts/a0" and first["viewer_can"]["read_feed"] is True
    rest = client.get(f"/api/v1/notifications?page_token={first['next_page_token']}", headers=guardian).json()
    assert [i["id"] for i in rest["items"]] == ["n2"] and rest["next_page_token"] == ""
    assert client.post("/api/v1/notifications/read", json={"ids": ["n1"]}, headers=guardian).json() == {
        "unread_count": 2}
    assert client.get("/api/v1/notifications/unread-count", headers=guardian).json() == {"unread_count": 2}
    assert client.post("/api/v1/notifications/read-all", headers=guardian).json() == {"unread_count": 0}


def test_mark_read_needs_ids_and_a_caller(client, guardian):
    bad = client.post("/api/v1/notifications/read", json={"ids": []}, headers=guardian)
    assert bad.status_code == 422 and bad.json()["error"]["problems"][0]["field"] == "ids"
    assert client.get("/api/v1/notifications").status_code == 401


def test_preferences_change_only_what_is_sent_and_name_the_bad_field(client, guardian):
    before = client.get("/api/v1/notifications/preferences", headers=guardian).json()
    assert before["critical_categories"] == ["critical"] and before["preferences"]["language"] == "en"
    changed = client.put("/api/v1/notifications/preferences", headers=guardian, json={
        "categories": [{"category": "new_work", "delivery": "daily"}], "language": "es"}).json()["preferences"]
    assert {c["category"]: c["delivery"] for c in changed["categories"]}["new_work"] == "daily"
    assert changed["language"] == "es" and changed["time_zone"] == before["preferences"]["time_zone"]
    critical = client.put("/api/v1/notifications/preferences", headers=guardian,
                          json={"categories": [{"category": "critical", "delivery": "off"}]})
    assert critical.status_code == 422
    assert critical.json()["error"]["problems"] == [
        {"field": "categories.critical", "reason": "a critical category cannot be changed or muted"}]
    hours = client.put("/api/v1/notifications/preferences", headers=guardian, json={"quiet_hours_start": "25:00"})
    assert hours.status_code == 422 and hours.json()["error"]["problems"][0]["field"] == "quiet_hours_start"
    unknown = client.put("/api/v1/notifications/preferences", headers=guardian, json={"colour": "red"})
    assert unknown.status_code == 422 and unknown.json()["error"]["problems"][0]["field"] == "colour"


def test_a_teacher_approves_and_a_guardian_is_refused(client, district, notifications, guardian):
    notifications.approvals.extend(npb.Approval(id=f"p{i}", kind="artifact_added", student_id="s",
                                                student_name="Amy Adams", link=f"/artifacts/x{i}", text="New work")
                                   for i in range(3))
    teacher = bearer(api_token(client, *district.login("tlee")))
    assert [a["id"] for a in client.get("/api/v1/notifications/approvals", headers=teacher).json()["items"]] == [
        "p0", "p1", "p2"]
    assert client.post("/api/v1/notifications/approvals/approve", json={"ids": ["p1"]}, headers=teacher).json() == {
        "approved": 1}
    assert client.post("/api/v1/notifications/approvals/approve-all", headers=teacher).json() == {"approved": 2}
    refused = client.get("/api/v1/notifications/approvals", headers=guardian)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "PERMISSION_DENIED"


def test_a_district_admin_sets_the_district_and_resends_parked_email(client, district, notifications, guardian):
    notifications.parked.append(npb.ParkedDelivery(id="d1", recipient_name="Gail Adams", kind="daily", attempts=8,
                                                   last_error="421 try later"))
    admin = bearer(api_token(client, *district.login("ddunn")))
    settings = client.put("/api/v1/notifications/district-settings", headers=admin, json={
        "digest_hour": 19, "weekly_weekday": "sunday", "approval_required": True}).json()["settings"]
    assert (settings["digest_hour"], settings["weekly_weekday"], settings["approval_required"]) == (19, "sunday", True)
    hour = client.put("/api/v1/notifications/district-settings", headers=admin, json={"digest_hour": 24})
    assert hour.status_code == 422 and hour.json()["error"]["problems"][0]["field"] == "digest_hour"
    assert client.get("/api/v1/notifications/parked", headers=admin).json()["items"][0]["last_error"] == "421 try later"
    assert client.post("/api/v1/notifications/parked/resend", json={"ids": ["d1"]}, headers=admin).json() == {
        "queued": 1}
    assert notifications.resent == ["d1"]
    assert client.get("/api/v1/notifications/district-settings", headers=guardian).status_code == 403


def test_every_notifications_route_is_documented_with_its_errors(client):
    paths = client.get("/openapi.json").json()["paths"]
    routes = [p for p in paths if p.startswith("/api/v1/notifications")]
    assert len(routes) == 11
    for path in routes:
        for operation in paths[path].values():
            assert {"401", "403", "422", "503"} <= set(operation["responses"]), path
            assert operation["tags"] == ["notifications"]
