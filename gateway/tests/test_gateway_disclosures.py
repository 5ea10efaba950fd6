"""The record of disclosures and amendments through the gateway against real servers: the access matrix as a table
(REST), the rows merged newest first over services and paged by token, the filters, the reader's own read audited,
a privacy officer's view; an amendment requested, refused and answered with a statement of disagreement that the
discussion shows beside the feedback."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from progress_fixtures import As, panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)

from chassis.config import service_settings
from roster.bootstrap import build as build_roster

pytestmark = pytest.mark.integration

# Y = allowed (200/201), N = 403. "request" asks for an amendment of Tom Lee's feedback; "decide" refuses a pending
# request of it; "disclosures" reads Amy's record of disclosures; "amendments" lists her requests.
MATRIX = """
user    relationship           | disclosures amendments request decide
aadams  the-student            |  Y           Y          Y       N
gadams  her-guardian           |  Y           Y          Y       N
tlee    teaches-her-now-author |  N           Y          N       Y
tkim    other-teacher          |  N           N          N       N
cclark  classmate-last-term    |  N           N          N       N
bbrown  classmate              |  N           N          N       N
sshaw   school-admin           |  N           N          N       N
ddunn   district-admin         |  N           N          N       N
"""
HEADER, *ROWS = [line.split("|") for line in MATRIX.strip().splitlines()]
ACTIONS = HEADER[1].split()
CELLS = [(who.split()[0], action, allowed == "Y")
         for who, marks in ROWS for action, allowed in zip(ACTIONS, marks.split(), strict=True)]


@pytest.fixture
def amy_feedback(people, district, skill_ids, sync) -> tuple[str, str, str]:
    """Amy's id, a piece of her work and Tom Lee's feedback on it (replicated to reflections)."""
    amy_id = district.ids["amy"]
    work = people("aadams").add_link(amy_id, skill_ids["communicator"], title="Disclosed piece")
    sync()
    given = people("tlee").call("POST", f"/api/v1/artifacts/{work}/feedback", 201,
                                json={"can_do": "You state a claim.", "next_steps": "You cite no sources."})
    return amy_id, work, given["id"]


@pytest.fixture
def officer(pg_database_url) -> Iterator[str]:
    """Tom Kim, granted the privacy officer role for this test (revoked after it)."""
    app = build_roster(service_settings("roster", database_url=pg_database_url))
    app.privacy_officers.grant("operator:test", "tkim", "a records request in a test")
    yield "tkim"
    app.privacy_officers.revoke("operator:test", "tkim", "the test is over")
    app.close()


@pytest.mark.parametrize("username, action, allowed", CELLS, ids=[f"{u}-{a}" for u, a, _ in CELLS])
def test_disclosures_and_amendments_access_matrix(people, amy_feedback, username, action, allowed):
    amy_id, work, feedback_id = amy_feedback
    request = {"record_type": "feedback", "record_id": feedback_id, "reason": "I cited three sources."}
    if action == "decide":
        pending = people("aadams").call("POST", "/api/v1/amendments", 201, json=request)
    method, path, body, success = {
        "disclosures": ("GET", f"/api/v1/students/{amy_id}/disclosures", None, 200),
        "amendments": ("GET", f"/api/v1/students/{amy_id}/amendments", None, 200),
        "request": ("POST", "/api/v1/amendments", request, 201),
        "decide": ("POST", f"/api/v1/amendments/{pending['id']}/decision" if action == "decide" else "",
                   {"outcome": "refused", "reason": "The page shows none."}, 200),
    }[action]
    who = people(username)
    reply = who.client.request(method, path, headers=who.headers, json=body)
    assert reply.status_code == (success if allowed else 403), reply.text


def test_the_record_merges_services_newest_first_pages_and_filters(people, amy_feedback):
    amy_id, work, _ = amy_feedback
    teacher, amy, guardian = people("tlee"), people("aadams"), people("gadams")
    teacher.call("GET", f"/api/v1/artifacts/{work}")
    teacher.call("GET", f"/api/v1/artifacts/{work}/discussion")
    base = f"/api/v1/students/{amy_id}/disclosures"
    everything = amy.call("GET", base, params={"page_size": 200})["items"]
    assert {"artifacts", "reflections"} <= {d["service"] for d in everything}
    assert [d["occurred_at"] for d in everything] == sorted((d["occurred_at"] for d in everything), reverse=True)
    mine = [d for d in everything if d["actor_id"] == teacher.call("GET", "/api/v1/me")["id"]][:2]
    assert [d["action"] for d in mine] == ["reflections.GetDiscussion", "artifacts.GetArtifact"]
    assert mine[0]["detail"] == {"artifact_id": work} and "teacher" in mine[0]["actor_roles"]
    assert {d["actor_name"] for d in mine} == {"Tess Lee"}          # artifacts knows no names: the roster does
    paged, token = [], ""
    while True:
        page = amy.call("GET", base, params={"page_size": 3, **({"page_token": token} if token else {})})
        paged += page["items"]
        token = page["next_page_token"]
        if not token:
            break
    unnamed = [{k: v for k, v in d.items() if k != "actor_name"} for d in everything]   # names come per page
    assert [{k: v for k, v in d.items() if k != "actor_name"} for d in paged] == unnamed
    only = amy.call("GET", base, params=[("service", "reflections"), ("page_size", 200)])["items"]
    assert only and {d["service"] for d in only} == {"reflections"}
    assert amy.call("GET", base, params={"from_date": "2999-01-01"})["items"] == []
    guardian.call("GET", base)                                    # the guardian's read is itself audited
    assert {d["service"] for d in amy.call("GET", base)["items"] if d["action"].endswith(".ListDisclosures")} >= {
        "roster", "artifacts", "reflections"}
    assert amy.call("GET", base, 422, params={"page_token": "not-a-token"})["error"]["problems"][0]["field"] == \
        "page_token"
    assert amy.call("GET", base, 422, params={"from_date": "yesterday"})


def test_a_privacy_officer_reads_the_record_and_decides(people, amy_feedback, officer):
    amy_id, work, feedback_id = amy_feedback
    asked = people("gadams").call("POST", "/api/v1/amendments", 201, json={
        "record_type": "feedback", "record_id": feedback_id, "reason": "She cited three sources."})
    po = people(officer)
    assert po.call("GET", f"/api/v1/students/{amy_id}/disclosures")["items"]
    [listed] = [a for a in po.call("GET", f"/api/v1/students/{amy_id}/amendments")["items"] if a["id"] == asked["id"]]
    assert listed["viewer_can"] == {"decide": True, "disagree": False}
    done = po.call("POST", f"/api/v1/amendments/{asked['id']}/decision", json={
        "outcome": "amended", "texts": [{"field": "next_steps", "text": "Add page numbers to your sources."}]})
    assert (done["status"], done["decider_role"]) == ("amended", "privacy_officer")
    assert done["previous"] == [{"field": "can_do", "text": "You state a claim."},
                                {"field": "next_steps", "text": "You cite no sources."}]
    [shown] = people("aadams").call("GET", f"/api/v1/artifacts/{work}/discussion")["feedback"]
    assert shown["next_steps"] == "Add page numbers to your sources." and shown["amended"]


def test_a_refusal_is_answered_with_a_disagreement_beside_the_feedback(people, amy_feedback):
    amy_id, work, feedback_id = amy_feedback
    guardian, teacher = people("gadams"), people("tlee")
    asked = guardian.call("POST", "/api/v1/amendments", 201, json={
        "record_type": "feedback", "record_id": feedback_id, "reason": "She cited three sources."})
    teacher.call("POST", f"/api/v1/amendments/{asked['id']}/decision", 422, json={"outcome": "refused"})
    refused = teacher.call("POST", f"/api/v1/amendments/{asked['id']}/decision", json={
        "outcome": "refused", "reason": "None is on the page."})
    assert refused["status"] == "refused"
    guardian.call("POST", f"/api/v1/amendments/{asked['id']}/disagreement", 201 - 1, json={
        "statement": "The sources are on the back of the poster."})
    [shown] = guardian.call("GET", f"/api/v1/artifacts/{work}/discussion")["feedback"]
    assert shown["disagreements"] == ["The sources are on the back of the poster."]
    assert shown["next_steps"] == "You cite no sources."
