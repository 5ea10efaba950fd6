"""Exemplars and calibration through /api/v1 and the web pages against real roster, skills, artifacts and reflections
servers: nominate, consent (recorded), de-identified exemplars, a blind session and its agreement, errors naming the
field, and the access rules as a table (who gets 2xx, who 403)."""
from __future__ import annotations

import uuid

import pytest
from gateway_assessments import feed_artifacts, seed_catalog
from gateway_testkit import api_token, bearer, csrf_from, web_login

pytestmark = pytest.mark.integration
CAPTION = "A persuasive speech with a clear claim and two sources."


@pytest.fixture(scope="module")
def catalog(skills_app, reflections_app, district, skill_ids) -> None:
    seed_catalog(skills_app, reflections_app, district, skill_ids)


@pytest.fixture
def login(client, district):
    return lambda username: bearer(api_token(client, *district.login(username)))


def new_artifact(client, district, skill_ids, login, artifacts_app, reflections_app, student: str) -> str:
    created = client.post(f"/api/v1/students/{district.ids[student]}/artifacts", headers=login("tlee"), json={
        "title": f"Speech {uuid.uuid4().hex[:8]}", "kind": "link", "link_url": "https://example.org/speech",
        "skill_ids": [skill_ids["communicator"]]})
    assert created.status_code == 201, created.text
    feed_artifacts(artifacts_app, reflections_app)
    return created.json()["artifact"]["id"]


@pytest.fixture
def exemplars(client, district, skill_ids, login, artifacts_app, reflections_app, catalog) -> list[str]:
    """Two consented exemplars: Amy's speech (her guardian consented) and Ben's (he consented)."""
    made = []
    for student, consenter in (("amy", "gadams"), ("ben", "bbrown")):
        art = new_artifact(client, district, skill_ids, login, artifacts_app, reflections_app, student)
        nominated = client.post(f"/api/v1/artifacts/{art}/exemplar-nominations", headers=login("tlee"), json={
            "skill_id": skill_ids["communicator"], "level_rank": 3, "caption": CAPTION})
        assert nominated.status_code == 201, nominated.text
        assert nominated.json()["status"] == "awaiting_consent"
        exemplar_id = nominated.json()["exemplar"]["id"]
        given = client.post(f"/api/v1/exemplars/{exemplar_id}/consent", headers=login(consenter),
                            json={"choice": "give"})
        assert given.status_code == 200, given.text
        assert given.json()["consent_by"] == district.ids[student if consenter == "bbrown" else "guardian"]
        made.append(exemplar_id)
    return made


def test_a_blind_session_reports_agreement(client, make_client, district, skill_ids, login, exemplars):
    comm = skill_ids["communicator"]
    listed = client.get(f"/api/v1/skills/{comm}/exemplars", headers=login("tkim"))
    assert listed.status_code == 200, listed.text
    assert set(exemplars) <= {e["id"] for e in listed.json()["items"]}
    assert district.ids["amy"] not in listed.text and "student_id" not in listed.text       # de-identified
    raters = client.get("/api/v1/calibration-raters", headers=login("tkim")).json()["items"]
    assert {district.ids["teacher"], district.ids["other_teacher"]} <= {r["person_id"] for r in raters}
    created = client.post("/api/v1/calibration-sessions", headers=login("tkim"), json={
        "title": "Speeches", "skill_id": comm, "exemplar_ids": exemplars,
        "rater_ids": [district.ids["teacher"], district.ids["other_teacher"]]})
    assert created.status_code == 201, created.text
    session = created.json()
    assert [c["code"] for c in session["criteria"]] == ["clarity", "evidence"]
    blind = client.get(f"/api/v1/calibration-sessions/{session['id']}", headers=login("tlee")).json()
    assert blind["results"] == [] and blind["viewer_can"] == {"score": True, "see_results": False}
    assert {i["level_rank"] for i in blind["items"]} == {0}
    for who, evidence in (("tlee", 3), ("tkim", 2)):
        scores = [{"exemplar_id": e, "criterion_code": c, "level_rank": evidence if c == "evidence" else 3}
                  for e in exemplars for c in ("clarity", "evidence")]
        reply = client.post(f"/api/v1/calibration-sessions/{session['id']}/scores", headers=login(who),
                            json={"scores": scores})
        assert reply.status_code == 200, reply.text
    clarity, evidence = reply.json()["results"]
    assert (clarity["exact"], clarity["adjacent"], evidence["exact"], evidence["adjacent"]) == (1.0, 1.0, 0.0, 1.0)
    again = client.post(f"/api/v1/calibration-sessions/{session['id']}/scores", headers=login("tlee"),
                        json={"scores": scores})
    assert again.status_code == 409
    tracked = client.get("/api/v1/calibration-sessions", headers=login("ddunn"))
    assert tracked.status_code == 200
    mine = next(s for s in tracked.json()["items"] if s["id"] == session["id"])
    assert mine["has_alpha"] and len(mine["submitted_rater_ids"]) == 2

    browser = logged_in(make_client, district, "tlee")
    page = browser.get(f"/calibration/{session['id']}")
    assert page.status_code == 200 and "Exact agreement" in page.text and "Where raters diverge" in page.text
    assert f"{CAPTION}: <strong>Proficient</strong>" in page.text          # the nominated level, after submitting
    assert "Speeches" in browser.get("/calibration").text


