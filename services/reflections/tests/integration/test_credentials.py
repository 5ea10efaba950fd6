"""Open Badges and CLR through the service layer on real PostgreSQL: a Defense of Learning completed at its badge's
threshold issues a signed OpenBadgeCredential (evidence, alignment, status entry) that validates against the vendored
OB 3.0 schema and verifies; revocation sets its status-list bit; the CLR bundles the live badges; the access matrix
(who reads, who awards and revokes) with audit rows and outbox events."""
from __future__ import annotations

import json

import pytest
from milestone_fixtures import OWN_ART, RUBRIC, dol_type, panel_world  # noqa: F401
from reflections_fixtures import (
    ANA,
    ART,
    BEN,
    DIAZ,
    DISTRICT_ADMIN,
    GUARDIAN,
    GUS,
    STUDENT,
    TEACHER,
)

from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from chassis.signing import DistrictKey
from chassis.vc import schema, status
from chassis.vc.verify import verify
from reflections.domain.access import Viewer

pytestmark = pytest.mark.integration

FORMER_TEACHER, OTHER_GUARDIAN = Viewer.of(DIAZ, ["teacher"]), Viewer.of(GUS, ["guardian"])
OTHER_STUDENT = Viewer.of(BEN, ["student"])


@pytest.fixture
def district_key(app) -> DistrictKey:
    app.district.given_key = DistrictKey.generate()
    return app.district.key


@pytest.fixture
def dol_badge(app, dol_type, district_key):
    return app.credentials.define_badge(DISTRICT_ADMIN, "milestone", "Defense of Learning: Ready",
                                        "Defended a portfolio of learning before a panel.",
                                        "Complete a Defense of Learning with an outcome of Ready or Excelling.",
                                        milestone_type_id=dol_type, min_outcome="READY")


def _complete(app, dol_type, outcome: str) -> str:
    milestone = app.milestones.create(TEACHER, ANA, dol_type, "Grade 5 Defense of Learning", "2026-12-10").milestone
    app.milestones.select_evidence(STUDENT, milestone.id, [ART, OWN_ART])
    app.milestones.record_outcome(TEACHER, milestone.id, outcome)
    return milestone.id


def _verifier(app, key: DistrictKey):
    return (lambda kid: key.public if kid == key.kid else (_ for _ in ()).throw(LookupError(f"unknown key {kid}")),
            lambda url: app.credentials.status_list()[0])


def test_a_ready_defense_of_learning_issues_a_signed_badge_that_verifies(app, dol_type, dol_badge, district_key,
                                                                         tables):
    milestone_id = _complete(app, dol_type, "READY")
    [award] = app.credentials.student_credentials(STUDENT, ANA)
    doc = award.document
    assert (award.milestone_id, award.badge_id, doc["name"]) == (milestone_id, dol_badge.id, dol_badge.name)
    assert schema.problems(doc) == []
    assert doc["credentialSubject"]["achievement"]["criteria"]["narrative"].startswith("Complete a Defense")
    assert [e["id"] for e in doc["evidence"]] == [f"http://127.0.0.1:8000/artifacts/{a}" for a in (ART, OWN_ART)]
    assert doc["issuer"]["id"] == "did:web:127.0.0.1%3A8000" == district_key.controller
    assert doc["credentialStatus"]["statusListIndex"] == str(award.status_index)
    verdict = verify(award.jwt, *_verifier(app, district_key))
    assert verdict.verified, verdict.reasons
    assert "badge_awarded" in tables.event_types()


def test_an_outcome_below_the_threshold_issues_nothing(app, dol_type, dol_badge):
    _complete(app, dol_type, "APPROACHING")
    assert app.credentials.student_credentials(STUDENT, ANA) == []
    with pytest.raises(Conflict, match="holds no badge yet"):
        app.credentials.clr(STUDENT, ANA)


