"""The milestone pages through the gateway against real servers: a teacher plans a milestone from the student's
milestones page, invites a panellist and sees the link once (never again on reload), the student picks evidence,
the teacher records the outcome; field problems come back on the page."""
from __future__ import annotations

import re
import uuid

import pytest
from gateway_testkit import csrf_from, web_login
from progress_fixtures import panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)
from test_gateway_milestones_api import defense

pytestmark = pytest.mark.integration


def test_plan_invite_select_and_complete_on_the_pages(make_client, people, district, panel_rubric, skill_ids, sync):
    amy_id, kind = district.ids["amy"], defense(people, panel_rubric)
    teacher = make_client()
    web_login(teacher, *district.login("tlee"))
    listing = teacher.get(f"/students/{amy_id}/milestones")
    assert listing.status_code == 200 and "Plan a milestone" in listing.text and kind["id"] in listing.text
    bad = teacher.post(f"/students/{amy_id}/milestones", data={
        "csrf_token": csrf_from(listing.text), "type_id": kind["id"], "title": "Defense", "scheduled_on": ""})
    assert bad.status_code == 422 and "There is a problem" in bad.text and "Scheduled on" in bad.text
    made = teacher.post(f"/students/{amy_id}/milestones", data={
        "csrf_token": csrf_from(listing.text), "type_id": kind["id"], "title": "Spring Defense",
        "scheduled_on": "2026-12-05"})
    assert made.status_code == 303
    path = made.headers["location"]
    page = teacher.get(path)
    assert "Invite a panellist" in page.text and "Record the outcome" in page.text
    invited = teacher.post(f"{path}/panellists", data={
        "csrf_token": csrf_from(page.text), "name": "Gran Adams", "email": "gran@example.org", "kind": "family",
        "valid_days": "5"})
    assert invited.status_code == 200 and "shown <strong>only this once</strong>" in invited.text
    link = re.search(r'id="new-link" type="text" readonly value="(http://testserver/panel/[^"]+)"', invited.text)
    assert link and link.group(1).rsplit("/", 1)[1] not in teacher.get(path).text
    student = make_client()
    web_login(student, *district.login("aadams"))
    work = people("aadams").add_link(amy_id, skill_ids["communicator"], title=f"Speech {uuid.uuid4().hex[:4]}")
    sync()
    mine = student.get(path)
    assert "Choose the artifacts that show your learning" in mine.text and "Invite a panellist" not in mine.text
    chosen = student.post(f"{path}/evidence", data={"csrf_token": csrf_from(mine.text), "artifact_ids": [work]})
    assert chosen.status_code == 303
    assert f'value="{work}" checked' in student.get(path).text
    done = teacher.post(f"{path}/outcome", data={"csrf_token": csrf_from(page.text), "outcome": "EXCELLING"})
    assert done.status_code == 303
    final = teacher.get(path)
    assert "Outcome: <strong>Excelling</strong>" in final.text and "Record the outcome" not in final.text
    refused = student.post(f"{path}/outcome", data={"csrf_token": csrf_from(mine.text), "outcome": "READY"})
    assert refused.status_code == 403
