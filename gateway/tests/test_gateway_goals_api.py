"""Goals through the gateway against real servers: the student sets a goal on skills, links evidence from their
portfolio and closes it with a reflection (REST and the goals page); teachers and guardians read; anyone else is
refused; bad input names the field."""
from __future__ import annotations

import pytest
from gateway_testkit import csrf_from, web_login
from progress_fixtures import panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)

pytestmark = pytest.mark.integration


def test_a_goal_from_setting_to_closing(people, district, skill_ids, sync):
    amy_id, amy = district.ids["amy"], people("aadams")
    work = amy.add_link(amy_id, skill_ids["communicator"], title="My speech")
    sync()
    goal = amy.call("POST", f"/api/v1/students/{amy_id}/goals", 201, json={
        "title": "Speak with confidence", "skill_ids": [skill_ids["communicator"]],
        "success_criteria": "I present to the class without notes"})
    assert goal["status"] == "active" and goal["skill_ids"] == [skill_ids["communicator"]]
    changed = amy.call("PATCH", f"/api/v1/goals/{goal['id']}", json={"title": "Speak with more confidence"})
    assert changed["title"] == "Speak with more confidence" and changed["success_criteria"].startswith("I present")
    linked = amy.call("POST", f"/api/v1/goals/{goal['id']}/evidence", json={"artifact_ids": [work]})
    assert linked["evidence_artifact_ids"] == [work]
    for reader in ("tlee", "gadams"):
        assert goal["id"] in [g["id"] for g in people(reader).call("GET", f"/api/v1/students/{amy_id}/goals")["items"]]
    closed = amy.call("POST", f"/api/v1/goals/{goal['id']}/close", json={
        "status": "achieved", "closing_reflection": "I did it at the assembly"})
    assert closed["status"] == "achieved" and closed["closed_at"] and closed["closing_reflection"]
    assert people("tlee").call("GET", f"/api/v1/goals/{goal['id']}")["status"] == "achieved"


def test_only_the_student_changes_and_outsiders_read_nothing(people, district, skill_ids, sync):
    amy_id = district.ids["amy"]
    goal = people("aadams").call("POST", f"/api/v1/students/{amy_id}/goals", 201, json={
        "title": "Finish the garden map", "skill_ids": [skill_ids["thinker"]], "success_criteria": "It is on the wall"})
    body = {"title": "A teacher's goal", "skill_ids": [skill_ids["thinker"]], "success_criteria": "Done"}
    people("tlee").call("POST", f"/api/v1/students/{amy_id}/goals", 403, json=body)
    people("tlee").call("POST", f"/api/v1/goals/{goal['id']}/close", 403, json={
        "status": "withdrawn", "closing_reflection": "no"})
    for outsider in ("tkim", "ddunn", "sshaw", "bbrown", "cclark"):
        listed = people(outsider).client.get(f"/api/v1/students/{amy_id}/goals", headers=people(outsider).headers)
        one = people(outsider).client.get(f"/api/v1/goals/{goal['id']}", headers=people(outsider).headers)
        assert listed.status_code == 403 and one.status_code in (403, 404), outsider


def test_bad_input_names_the_field(people, district, skill_ids, sync):
    amy_id, amy = district.ids["amy"], people("aadams")
    no_skill = amy.call("POST", f"/api/v1/students/{amy_id}/goals", 422, json={"title": "Grow", "skill_ids": [],
                                                                                  "success_criteria": "Taller"})
    assert no_skill["error"]["problems"][0]["field"] == "skill_ids"
    unknown = amy.call("POST", f"/api/v1/students/{amy_id}/goals", 422, json={
        "title": "Grow", "skill_ids": ["skl-nope", skill_ids["collaborator"]], "success_criteria": "Taller"})
    assert [(p["field"], p["reason"]) for p in unknown["error"]["problems"]] == [
        ("skill_ids", "'skl-nope' is not a skill of the district"),
        ("skill_ids", f"{skill_ids['collaborator']!r} is retired")]
    goal = amy.call("POST", f"/api/v1/students/{amy_id}/goals", 201, json={
        "title": "Grow", "skill_ids": [skill_ids["communicator"]], "success_criteria": "Taller"})
    silent = amy.call("POST", f"/api/v1/goals/{goal['id']}/close", 422, json={"status": "achieved",
                                                                             "closing_reflection": " "})
    assert silent["error"]["problems"][0]["field"] == "closing_reflection"
    assert amy.call("PATCH", f"/api/v1/goals/{goal['id']}", 422, json={})["error"]["problems"][0]["field"] == "body"
    wrong = amy.call("POST", f"/api/v1/goals/{goal['id']}/close", 422, json={"status": "done",
                                                                            "closing_reflection": "x"})
    assert wrong["error"]["problems"][0]["field"] == "status"


def test_the_goals_page_sets_links_and_closes(client, district, skill_ids, people, sync):
    amy_id = district.ids["amy"]
    work = people("aadams").add_link(amy_id, skill_ids["communicator"], title="Poster <draft>")
    sync()
    web_login(client, *district.login("aadams"))
    page = client.get(f"/students/{amy_id}/goals")
    assert page.status_code == 200 and "<h1>My goals</h1>" in page.text
    made = client.post(f"/students/{amy_id}/goals", data={
        "csrf_token": csrf_from(page.text), "title": "Design a clear poster", "skill_ids": [skill_ids["communicator"]],
        "success_criteria": "Classmates explain it back"})
    assert made.status_code == 303
    goal_id = made.headers["location"].rsplit("#goal-", 1)[1]
    linked = client.post(f"/students/{amy_id}/goals/{goal_id}/evidence", data={
        "csrf_token": csrf_from(page.text), "artifact_ids": [work], "listed": [work]})
    assert linked.status_code == 303
    shown = client.get(f"/students/{amy_id}/goals")
    assert f'<a href="/artifacts/{work}">Poster &lt;draft&gt;</a>' in shown.text
    assert "Effective Communicator" in shown.text and "Classmates explain it back" in shown.text
    empty = client.post(f"/students/{amy_id}/goals/{goal_id}/close", data={
        "csrf_token": csrf_from(page.text), "status": "achieved", "closing_reflection": ""})
    assert empty.status_code == 422 and "There is a problem" in empty.text
    closed = client.post(f"/students/{amy_id}/goals/{goal_id}/close", data={
        "csrf_token": csrf_from(page.text), "status": "achieved", "closing_reflection": "Everyone got it"})
    assert closed.status_code == 303
    assert "Looking back" in client.get(f"/students/{amy_id}/goals").text
