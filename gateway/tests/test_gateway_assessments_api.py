"""Assessments and the growth view through /api/v1 against real roster, skills, artifacts and reflections servers:
the instrument, a teacher's assessment and a self-assessment side by side, errors naming the field, the growth
JSON, and the access rules as a table (who gets 2xx, who 403)."""
from __future__ import annotations

import uuid

import pytest
from gateway_assessments import feed_artifacts, seed_catalog
from gateway_testkit import api_token, bearer, csrf_from, web_login

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def catalog(skills_app, reflections_app, district, skill_ids) -> None:
    seed_catalog(skills_app, reflections_app, district, skill_ids)


@pytest.fixture
def login(client, district):
    return lambda username: bearer(api_token(client, *district.login(username)))


@pytest.fixture
def artifact(client, district, skill_ids, login, artifacts_app, reflections_app, catalog) -> str:
    """A link Amy's teacher added to her portfolio, tagged communicator and thinker, known to the reflections
    replica through the artifacts service's events."""
    created = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=login("tlee"), json={
        "title": f"Speech {uuid.uuid4().hex[:8]}", "kind": "link", "link_url": "https://example.org/speech",
        "skill_ids": [skill_ids["communicator"], skill_ids["thinker"]]})
    assert created.status_code == 201, created.text
    feed_artifacts(artifacts_app, reflections_app)
    return created.json()["artifact"]["id"]


def test_assess_self_assess_side_by_side_and_growth(client, district, skill_ids, login, artifact):
    teacher, amy, comm = login("tlee"), login("aadams"), skill_ids["communicator"]
    instrument = client.get(f"/api/v1/artifacts/{artifact}/skills/{comm}/instrument", headers=teacher)
    assert instrument.status_code == 200, instrument.text
    body = instrument.json()
    assert [(l["rank"], l["name"]) for l in body["levels"]] == [(1, "Beginning"), (2, "Developing"),
                                                                  (3, "Proficient"), (4, "Exemplary")]
    assert body["rubric_name"] == "Communication rubric"
    assert [(c["code"], c["descriptors"][2]) for c in body["criteria"]] == [("clarity", "clear Proficient"),
                                                                             ("evidence", "evident Proficient")]
    mine = client.post(f"/api/v1/artifacts/{artifact}/self-assessments", headers=amy,
                       json={"skill_id": comm, "level_rank": 2, "comment": "Getting there."})
    assert mine.status_code == 201, mine.text
    theirs = client.post(f"/api/v1/artifacts/{artifact}/assessments", headers=teacher, json={
        "skill_id": comm, "level_rank": 3, "comment": "You hold the room.",
        "criterion_levels": [{"criterion_code": "clarity", "level_rank": 4}]})
    assert theirs.status_code == 201, theirs.text
    assert (theirs.json()["assessor_role"], theirs.json()["level_name"]) == ("teacher", "Proficient")

    listed = client.get(f"/api/v1/artifacts/{artifact}/assessments", headers=login("gadams"))
    assert listed.status_code == 200, listed.text
    by_skill = {s["skill_id"]: s for s in listed.json()["skills"]}
    assert set(by_skill) == {comm, skill_ids["thinker"]}
    assert [a["level_name"] for a in by_skill[comm]["teacher_assessments"]] == ["Proficient"]
    assert [a["comment"] for a in by_skill[comm]["self_assessments"]] == ["Getting there."]
    assert by_skill[comm]["teacher_assessments"][0]["criterion_levels"] == [
        {"criterion_code": "clarity", "level_rank": 4}]

    growth = client.get(f"/api/v1/students/{district.ids['amy']}/growth", headers=amy)
    assert growth.status_code == 200, growth.text
    comm_growth = next(s for s in growth.json()["skills"] if s["skill_id"] == comm)
    assert comm_growth["skill_name"] == "Effective Communicator" and comm_growth["max_rank"] == 4
    year = next(y for y in comm_growth["years"] if y["school_year_id"] == district.ids["year"])
    assert year["title"] == "School year" and year["artifacts_tagged"] >= 1
    points = year["points"]                                             # columns, oldest first
    assert len({len(column) for column in points.values()}) == 1
    assert list(zip(points["artifact_id"], points["level_rank"], points["level_name"], points["max_rank"],
                    points["assessor_role"], points["assessed_at"]))[-2:] == [
        (artifact, 2, "Developing", 4, "student", mine.json()["assessed_at"]),
        (artifact, 3, "Proficient", 4, "teacher", theirs.json()["assessed_at"])]


