"""The demo district's seed, read back through the REST API the way the guardian's app would: the student's
reflections (one edited), teachers' feedback and the three-way comments on an artifact, assessments over two school
years in the growth view, an achieved goal with its evidence and a completed Defense of Learning with two panellists'
score sheets."""
from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def guardian(platform):
    username, password = platform.login("guardian")
    with httpx.Client(base_url=platform.url, timeout=10) as http:
        token = http.post("/api/v1/auth/token", data={"username": username, "password": password}).json()
        http.headers["Authorization"] = f"Bearer {token['access_token']}"
        me = http.get("/api/v1/me").json()
        child = http.get(f"/api/v1/people/{me['id']}/children").json()["items"][0]
        yield http, child["id"]


def _artifact_id(http: httpx.Client, student_id: str, title: str) -> str:
    items = http.get(f"/api/v1/students/{student_id}/artifacts", params={"page_size": 50}).json()["items"]
    return next(item["id"] for item in items if item["title"] == title)


def test_an_artifact_carries_a_reflection_feedback_and_a_three_way_thread(guardian):
    http, student_id = guardian
    discussion = http.get(f"/api/v1/artifacts/{_artifact_id(http, student_id, 'Bridge-building challenge')}"
                          "/discussion").json()
    assert [r["revisions"][-1]["text"][:30] for r in discussion["reflections"]] == ["We changed our design twice af"]
    assert discussion["feedback"][0]["next_steps"].startswith("Explain in your reflection")
    assert sorted(c["author_role"] for c in discussion["comments"]) == ["guardian", "student", "teacher"]
    edited = http.get(f"/api/v1/artifacts/{_artifact_id(http, student_id, 'Butterfly life cycle poster')}"
                      "/discussion").json()["reflections"][0]
    assert len(edited["revisions"]) == 2


def test_the_growth_view_has_assessments_in_both_school_years(guardian):
    http, student_id = guardian
    skills = http.get(f"/api/v1/students/{student_id}/growth").json()["skills"]
    communicator = next(s for s in skills if s["skill_name"] == "Effective Communicator")
    assessed_years = [year for year in communicator["years"] if year["points"]["level_rank"]]   # points as columns
    assert len(assessed_years) == 2
    assert {name for y in assessed_years for name in y["points"]["level_name"]} >= {"Developing", "Ready"}


def test_an_achieved_goal_and_a_completed_defense_of_learning(guardian):
    http, student_id = guardian
    goals = http.get(f"/api/v1/students/{student_id}/goals").json()["items"]
    assert [(g["status"], len(g["evidence_artifact_ids"])) for g in goals] == [("achieved", 2)]
    milestones = http.get(f"/api/v1/students/{student_id}/milestones").json()["items"]
    defense = next(m for m in milestones if m["type"]["code"] == "defense-of-learning")
    assert (defense["status"], defense["outcome"], len(defense["evidence_artifact_ids"])) == ("completed", "READY", 3)
    assert sorted(sheet["panellist_kind"] for sheet in defense["score_sheets"]) == ["community", "educator"]
