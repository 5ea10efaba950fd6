"""/api/v1/privacy through the gateway against the real roster server: a privacy officer erases a student (a district
admin may not), the erasure stays pending and its certificate answers 409 until every service confirmed, then the
certificate verifies with the district key the gateway publishes; the retention schedule is a district admin's, the
records due and legal holds a privacy officer's."""
from __future__ import annotations

import uuid

import pytest
from gateway_district import HASHER
from gateway_testkit import csrf_from, web_login
from progress_fixtures import people, roster_engine  # noqa: F401  (fixtures)
from sqlalchemy import insert

from chassis.db import make_session_factory
from chassis.erasure import ErasureConfirmed
from chassis.events import Envelope
from chassis.signing import public_key_from_jwk, verify_jws
from roster.adapters import orm
from roster.domain.access import Viewer as RosterViewer
from roster.erasure_config import DEFAULT_SERVICES, ErasureOptions
from roster.service_layer.erasure import Coordinator, record_confirmation, request_erasure
from roster.service_layer.privacy_officers import PrivacyOfficers
from roster.service_layer.unit_of_work import RosterUnitOfWork

pytestmark = pytest.mark.integration


def _person(engine, district, role: str, password: str = "") -> str:
    person, username = str(uuid.uuid4()), f"{role[:3]}-{uuid.uuid4().hex[:8]}"
    with engine.begin() as connection:
        connection.execute(insert(orm.people).values(id=person, sourced_id=username, given_name="Pat",
                                                     family_name="Case", username=username, email=f"{username}@x.org"))
        connection.execute(insert(orm.person_roles).values(person_id=person, role=role, is_primary=True,
                                                           org_id=district.ids["school"]))
        if password:
            connection.execute(insert(orm.credentials).values(person_id=person, username=username,
                                                              password_hash=HASHER.hash(password)))
            district.passwords[username] = password
    return username if password else person


@pytest.fixture
def officer(roster_engine, district, monkeypatch, platform):  # noqa: F811
    monkeypatch.setenv("SKILLFOLIO_DISTRICT_SIGNING_KEY", platform.district_signing_key)
    monkeypatch.setenv("ROSTER_ERASURE_PSEUDONYM_KEY", "gateway-test")
    username = _person(roster_engine, district, "teacher", password="correct horse battery")
    PrivacyOfficers(lambda: RosterUnitOfWork(make_session_factory(roster_engine))).grant(
        "operator:test", username, "records requests")
    return username


def test_an_erasure_is_pending_until_every_service_confirms_then_its_certificate_verifies(
        people, officer, roster_engine, district, client, platform):  # noqa: F811
    student = _person(roster_engine, district, "student")
    body = {"student_id": student, "reason": "The family's written request of 1 December"}
    refused = people("ddunn").call("POST", "/api/v1/privacy/erasures", 403, json=body)
    assert refused["error"]["code"] == "PERMISSION_DENIED"
    erasure = people(officer).call("POST", "/api/v1/privacy/erasures", 202, json=body)
    assert erasure["status"] == "pending" and erasure["waiting_for"] == DEFAULT_SERVICES.split(",")
    assert [c["service"] for c in erasure["confirmations"]] == ["roster"] and erasure["certificate_url"] == ""
    assert people(officer).call("GET", f"/api/v1/privacy/erasures/{erasure['id']}/certificate", 409)
    people(officer).call("POST", "/api/v1/privacy/erasures", 409, json=body)          # one at a time

    coordinator = Coordinator.from_settings()
    uows = lambda: RosterUnitOfWork(make_session_factory(roster_engine))  # noqa: E731
    for service in DEFAULT_SERVICES.split(","):
        with uows() as uow:
            uow.consumer = "roster.test"
            record_confirmation(uow, coordinator, Envelope.from_event(
                ErasureConfirmed(erasure["id"], service, {"rows": 2, "media_objects": 1}), service))
            uow.commit()
    done = people(officer).call("GET", f"/api/v1/privacy/erasures/{erasure['id']}")
    assert done["status"] == "completed" and done["waiting_for"] == []
    signed = people(officer).call("GET", done["certificate_url"])
    jwks = client.get("/.well-known/jwks.json").json()
    header, payload = verify_jws(signed["jws"], public_key_from_jwk(jwks["keys"][0]))   # as an outside verifier
    assert signed["certificate"]["totals"]["media_objects"] == 5 and student not in signed["jws"]
    assert [item["id"] for item in people(officer).call("GET", "/api/v1/privacy/erasures")["items"]][0] == done["id"]
    assert people("ddunn").call("GET", f"/api/v1/privacy/erasures/{erasure['id']}", 403)


