"""/api/v1 milestones through the gateway against real roster, skills, artifacts and reflections servers: a district
admin defines a Defense of Learning on the skills rubric, a teacher plans it and invites a guest panellist (the link
comes back once), the student selects evidence, the guest scores through a panel-link session and the teacher
records the outcome. Who may do what is the reflections service's decision; refusals come back as 403/404."""
from __future__ import annotations

import uuid

import pytest
from progress_fixtures import panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)

pytestmark = pytest.mark.integration


def defense(people, panel_rubric) -> dict:
    """A fresh Defense of Learning type (grades 5, 8, 12) on the panel rubric, defined by the district admin."""
    return people("ddunn").call("POST", "/api/v1/milestone-types", 201, json={
        "code": f"defense-{uuid.uuid4().hex[:8]}", "name": "Defense of Learning", "rubric_id": panel_rubric[1],
        "grade_levels": ["05", "08", "12"]})


def planned(people, district, panel_rubric) -> dict:
    kind = defense(people, panel_rubric)
    return people("tlee").call("POST", f"/api/v1/students/{district.ids['amy']}/milestones", 201, json={
        "type_id": kind["id"], "title": "Grade 5 Defense", "scheduled_on": "2026-12-01"})


def test_a_defense_of_learning_from_type_to_outcome(people, district, panel_rubric, skill_ids, sync):
    kind = defense(people, panel_rubric)
    assert kind["criteria"] == ["evidence", "reflection"]
    assert [level["name"] for level in kind["levels"]] == ["Not Yet", "Approaching", "Ready", "Excelling"]
    assert kind["rubric_name"] == "Defense of Learning"                  # from the one skills catalog replica
    assert [(c["name"], c["descriptors"][-1]) for c in kind["rubric_criteria"]] == [
        ("Evidence of growth", "Connects growth to goals"), ("Reflection", "Plans next steps")]
    assert any(t["id"] == kind["id"] for t in people("tlee").call("GET", "/api/v1/milestone-types")["items"])
    teacher, amy = people("tlee"), people("aadams")
    milestone = teacher.call("POST", f"/api/v1/students/{district.ids['amy']}/milestones", 201, json={
        "type_id": kind["id"], "title": "Grade 5 Defense", "scheduled_on": "2026-12-01"})
    assert milestone["status"] == "planned" and milestone["type"]["name"] == "Defense of Learning"
    work = amy.add_link(district.ids["amy"], skill_ids["communicator"])
    sync()
    chosen = amy.call("PUT", f"/api/v1/milestones/{milestone['id']}/evidence", json={"artifact_ids": [work]})
    assert chosen["evidence_artifact_ids"] == [work]
    invited = teacher.call("POST", f"/api/v1/milestones/{milestone['id']}/panellists", 201, json={
        "name": "Pat Partner", "email": "pat@example.org", "kind": "community", "valid_days": 7})
    assert invited["guest_url"].startswith("http://testserver/panel/") and len(invited["guest_url"]) > 40
    assert invited["panellist"]["name"] == "Pat Partner" and invited["panellist"]["expires_at"]
    seen = amy.call("GET", f"/api/v1/milestones/{milestone['id']}")
    assert [p["name"] for p in seen["panellists"]] == ["Pat Partner"]
    assert invited["guest_url"].rsplit("/", 1)[1] not in str(seen)          # the token is never shown again
    done = teacher.call("POST", f"/api/v1/milestones/{milestone['id']}/outcome", json={"outcome": "READY"})
    assert done["status"] == "completed" and done["outcome"] == "READY"
    listed = people("gadams").call("GET", f"/api/v1/students/{district.ids['amy']}/milestones")["items"]
    assert milestone["id"] in [m["id"] for m in listed]


def test_who_may_define_plan_invite_and_read(people, district, panel_rubric, sync):
    kind = defense(people, panel_rubric)
    body = {"code": "not-allowed", "name": "X", "rubric_id": panel_rubric[1], "grade_levels": []}
    assert people("tlee").call("POST", "/api/v1/milestone-types", 403, json=body)["error"]["code"] \
        == "PERMISSION_DENIED"
    plan = {"type_id": kind["id"], "title": "Defense", "scheduled_on": "2026-12-01"}
    people("tkim").call("POST", f"/api/v1/students/{district.ids['amy']}/milestones", 403, json=plan)
    people("aadams").call("POST", f"/api/v1/students/{district.ids['amy']}/milestones", 403, json=plan)
    milestone = people("tlee").call("POST", f"/api/v1/students/{district.ids['amy']}/milestones", 201, json=plan)
    for outsider in ("tkim", "ddunn", "sshaw", "bbrown"):
        reply = people(outsider).client.get(f"/api/v1/milestones/{milestone['id']}",
                                            headers=people(outsider).headers)
        assert reply.status_code in (403, 404), (outsider, reply.text)
    guest = {"name": "Pat", "email": "pat@example.org", "kind": "family"}
    people("aadams").call("POST", f"/api/v1/milestones/{milestone['id']}/panellists", 403, json=guest)


def test_bad_input_names_the_field(people, district, panel_rubric, sync):
    milestone = planned(people, district, panel_rubric)
    teacher = people("tlee")
    wrong_date = teacher.call("POST", f"/api/v1/students/{district.ids['amy']}/milestones", 422, json={
        "type_id": milestone["type"]["id"], "title": "Defense", "scheduled_on": "soon"})
    assert wrong_date["error"]["problems"][0]["field"] == "scheduled_on"
    no_kind = teacher.call("POST", f"/api/v1/milestones/{milestone['id']}/panellists", 422, json={
        "name": "Pat", "email": "pat@example.org", "kind": "robot"})
    assert no_kind["error"]["problems"][0]["field"] == "kind"
    bad_outcome = teacher.call("POST", f"/api/v1/milestones/{milestone['id']}/outcome", 422,
                               json={"outcome": "GREAT"})
    assert bad_outcome["error"]["problems"][0]["field"] == "outcome"
    extra = teacher.call("POST", f"/api/v1/milestones/{milestone['id']}/outcome", 422,
                         json={"outcome": "READY", "grade": 5})
    assert extra["error"]["problems"][0]["field"] == "grade"
