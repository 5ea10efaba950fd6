"""Points of progress through the gateway against real servers: the district admin sets a term's due date (REST and
its page); Amy's current teacher completes her point of progress for Math 5A and sees the section's checklist
change (REST and pages); the student and her guardian read it; everyone else is refused each action; bad input
names the field."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
from gateway_testkit import csrf_from, web_login
from progress_fixtures import panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)

pytestmark = pytest.mark.integration


@pytest.fixture
def term(people, district, sync) -> dict:
    """A fresh term of the district's school year, due in two weeks (set by the district admin)."""
    due = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    return people("ddunn").call("PUT", "/api/v1/progress-terms", json={
        "school_year_id": district.ids["year"], "name": f"Term {uuid.uuid4().hex[:6]}", "due_on": due})


def point_body(district, term: dict, skill_id: str, work: str, **changes) -> dict:
    return {"section_id": district.ids["math"], "term_id": term["id"], "skill_id": skill_id, "level_rank": 3,
            "comment": "Amy backs each claim with evidence.", "artifact_ids": [work], **changes}


def test_a_teacher_completes_a_point_and_the_checklist_changes(people, district, skill_ids, sync, term):
    amy_id, tlee = district.ids["amy"], people("tlee")
    work = tlee.add_link(amy_id, skill_ids["communicator"], title="Debate notes")
    sync()
    path = f"/api/v1/sections/{district.ids['math']}/progress-checklist?term_id={term['id']}"
    before = tlee.call("GET", path)
    assert {r["student_id"]: r["status"] for r in before["rows"]} == {amy_id: "missing", district.ids["ben"]: "missing"}
    point = tlee.call("POST", f"/api/v1/students/{amy_id}/points-of-progress", 201,
                      json=point_body(district, term, skill_ids["communicator"], work))
    assert (point["level_name"], point["term_name"], point["artifact_ids"], point["viewer_can_edit"]) == (
        "Ready", term["name"], [work], True)
    after = tlee.call("GET", path)
    assert {r["student_id"]: r["status"] for r in after["rows"]}[amy_id] == "done"
    assert (after["done_count"], after["missing_count"]) == (1, 1)
    for reader in ("aadams", "gadams", "tlee"):
        listed = people(reader).call("GET", f"/api/v1/students/{amy_id}/points-of-progress")["items"]
        assert point["id"] in [p["id"] for p in listed], reader
    changed = tlee.call("PATCH", f"/api/v1/points-of-progress/{point['id']}", json={"level_rank": 4})
    assert changed["level_name"] == "Excelling"
    tlee.call("POST", f"/api/v1/students/{amy_id}/points-of-progress", 409,
              json=point_body(district, term, skill_ids["communicator"], work))


# Who (relative to Amy, in Math 5A) may do what through the REST API: Y = the route's success, N = 403. Mirrors
# services/reflections/tests/integration/test_progress.py's matrix.
MATRIX = """
username | relationship             | complete edit list checklist set_term
aadams   | the student              |  N        N    Y    N         N
bbrown   | a classmate              |  N        N    N    N         N
tlee     | teaches her in Math 5A   |  Y        Y    Y    Y         N
tkim     | teacher, not hers        |  N        N    N    N         N
gadams   | her guardian             |  N        N    Y    N         N
sshaw    | school admin             |  N        N    N    N         N
ddunn    | district admin           |  N        N    N    N         Y
"""


def matrix_rows():
    header, *lines = MATRIX.strip().splitlines()
    actions = header.split("|")[2].split()
    for line in lines:
        username, _, cells = (part.strip() for part in line.split("|"))
        yield username, dict(zip(actions, [c == "Y" for c in cells.split()], strict=True))