def test_a_revoked_badge_is_reported_revoked_and_leaves_the_clr(app, dol_type, dol_badge, district_key, tables):
    _complete(app, dol_type, "EXCELLING")
    skill = app.credentials.define_badge(DISTRICT_ADMIN, "skill", "Effective Communicator", "Communicates well.",
                                         "Shown across a school year of work.", skill_id="skl-comm")
    awarded = app.credentials.award_skill_badge(DISTRICT_ADMIN, skill.id, ANA)
    assert awarded.document["credentialSubject"]["achievement"]["alignment"][0]["targetName"] == "Comm"
    clr_doc, clr_jwt = app.credentials.clr(GUARDIAN, ANA)
    assert schema.problems(clr_doc) == [] and len(clr_doc["credentialSubject"]["verifiableCredential"]) == 2
    assert verify(clr_jwt, *_verifier(app, district_key)).verified
    [first, _] = app.credentials.student_credentials(TEACHER, ANA)
    app.credentials.revoke(DISTRICT_ADMIN, first.id, "Awarded in error")
    verdict = verify(first.jwt, *_verifier(app, district_key))
    assert verdict.revoked and verdict.reasons == ["status: revoked by its issuer"]
    token, _ = app.credentials.status_list()
    subject = json.loads(district_key.verify_jws(token)[1])["vc"]["credentialSubject"]
    assert status.is_set(subject["encodedList"], first.status_index)
    assert not status.is_set(subject["encodedList"], awarded.status_index)
    clr_doc, _ = app.credentials.clr(STUDENT, ANA)
    assert [c["name"] for c in clr_doc["credentialSubject"]["verifiableCredential"]] == ["Effective Communicator"]
    assert verify(clr_jwt, *_verifier(app, district_key)).reasons == [
        "status: Defense of Learning: Ready: revoked by its issuer"]
    assert {"credential_revoked", "badge_defined", "badge_awarded"} <= set(tables.event_types())
    with pytest.raises(Conflict, match="already revoked"):
        app.credentials.revoke(DISTRICT_ADMIN, first.id, "again")


def test_a_tampered_badge_is_refused(app, dol_type, dol_badge, district_key):
    _complete(app, dol_type, "READY")
    [award] = app.credentials.student_credentials(STUDENT, ANA)
    head, body, sig = award.jwt.split(".")
    claims = json.loads(__import__("base64").urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["vc"]["name"] = "Valedictorian"
    from chassis.signing import b64url
    forged = f"{head}.{b64url(json.dumps(claims).encode())}.{sig}"
    verdict = verify(forged, *_verifier(app, district_key))
    assert not verdict.verified and verdict.reasons[0].startswith("signature: the signature does not match")


@pytest.mark.parametrize(("viewer", "reads"), [
    (STUDENT, True), (TEACHER, True), (GUARDIAN, True), (FORMER_TEACHER, False), (OTHER_GUARDIAN, False),
    (OTHER_STUDENT, False), (DISTRICT_ADMIN, False)])
def test_who_reads_a_students_credentials(app, dol_type, dol_badge, viewer, reads, tables):
    _complete(app, dol_type, "READY")
    if reads:
        assert len(app.credentials.student_credentials(viewer, ANA)) == 1
        assert app.credentials.clr(viewer, ANA)[0]["type"] == ["VerifiableCredential", "ClrCredential"]
    else:
        with pytest.raises(PermissionDenied, match="not allowed to see this student's credentials"):
            app.credentials.student_credentials(viewer, ANA)
        with pytest.raises(PermissionDenied):
            app.credentials.clr(viewer, ANA)
    audited = [row for row in tables.audit() if row.action in ("reflections.ListStudentCredentials",
                                                                    "reflections.GetClr")]
    assert len(audited) == (2 if reads and viewer is not STUDENT else 0)


@pytest.mark.parametrize("viewer", [STUDENT, TEACHER, GUARDIAN])
def test_only_a_district_admin_defines_awards_and_revokes(app, dol_type, dol_badge, viewer):
    with pytest.raises(PermissionDenied, match="only a district admin"):
        app.credentials.define_badge(viewer, "skill", "X", "d", "c", skill_id="skl-comm")
    with pytest.raises(PermissionDenied, match="only a district admin"):
        app.credentials.award_skill_badge(viewer, dol_badge.id, ANA)
    with pytest.raises(PermissionDenied, match="only a district admin"):
        app.credentials.revoke(viewer, "cred-1", "reason")


def test_badge_definitions_name_the_field_at_fault(app, dol_type, district_key):
    with pytest.raises(InvalidArgument) as caught:
        app.credentials.define_badge(DISTRICT_ADMIN, "milestone", "", "d", "c", milestone_type_id=dol_type,
                                     min_outcome="APPROACHING")
    assert [p.field for p in caught.value.problems] == ["name", "min_outcome"]
    with pytest.raises(InvalidArgument, match="skill_id: no skill 'skl-nope'"):
        app.credentials.define_badge(DISTRICT_ADMIN, "skill", "S", "d", "c", skill_id="skl-nope")
    with pytest.raises(InvalidArgument, match="badge_id: .* is not a skill badge"):
        app.credentials.award_skill_badge(DISTRICT_ADMIN, "nope", ANA)
