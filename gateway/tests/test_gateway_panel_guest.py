"""Panel links through the gateway: /panel/<token> starts a guest session (guest:<invitation_id>, panel_guest) that
opens its milestone's page, where the guest scores each criterion (form or REST), and nothing else (403); the
session ends when the invitation expires; an expired link gets a friendly 410 page, an unknown one a 404."""
from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from gateway_testkit import FakeClock, csrf_from, web_login
from progress_fixtures import panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)
from test_gateway_milestones_api import planned

from chassis.access import Viewer
from chassis.calendar import DistrictCalendar
from reflections.service_layer.milestones import MilestoneUseCases

pytestmark = pytest.mark.integration
META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def invite(people, milestone_id: str, name: str = "Pat Partner") -> str:
    """A guest invitation's link path (/panel/<token>)."""
    reply = people("tlee").call("POST", f"/api/v1/milestones/{milestone_id}/panellists", 201, json={
        "name": name, "email": "pat@example.org", "kind": "community"})
    return "/panel/" + reply["guest_url"].rsplit("/panel/", 1)[1]


def invited_back_then(reflections_app, district, milestone_id: str, days_ago: float, valid_days: int) -> str:
    """An invitation made ``days_ago`` (the service's own use case on a clock set back), lasting ``valid_days``."""
    then = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    past = MilestoneUseCases(reflections_app.unit_of_work, DistrictCalendar(lambda: then), 14)
    _, token = past.invite(Viewer.of(district.ids["teacher"], ["teacher"]), milestone_id, "Old Invite",
                           "old@example.org", "family", valid_days=valid_days)
    return f"/panel/{token}"


def test_a_guest_scores_through_the_panel_link_and_reaches_nothing_else(make_client, people, district, skill_ids,
                                                                        panel_rubric, sync):
    milestone, other = planned(people, district, panel_rubric), planned(people, district, panel_rubric)
    amy = people("aadams")
    work = amy.add_link(district.ids["amy"], skill_ids["communicator"], title="Bridge <model>")
    sync()
    amy.call("PUT", f"/api/v1/milestones/{milestone['id']}/evidence", json={"artifact_ids": [work]})
    guest = make_client()
    entry = guest.get(invite(people, milestone["id"]))
    sync()                                               # the artifacts service learns of the panellist
    assert entry.status_code == 303 and entry.headers["location"] == f"/milestones/{milestone['id']}"
    page = guest.get(f"/milestones/{milestone['id']}")
    assert page.status_code == 200 and "Welcome, Pat Partner" in page.text
    assert page.text.count('type="radio"') == 8 and "Evidence of growth" in page.text   # 2 criteria x 4 levels
    assert "Invite a panellist" not in page.text and "Record the outcome" not in page.text
    assert "<li>Bridge &lt;model&gt;</li>" in page.text and f'href="/artifacts/{work}"' not in page.text
    form = guest.post(f"/milestones/{milestone['id']}/score", data={
        "csrf_token": csrf_from(page.text), "criterion-evidence": "3", "criterion-reflection": "4",
        "comment": "Clear growth"})
    assert form.status_code == 303 and form.headers["location"].endswith("?done=scored")
    scored = guest.get(form.headers["location"])
    assert "Thank you: your scores are saved." in scored.text and "Clear growth" in scored.text
    assert re.search(r"Evidence of growth</th><td>Ready</td>", scored.text)
    token = META_CSRF.search(scored.text).group(1)
    rescored = guest.put(f"/api/v1/milestones/{milestone['id']}/score-sheet", headers={"X-CSRF-Token": token},
                         json={"scores": [{"criterion_code": "evidence", "level_rank": 2},
                                          {"criterion_code": "reflection", "level_rank": 2}], "comment": ""})
    assert rescored.status_code == 200, rescored.text
    assert [s["level_name"] for s in rescored.json()["scores"]] == ["Approaching", "Approaching"]
    off_scale = guest.put(f"/api/v1/milestones/{milestone['id']}/score-sheet", headers={"X-CSRF-Token": token},
                          json={"scores": [{"criterion_code": "evidence", "level_rank": 9},
                                           {"criterion_code": "reflection", "level_rank": 2}]})
    assert off_scale.status_code == 422 and "level_rank" in off_scale.json()["error"]["problems"][0]["field"]
    amy = district.ids["amy"]
    for path in ("/", f"/students/{amy}", f"/students/{amy}/goals", f"/students/{amy}/growth",
                 f"/students/{amy}/milestones", f"/milestones/{other['id']}", "/api/v1/me",
                 f"/api/v1/students/{amy}/artifacts", f"/api/v1/milestones/{other['id']}",
                 f"/api/v1/students/{amy}/goals"):
        assert guest.get(path).status_code == 403, path
    outcome = guest.post(f"/api/v1/milestones/{milestone['id']}/outcome", headers={"X-CSRF-Token": token},
                         json={"outcome": "READY"})
    assert outcome.status_code == 403
    sheets = people("tlee").call("GET", f"/api/v1/milestones/{milestone['id']}")["score_sheets"]
    assert [(s["panellist_name"], s["comment"]) for s in sheets] == [("Pat Partner", "")]