@pytest.mark.parametrize("username, allowed", list(matrix_rows()), ids=[u for u, _ in matrix_rows()])
def test_the_access_matrix(people, district, skill_ids, sync, term, username, allowed):
    amy_id, as_ = district.ids["amy"], people(username)
    work = people("tlee").add_link(amy_id, skill_ids["communicator"])
    sync()
    body = point_body(district, term, skill_ids["communicator"], work)
    code = {action: 200 if ok else 403 for action, ok in allowed.items()}
    made = as_.call("POST", f"/api/v1/students/{amy_id}/points-of-progress", 201 if allowed["complete"] else 403,
                    json=body)
    point = made if allowed["complete"] else people("tlee").call(
        "POST", f"/api/v1/students/{amy_id}/points-of-progress", 201, json=body)
    as_.call("PATCH", f"/api/v1/points-of-progress/{point['id']}", code["edit"], json={"comment": "Sharper now."})
    as_.call("GET", f"/api/v1/students/{amy_id}/points-of-progress", code["list"])
    as_.call("GET", f"/api/v1/sections/{district.ids['math']}/progress-checklist", code["checklist"])
    as_.call("PUT", "/api/v1/progress-terms", code["set_term"], json={
        "school_year_id": district.ids["year"], "name": term["name"], "due_on": term["due_on"]})


def test_bad_input_names_the_field(people, district, skill_ids, sync, term):
    amy_id, tlee = district.ids["amy"], people("tlee")
    work = tlee.add_link(amy_id, skill_ids["communicator"])
    sync()
    url = f"/api/v1/students/{amy_id}/points-of-progress"
    blank = tlee.call("POST", url, 422, json=point_body(district, term, skill_ids["communicator"], work, comment=" "))
    assert blank["error"]["problems"][0]["field"] == "comment"
    level = tlee.call("POST", url, 422, json=point_body(district, term, skill_ids["communicator"], work,
                                                         level_rank=9))
    assert [p["field"] for p in level["error"]["problems"]] == ["level_rank"]
    none = tlee.call("POST", url, 422, json=point_body(district, term, skill_ids["communicator"], work,
                                                        artifact_ids=[]))
    assert none["error"]["problems"][0]["field"] == "artifact_ids"
    date = people("ddunn").call("PUT", "/api/v1/progress-terms", 422, json={
        "school_year_id": district.ids["year"], "name": "Term Y", "due_on": "soon"})
    assert date["error"]["problems"][0]["field"] == "due_on"


def test_the_pages(client, people, district, skill_ids, sync, term):
    amy_id = district.ids["amy"]
    work = people("tlee").add_link(amy_id, skill_ids["communicator"], title="Poster draft")
    sync()
    people("ddunn").call("PUT", "/api/v1/progress-terms", json={   # an earlier term, past due: Amy and Ben missing
        "school_year_id": district.ids["year"], "name": f"Past {uuid.uuid4().hex[:6]}",
        "due_on": (dt.date.today() - dt.timedelta(days=5)).isoformat()})
    assert web_login(client, *district.login("tlee")).status_code in (200, 303)
    assert f"/sections/{district.ids['math']}/progress" in client.get("/").text
    page = client.get(f"/sections/{district.ids['math']}/progress?term_id={term['id']}")
    assert page.status_code == 200 and "Complete for Amy Adams" in page.text
    assert "Overdue from earlier terms" in page.text and "2 students missing" in page.text
    form = client.get(f"/sections/{district.ids['math']}/progress/{amy_id}?term_id={term['id']}")
    assert form.status_code == 200 and "Poster draft" in form.text and "Ready" in form.text
    bad = client.post(f"/sections/{district.ids['math']}/progress/{amy_id}", data={
        "csrf_token": csrf_from(form.text), "term_id": term["id"], "level": f"{skill_ids['communicator']}:3",
        "comment": "", "artifact_ids": [work]})
    assert bad.status_code == 422 and 'id="comment"' in bad.text
    done = client.post(f"/sections/{district.ids['math']}/progress/{amy_id}", follow_redirects=True, data={
        "csrf_token": csrf_from(form.text), "term_id": term["id"], "level": f"{skill_ids['communicator']}:3",
        "comment": "Clear structure and strong evidence.", "artifact_ids": [work]})
    assert done.status_code == 200 and "Point of progress completed." in done.text
    assert 'data-status="done"' in done.text
    assert "Clear structure" in client.get(f"/students/{amy_id}/progress").text
    client.cookies.clear()
    web_login(client, *district.login("ddunn"))
    terms_page = client.get("/admin/progress-terms")
    assert terms_page.status_code == 200 and term["name"] in terms_page.text