def test_errors_name_the_field(client, district, skill_ids, login, artifacts_app, reflections_app, catalog):
    art = new_artifact(client, district, skill_ids, login, artifacts_app, reflections_app, "amy")

    def problems(reply) -> set:
        assert reply.status_code == 422, reply.text
        return {p["field"] for p in reply.json()["error"]["problems"]}

    url = f"/api/v1/artifacts/{art}/exemplar-nominations"
    assert problems(client.post(url, headers=login("tlee"), json={
        "skill_id": skill_ids["communicator"], "level_rank": 9, "caption": CAPTION})) == {"level_rank"}
    assert "caption" in problems(client.post(url, headers=login("tlee"), json={
        "skill_id": skill_ids["communicator"], "level_rank": 2}))
    assert problems(client.post(url, headers=login("tlee"), json={
        "skill_id": skill_ids["communicator"], "level_rank": 2, "caption": "Amy gave a speech."})) == {"caption"}
    assert "rater_ids" in problems(client.post("/api/v1/calibration-sessions", headers=login("tlee"), json={
        "title": "x", "skill_id": skill_ids["communicator"], "exemplar_ids": ["e"], "rater_ids": ["only-one"]}))


# who -> expected status of: nominate (Amy's artifact), consent, nominations (Amy's), exemplars, coach, track
MATRIX = """
username  who              | nominate | consent | nominations | exemplars | coach | track
aadams    the-student      |   403    |   200   |     200     |    403    |  403  |  403
bbrown    classmate        |   403    |   403   |     403     |    403    |  403  |  403
tlee      current-teacher  |   201    |   403   |     200     |    200    |  201  |  200
tkim      other-teacher    |   403    |   403   |     403     |    200    |  201  |  200
gadams    guardian         |   403    |   200   |     200     |    403    |  403  |  403
sshaw     school-admin     |   403    |   403   |     403     |    403    |  403  |  403
ddunn     district-admin   |   403    |   403   |     403     |    403    |  403  |  200
"""


def _rows():
    header, *lines = MATRIX.strip().splitlines()
    columns = [c.strip() for c in header.split("|")[1:]]
    return [(line.split()[0], dict(zip(columns, (int(c) for c in line.split("|")[1:]), strict=True)))
            for line in lines]