def test_an_expired_link_gets_a_friendly_410_and_an_unknown_one_a_404(make_client, people, district,
                                                                      panel_rubric, reflections_app, sync):
    milestone = planned(people, district, panel_rubric)
    guest = make_client()
    expired = guest.get(invited_back_then(reflections_app, district, milestone["id"], days_ago=10, valid_days=3))
    assert expired.status_code == 410 and "This panel link has expired" in expired.text
    assert "This panel link expired on" in expired.text and "Ask the teacher" in expired.text
    unknown = guest.get(f"/panel/{uuid.uuid4().hex}")
    assert unknown.status_code == 404 and "This panel link is not valid." in unknown.text
    assert guest.get(f"/milestones/{milestone['id']}").status_code == 303     # no session was started


def test_the_guest_session_ends_when_the_invitation_does(make_client, people, district, panel_rubric,
                                                         reflections_app, sync):
    milestone = planned(people, district, panel_rubric)
    link = invited_back_then(reflections_app, district, milestone["id"], days_ago=1 - 600 / 86400, valid_days=1)
    clock = FakeClock()     # read after the invitation: it ends at most 600 s past this clock's start
    guest = make_client(clock=clock)
    assert guest.get(link).status_code == 303
    assert guest.get(f"/milestones/{milestone['id']}").status_code == 200
    clock.advance(601)     # past the invitation's end (600 s from now, room for a loaded machine): the session ends
    ended = guest.get(f"/milestones/{milestone['id']}")
    assert ended.status_code == 303 and ended.headers["location"].startswith("/login")


def test_links_end_when_the_milestone_completes(make_client, people, district, panel_rubric, sync):
    """Completing the milestone ends its panel links: the guest's page and the link itself answer 410, and the
    teacher's page shows the link as ended instead of "link until"."""
    milestone = planned(people, district, panel_rubric)
    link = invite(people, milestone["id"], name="Pat Partner")
    guest = make_client()
    assert guest.get(link).status_code == 303
    assert guest.get(f"/milestones/{milestone['id']}").status_code == 200
    teacher = make_client()
    assert web_login(teacher, *district.login("tlee")).status_code == 303
    before = teacher.get(f"/milestones/{milestone['id']}").text
    assert "link until" in before and "link ended" not in before
    people("tlee").call("POST", f"/api/v1/milestones/{milestone['id']}/outcome", json={"outcome": "READY"})
    page = guest.get(f"/milestones/{milestone['id']}")
    assert page.status_code == 410 and "This milestone is completed: its panel links have ended." in page.text
    again = make_client().get(link)
    assert again.status_code == 410 and "its panel links have ended" in again.text
    after = teacher.get(f"/milestones/{milestone['id']}").text
    assert "link ended" in after and "(milestone completed)" in after and "link until" not in after