def test_the_schedule_is_a_district_admins_and_holds_and_the_due_list_a_privacy_officers(people, officer,
                                                                                          roster_engine, district):  # noqa: F811
    schedule = {"portfolio_years": 4, "media_years": 1, "grace_days": 14}
    people(officer).call("PUT", "/api/v1/privacy/retention", 403, json=schedule)
    saved = people("ddunn").call("PUT", "/api/v1/privacy/retention", json=schedule)
    assert saved == {**schedule, "updated_by": district.ids["district_admin"]}
    assert people(officer).call("GET", "/api/v1/privacy/retention") == saved
    bad = people("ddunn").call("PUT", "/api/v1/privacy/retention", 422, json={**schedule, "media_years": 5})
    assert "media_years" in str(bad)
    student = _person(roster_engine, district, "student")
    people("ddunn").call("PUT", f"/api/v1/privacy/legal-holds/{student}", 403, json={"reason": "litigation"})
    assert people(officer).call("PUT", f"/api/v1/privacy/legal-holds/{student}", json={"reason": "litigation"}) \
        == {"changed": True}
    people(officer).call("POST", "/api/v1/privacy/erasures", 409, json={"student_id": student, "reason": "asked"})
    assert people(officer).call("DELETE", f"/api/v1/privacy/legal-holds/{student}",
                                params={"reason": "case closed"}) == {"changed": True}
    assert people(officer).call("GET", "/api/v1/privacy/retention/due")["items"] == []


def test_the_privacy_officers_pages_request_an_erasure_and_print_its_certificate(officer, roster_engine, district,
                                                                                 client):  # noqa: F811
    web_login(client, *district.login("ddunn"))
    assert client.get("/privacy").status_code == 403
    client.cookies.clear()
    web_login(client, *district.login(officer))
    page = client.get("/privacy")
    assert page.status_code == 200 and "Erase a student" in page.text
    student = _person(roster_engine, district, "student")
    missing = client.post("/privacy/erasures", data={"csrf_token": csrf_from(page.text), "student_id": student,
                                                    "reason": " "})
    assert missing.status_code == 422 and 'href="#reason"' in missing.text
    posted = client.post("/privacy/erasures", data={"csrf_token": csrf_from(page.text), "student_id": student,
                                                   "reason": "Student's request at 18"}, follow_redirects=False)
    assert posted.status_code == 303
    erasure_id = posted.headers["location"].rsplit("/", 1)[1]
    progress = client.get(posted.headers["location"])
    assert "Erasure in progress" in progress.text and "Waiting for: artifacts" in progress.text
    assert client.get(f"/privacy/erasures/{erasure_id}/certificate.json").status_code == 404
    coordinator = Coordinator.from_settings()
    for service in DEFAULT_SERVICES.split(","):
        with RosterUnitOfWork(make_session_factory(roster_engine)) as uow:
            uow.consumer = "roster.test"
            record_confirmation(uow, coordinator, Envelope.from_event(
                ErasureConfirmed(erasure_id, service, {"reflections": 3, "media_objects": 2}), service))
            uow.commit()
    printable = client.get(f"/privacy/erasures/{erasure_id}")
    assert "Erasure certificate" in printable.text and "/static/print.css" in printable.text
    assert "request at 18" in printable.text and student not in printable.text
    download = client.get(f"/privacy/erasures/{erasure_id}/certificate.json")
    assert download.status_code == 200 and download.json()["certificate"]["totals"]["media_objects"] == 10


def test_a_district_admin_chooses_when_rights_pass_on_the_api_and_the_settings_page(people, officer, make_client,
                                                                                     district):
    """The rights-at-18 rule of the admin's district; others are refused; the page's two forms save and say so.
    The district's rule is put back to the default's value after, for the session's other tests."""
    before = people("ddunn").call("GET", "/api/v1/privacy/rights-rule")
    assert before["guardian_access_ends"] == "age_18" and before["district_id"]
    people(officer).call("PUT", "/api/v1/privacy/rights-rule", 403, json={"guardian_access_ends": "never"})
    people("tlee").call("GET", "/api/v1/privacy/rights-rule", 403)
    people("ddunn").call("PUT", "/api/v1/privacy/rights-rule", 422, json={"guardian_access_ends": "at_21"})
    try:
        chosen = people("ddunn").call("PUT", "/api/v1/privacy/rights-rule", json={"guardian_access_ends": "never"})
        assert chosen == {**before, "guardian_access_ends": "never", "is_default": False,
                          "updated_by": district.ids["district_admin"]}
        web = make_client()
        assert web_login(web, *district.login("ddunn")).status_code == 303
        page = web.get("/admin/privacy")
        assert page.status_code == 200 and 'value="never" checked' in page.text
        token = csrf_from(page.text)
        saved = web.post("/admin/privacy/rights-rule", data={"csrf_token": token, "guardian_access_ends": "graduation"})
        assert saved.status_code == 303 and saved.headers["location"] == "/admin/privacy?saved=rule"
        assert "When rights pass to students was saved." in web.get(saved.headers["location"]).text
        assert people("ddunn").call("GET", "/api/v1/privacy/rights-rule")["guardian_access_ends"] == "graduation"
        wrong = web.post("/admin/privacy/retention", data={"csrf_token": token, "portfolio_years": "4",
                                                           "media_years": "9", "grace_days": "x"})
        assert wrong.status_code == 422 and 'href="#grace_days"' in wrong.text and 'value="9"' in wrong.text
        kept = web.post("/admin/privacy/retention", data={"csrf_token": token, "portfolio_years": "5",
                                                          "media_years": "2", "grace_days": "30"})
        assert kept.status_code == 303
        assert people("ddunn").call("GET", "/api/v1/privacy/retention")["portfolio_years"] == 5
        teacher = make_client()
        assert web_login(teacher, *district.login("tlee")).status_code == 303
        assert teacher.get("/admin/privacy").status_code == 403
    finally:
        people("ddunn").call("PUT", "/api/v1/privacy/rights-rule", json={"guardian_access_ends": "age_18"})