@pytest.mark.parametrize("username, expected", _rows(), ids=[u for u, _ in _rows()])
def test_access_matrix(client, district, skill_ids, login, artifacts_app, reflections_app, exemplars, username,
                       expected):
    art = new_artifact(client, district, skill_ids, login, artifacts_app, reflections_app, "amy")
    comm = skill_ids["communicator"]
    pending = client.post(f"/api/v1/artifacts/{art}/exemplar-nominations", headers=login("tlee"), json={
        "skill_id": comm, "level_rank": 2, "caption": CAPTION}).json()["exemplar"]["id"]
    headers = login(username)
    calls = {
        "nominate": lambda: client.post(f"/api/v1/artifacts/{art}/exemplar-nominations", headers=headers, json={
            "skill_id": comm, "level_rank": 2, "caption": CAPTION}),
        "consent": lambda: client.post(f"/api/v1/exemplars/{pending}/consent", headers=headers,
                                       json={"choice": "give"}),
        "nominations": lambda: client.get(f"/api/v1/students/{district.ids['amy']}/exemplar-nominations",
                                          headers=headers),
        "exemplars": lambda: client.get(f"/api/v1/skills/{comm}/exemplars", headers=headers),
        "coach": lambda: client.post("/api/v1/calibration-sessions", headers=headers, json={
            "title": "Matrix", "skill_id": comm, "exemplar_ids": exemplars,
            "rater_ids": [district.ids["teacher"], district.ids["other_teacher"]]}),
        "track": lambda: client.get("/api/v1/calibration-sessions", headers=headers),
    }
    assert {name: calls[name]().status_code for name in calls} == expected


def logged_in(make_client, district, username: str):
    browser = make_client()
    assert web_login(browser, *district.login(username)).status_code == 303
    return browser


def test_the_artifact_page_shows_exemplars_beside_the_rubric_and_families_consent(
        client, make_client, district, skill_ids, login, artifacts_app, reflections_app, exemplars):
    art = new_artifact(client, district, skill_ids, login, artifacts_app, reflections_app, "amy")
    teacher, guardian = logged_in(make_client, district, "tlee"), logged_in(make_client, district, "gadams")
    page = teacher.get(f"/artifacts/{art}").text
    assert "Exemplars of this skill" in page and CAPTION in page and "Nominate as an exemplar" in page
    reply = teacher.post(f"/artifacts/{art}/exemplar", data={
        "csrf_token": csrf_from(page), "skill_id": skill_ids["communicator"], "level_rank": "4",
        "caption": "A speech to the school board.", "student_id": district.ids["amy"]}, follow_redirects=False)
    assert reply.status_code == 303, reply.text[:300]
    page = guardian.get(reply.headers["location"])
    assert page.status_code == 200 and "A speech to the school board." in page.text
    assert "I consent to sharing it" in page.text
    assert "Exemplars of this skill" not in guardian.get(f"/artifacts/{art}").text     # teachers only
    assert f'href="/students/{district.ids["amy"]}/exemplars"' in guardian.get(f"/students/{district.ids['amy']}").text


def test_web_forms_show_problems_next_to_their_fields(client, make_client, district, skill_ids, login, artifacts_app,
                                                      reflections_app, catalog):
    art = new_artifact(client, district, skill_ids, login, artifacts_app, reflections_app, "amy")
    teacher = logged_in(make_client, district, "tlee")
    page = teacher.get(f"/artifacts/{art}").text
    comm = skill_ids["communicator"]
    reply = teacher.post(f"/artifacts/{art}/exemplar", data={
        "csrf_token": csrf_from(page), "skill_id": comm, "level_rank": "2", "caption": "Amy's speech.",
        "student_id": district.ids["amy"]})
    assert reply.status_code == 422
    assert f'href="#exemplar-{comm}-caption"' in reply.text and "must not name the student" in reply.text
    assert f'id="exemplar-{comm}-caption" name="caption" rows="2" maxlength="2000" aria-invalid="true"' in reply.text
    assert '<details class="exemplars" open>' in reply.text and "Amy&#39;s speech.</textarea>" in reply.text
    page = teacher.get("/calibration").text
    reply = teacher.post("/calibration", data={"csrf_token": csrf_from(page), "title": "Only me", "skill_id": comm,
                                               "rater_ids": [district.ids["teacher"]]})
    assert reply.status_code == 422 and 'href="#exemplar_ids"' in reply.text and 'href="#rater_ids"' in reply.text
    guardian = logged_in(make_client, district, "gadams")
    assert guardian.get("/calibration").status_code == 403