def test_errors_name_the_field(client, skill_ids, login, artifact):
    teacher = login("tlee")

    def problems(reply) -> dict:
        assert reply.status_code == 422, reply.text
        return {p["field"]: p["reason"] for p in reply.json()["error"]["problems"]}

    assert problems(client.post(f"/api/v1/artifacts/{artifact}/assessments", headers=teacher, json={
        "skill_id": skill_ids["communicator"], "level_rank": 5, "comment": "Strong."})) == {
        "level_rank": "5 is not a level of scale 'Four levels' (1-4)"}
    assert problems(client.post(f"/api/v1/artifacts/{artifact}/assessments", headers=teacher, json={
        "skill_id": skill_ids["gardener"], "level_rank": 2, "comment": "Strong."})) == {
        "skill_id": f"{skill_ids['gardener']!r} is not tagged on this artifact"}
    assert "skill_id" in problems(client.post(f"/api/v1/artifacts/{artifact}/assessments", headers=teacher, json={
        "skill_id": skill_ids["thinker"], "level_rank": 2, "comment": "Strong."}))     # no scale to assess with
    assert "level_rank" in problems(client.post(f"/api/v1/artifacts/{artifact}/assessments", headers=teacher,
                                                json={"skill_id": skill_ids["communicator"], "level_rank": "high"}))


# who (username) -> expected status of: instrument, list, assess, self-assess, growth
MATRIX = """
username  who                         | instrument | list | assess | self | growth
aadams    the-student                 |    200     | 200  |  403   | 201  |  200
bbrown    classmate                   |    403     | 403  |  403   | 403  |  403
tlee      current-teacher             |    200     | 200  |  201   | 403  |  200
tkim      other-teacher               |    403     | 403  |  403   | 403  |  403
gadams    guardian                    |    200     | 200  |  403   | 403  |  200
sshaw     school-admin                |    403     | 403  |  403   | 403  |  403
ddunn     district-admin              |    403     | 403  |  403   | 403  |  403
"""


def _rows():
    header, *lines = MATRIX.strip().splitlines()
    columns = [c.strip() for c in header.split("|")[1:]]
    return [(line.split()[0], dict(zip(columns, (int(c) for c in line.split("|")[1:]), strict=True)))
            for line in lines]


@pytest.mark.parametrize("username, expected", _rows(), ids=[u for u, _ in _rows()])
def test_access_matrix(client, district, skill_ids, login, artifact, username, expected):
    headers, comm = login(username), skill_ids["communicator"]
    body = {"skill_id": comm, "level_rank": 3, "comment": "You explain your thinking."}
    calls = {
        "instrument": lambda: client.get(f"/api/v1/artifacts/{artifact}/skills/{comm}/instrument", headers=headers),
        "list": lambda: client.get(f"/api/v1/artifacts/{artifact}/assessments", headers=headers),
        "assess": lambda: client.post(f"/api/v1/artifacts/{artifact}/assessments", headers=headers, json=body),
        "self": lambda: client.post(f"/api/v1/artifacts/{artifact}/self-assessments", headers=headers, json=body),
        "growth": lambda: client.get(f"/api/v1/students/{district.ids['amy']}/growth", headers=headers),
    }
    assert {name: calls[name]().status_code for name in calls} == expected


def test_a_former_teacher_is_refused(client, district, skill_ids, login, artifacts_app, reflections_app, catalog):
    """Cal's art section (taught by Tess Lee) ended ten days ago: she no longer assesses his work."""
    cal = login("cclark")
    created = client.post(f"/api/v1/students/{district.ids['cal']}/artifacts", headers=cal, json={
        "title": "Collage", "kind": "link", "link_url": "https://example.org/c",
        "skill_ids": [skill_ids["communicator"]]})
    assert created.status_code == 201, created.text
    feed_artifacts(artifacts_app, reflections_app)
    art = created.json()["artifact"]["id"]
    reply = client.post(f"/api/v1/artifacts/{art}/assessments", headers=login("tlee"), json={
        "skill_id": skill_ids["communicator"], "level_rank": 3, "comment": "Bold colours."})
    assert reply.status_code == 403
    assert client.post(f"/api/v1/artifacts/{art}/self-assessments", headers=cal, json={
        "skill_id": skill_ids["communicator"], "level_rank": 2}).status_code == 201


def test_cookie_session_writes_need_the_csrf_header(client, district, skill_ids, artifact):
    assert web_login(client, *district.login("tlee")).status_code == 303
    body = {"skill_id": skill_ids["communicator"], "level_rank": 3, "comment": "Clear."}
    assert client.post(f"/api/v1/artifacts/{artifact}/assessments", json=body).status_code == 403
    token = csrf_from(client.get("/").text)
    reply = client.post(f"/api/v1/artifacts/{artifact}/assessments", json=body, headers={"X-CSRF-Token": token})
    assert reply.status_code == 201, reply.text