def test_one_artifact_is_erased_from_its_page_address_and_one_not_the_students_is_refused(
        officer, roster_engine, district, client, people):  # noqa: F811
    """The officer pastes the artifact page's address a family sent: the roster is asked for that artifact only; the
    artifacts service, asked first, finding it is not the student's refuses the erasure, and the page says so."""
    web_login(client, *district.login(officer))
    page = client.get("/privacy")
    assert 'id="artifact_id"' in page.text and "Only this artifact" in page.text
    student, artifact = _person(roster_engine, district, "student"), str(uuid.uuid4())
    posted = client.post("/privacy/erasures", data={
        "csrf_token": csrf_from(page.text), "student_id": student, "reason": "The family asked",
        "artifact_id": f" https://skillfolio.example.org/artifacts/{artifact}?from=feed "}, follow_redirects=False)
    assert posted.status_code == 303
    erasure_id = posted.headers["location"].rsplit("/", 1)[1]
    found = people(officer).call("GET", f"/api/v1/privacy/erasures/{erasure_id}")
    assert found["artifact_id"] == artifact and found["waiting_for"] == ["artifacts"]
    assert "Waiting for: artifacts" in client.get(posted.headers["location"]).text
    coordinator = Coordinator.from_settings()

    def confirm(erasure: str, service: str, counts: dict) -> None:
        with RosterUnitOfWork(make_session_factory(roster_engine)) as uow:
            uow.consumer = "roster.test"
            record_confirmation(uow, coordinator, Envelope.from_event(
                ErasureConfirmed(erasure, service, counts), service))
            uow.commit()

    confirm(erasure_id, "artifacts", {})                                  # no such artifact of the student's
    refused = client.get(posted.headers["location"])
    assert "Erasure refused" in refused.text and f"no artifact {artifact}" in refused.text
    listed = client.get("/privacy").text
    assert "Refused" in listed and "One artifact" in listed
    assert people(officer).call("GET", f"/api/v1/privacy/erasures/{erasure_id}")["status"] == "refused"

    erasure = people(officer).call("POST", "/api/v1/privacy/erasures", 202, json={
        "student_id": student, "reason": "The family asked", "artifact_id": artifact})
    confirm(erasure["id"], "artifacts", {"artifacts": 1, "media_objects": 2})
    assert people(officer).call("GET", f"/api/v1/privacy/erasures/{erasure['id']}")["waiting_for"] == [
        s for s in DEFAULT_SERVICES.split(",") if s != "artifacts"]
    for service in DEFAULT_SERVICES.split(",")[1:]:
        confirm(erasure["id"], service, {"rows": 1})
    printable = client.get(f"/privacy/erasures/{erasure['id']}").text
    assert "the artifact below, with everything that hung on it, was erased" in printable and artifact in printable
    certificate = people(officer).call("GET", f"/api/v1/privacy/erasures/{erasure['id']}/certificate")
    assert certificate["certificate"]["subject"]["scope"] == "artifact"


def test_the_media_years_certificate_says_the_media_went_and_the_record_stays(
        officer, roster_engine, district, client, people):  # noqa: F811
    """The retention sweep's media erasure (no form asks for it): listed as "Media only", and its printable
    certificate says what went and what stays."""
    student = _person(roster_engine, district, "student")
    sessions = make_session_factory(roster_engine)

    def uows():
        return RosterUnitOfWork(sessions)
    coordinator = Coordinator.from_settings()
    erasure = request_erasure(uows, coordinator, RosterViewer.of("service:roster-retention", {"privacy_officer"}),
                              student, "retention schedule: media 2 years after the student left", media_only=True)
    for service in DEFAULT_SERVICES.split(","):
        with uows() as uow:
            uow.consumer = "roster.test"
            record_confirmation(uow, coordinator, Envelope.from_event(
                ErasureConfirmed(erasure.id, service, {"media_objects": 2}), service))
            uow.commit()
    web_login(client, *district.login(officer))
    assert "Media only" in client.get("/privacy").text
    page = client.get(f"/privacy/erasures/{erasure.id}").text
    assert page.count("certifies that the media of the student record below") == 1
    assert "the rest of the student&#39;s record" in page and "Artifact</dt>" not in page
    found = people(officer).call("GET", f"/api/v1/privacy/erasures/{erasure.id}")
    assert found["media_only"] is True and found["status"] == "completed"
