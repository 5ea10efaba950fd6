"""The privacy pages on the web (no JavaScript) against real servers: Amy's guardian requests an amendment of Tom
Lee's feedback from the artifact page, Tom refuses it on the amendment requests page, the guardian attaches a
statement of disagreement that the artifact page then shows beside the feedback; the portfolio links to the record
of disclosures, which lists Tom's reads, filters by part of the record, and reads in Spanish; a teacher is refused."""
from __future__ import annotations

import re
import uuid

import pytest
from discussion_feed import feed_ownership
from fastapi.testclient import TestClient
from gateway_testkit import api_token, bearer, csrf_from, web_login
from progress_fixtures import panel_rubric, roster_engine, sync  # noqa: F401  (fixtures)

pytestmark = pytest.mark.integration


def logged_in(make_client, district, username: str) -> TestClient:
    client = make_client()
    assert web_login(client, *district.login(username)).status_code == 303
    return client


@pytest.fixture
def feedback(client, district, skill_ids, artifacts_app, reflections_app) -> tuple[str, str]:
    """(artifact id, feedback id): a link Tom Lee added to Amy's portfolio, with his feedback on it."""
    headers = bearer(api_token(client, *district.login("tlee")))
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=headers, json={
        "title": f"Volcano poster {uuid.uuid4().hex[:6]}", "kind": "link", "skill_ids": [skill_ids["communicator"]],
        "link_url": "https://example.org/volcano"})
    assert reply.status_code == 201, reply.text
    artifact_id = reply.json()["artifact"]["id"]
    feed_ownership(artifacts_app.engine, reflections_app.unit_of_work)
    given = client.post(f"/api/v1/artifacts/{artifact_id}/feedback", headers=headers,
                        json={"can_do": "You name the layers.", "next_steps": "You cite no sources."})
    assert given.status_code == 201, given.text
    return artifact_id, given.json()["id"]


def test_request_refuse_and_disagree_through_the_pages(make_client, district, feedback):
    artifact_id, feedback_id = feedback
    amy_id = district.ids["amy"]
    guardian, teacher = logged_in(make_client, district, "gadams"), logged_in(make_client, district, "tlee")
    page = guardian.get(f"/artifacts/{artifact_id}")
    assert "Request an amendment" in page.text and f'name="record_id" value="{feedback_id}"' in page.text
    assert "Request an amendment" not in teacher.get(f"/artifacts/{artifact_id}").text   # only student, guardian
    empty = guardian.post(f"/artifacts/{artifact_id}/amendments", data={
        "csrf_token": csrf_from(page.text), "record_type": "feedback", "record_id": feedback_id, "reason": " "})
    assert empty.status_code == 422 and f'id="amend-{feedback_id}-reason"' in empty.text
    assert re.search(rf'id="amend-{feedback_id}-reason"[^>]*aria-invalid="true"', empty.text, re.S)
    sent = guardian.post(f"/artifacts/{artifact_id}/amendments", data={
        "csrf_token": csrf_from(page.text), "record_type": "feedback", "record_id": feedback_id,
        "reason": "The sources are on the back of the poster."})
    assert (sent.status_code, sent.headers["location"]) == (303, f"/students/{amy_id}/amendments?done=requested")
    listing = teacher.get(f"/students/{amy_id}/amendments")
    mine = bearer(api_token(guardian, *district.login("gadams")))
    [amendment_id] = [a["id"] for a in guardian.get(f"/api/v1/students/{amy_id}/amendments", headers=mine).json()[
        "items"] if a["record_id"] == feedback_id]           # other modules' requests share the session's district
    assert f'action="/amendments/{amendment_id}/decision"' in listing.text
    refused = teacher.post(f"/amendments/{amendment_id}/decision", data={
        "csrf_token": csrf_from(listing.text), "student_id": amy_id, "outcome": "refused", "reason": ""})
    assert refused.status_code == 422 and 'role="alert"' in refused.text
    refused = teacher.post(f"/amendments/{amendment_id}/decision", data={
        "csrf_token": csrf_from(listing.text), "student_id": amy_id, "outcome": "refused",
        "reason": "None is on the front, where the rubric asks."})
    assert refused.status_code == 303
    mine = guardian.get(f"/students/{amy_id}/amendments")
    assert "None is on the front, where the rubric asks." in mine.text
    stated = guardian.post(f"/amendments/{amendment_id}/disagreement", data={
        "csrf_token": csrf_from(mine.text), "student_id": amy_id, "statement": "The rubric allows either side."})
    assert stated.status_code == 303
    shown = teacher.get(f"/artifacts/{artifact_id}").text
    assert "Statement of disagreement" in shown and "The rubric allows either side." in shown


def test_the_record_of_disclosures_page(make_client, district, feedback, notifications):
    artifact_id, _ = feedback
    amy_id = district.ids["amy"]
    teacher, amy = logged_in(make_client, district, "tlee"), logged_in(make_client, district, "aadams")
    teacher.get(f"/artifacts/{artifact_id}")
    portfolio = amy.get(f"/students/{amy_id}")
    assert f'href="/students/{amy_id}/disclosures"' in portfolio.text
    assert f'href="/students/{amy_id}/disclosures"' not in teacher.get(f"/students/{amy_id}").text
    page = amy.get(f"/students/{amy_id}/disclosures")
    assert page.status_code == 200 and "reflections.GetDiscussion" in page.text and "artifacts.GetArtifact" in page.text
    assert "Tess Lee" in page.text                                 # who: by name (the roster knows it)
    only = amy.get(f"/students/{amy_id}/disclosures", params={"service": "artifacts"})
    assert "artifacts.GetArtifact" in only.text and "reflections.GetDiscussion" not in only.text
    notifications.prefs(amy_id).language = "es"                    # her preference (read at login): Spanish
    spanish = logged_in(make_client, district, "aadams").get(f"/students/{amy_id}/disclosures")
    assert "Quién ha visto mi registro" in spanish.text
    refused = teacher.get(f"/students/{amy_id}/disclosures")
    assert refused.status_code == 403 and "record of disclosures" in refused.text


def test_an_assessment_shows_its_request_form(make_client, district, feedback, skill_ids, sync):
    artifact_id, _ = feedback
    sync()                      # the skill's scale and the artifact's tags reach the reflections replicas
    teacher_client = make_client()
    headers = bearer(api_token(teacher_client, *district.login("tlee")))
    levels = teacher_client.get(f"/api/v1/artifacts/{artifact_id}/skills/{skill_ids['communicator']}/instrument",
                                headers=headers)
    assert levels.status_code == 200, levels.text
    assessed = teacher_client.post(f"/api/v1/artifacts/{artifact_id}/assessments", headers=headers, json={
        "skill_id": skill_ids["communicator"], "level_rank": levels.json()["levels"][0]["rank"],
        "comment": "The claim is missing."})
    assert assessed.status_code == 201, assessed.text
    amy = logged_in(make_client, district, "aadams")
    page = amy.get(f"/artifacts/{artifact_id}")
    assert f'name="record_id" value="{assessed.json()["id"]}"' in page.text
