"""Open Badges through a fake unit of work: a district admin defines badges; a milestone completed at the threshold
issues one (signed, with its status index and event; once per milestone) and below it nothing; skill badges are
awarded and credentials revoked by a district admin only (audited, announced); reads by anyone but the student are
audited; refusals write nothing; the status list sets the revoked bits."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from milestone_fixtures import OWN_ART, RUBRIC, panel_world_events
from reflections_fixtures import ANA, ART, CRUZ, DEE, DISTRICT_ADMIN, GUARDIAN, STUDENT, TEACHER

from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from chassis.signing import DistrictKey
from chassis.vc import status
from reflections.domain.access import Viewer
from reflections.service_layer.credential_issuer import District
from reflections.service_layer.credentials import CredentialUseCases
from reflections.service_layer.milestones import MilestoneUseCases

FORMER = Viewer.of("tch-diaz", ["teacher"])


@pytest.fixture
def key() -> DistrictKey:
    return DistrictKey.generate()


@pytest.fixture
def app(uow, calendar, key):
    uow.feed(panel_world_events())
    district = District(given_key=key)
    return SimpleNamespace(milestones=MilestoneUseCases(lambda: uow, calendar, district=district),
                           credentials=CredentialUseCases(lambda: uow, calendar, district), district=district)


@pytest.fixture
def dol(app, uow) -> str:
    kind, _ = app.milestones.define_type(DISTRICT_ADMIN, "defense-of-learning", "Defense of Learning", RUBRIC, [])
    app.credentials.define_badge(DISTRICT_ADMIN, "milestone", "Defense of Learning", "Defended.", "Ready or better.",
                                 milestone_type_id=kind.id, min_outcome="READY")
    uow.events.clear(), uow.audit_rows.clear()
    return kind.id


def complete(app, dol: str, outcome: str) -> str:
    made = app.milestones.create(TEACHER, ANA, dol, "Defense", "2026-12-10").milestone.id
    app.milestones.select_evidence(STUDENT, made, [ART, OWN_ART])
    app.milestones.record_outcome(TEACHER, made, outcome)
    return made


def test_badge_definitions_are_the_district_admins_and_announced(app, uow, dol):
    badge = app.credentials.define_badge(DISTRICT_ADMIN, "skill", "Communicator", "d", "c", skill_id="skl-comm")
    [event] = uow.events
    assert (event.type, event.data["badge_id"], event.data["kind"], event.data["defined_by"]) == (
        "badge_defined", badge.id, "skill", DEE)
    with pytest.raises(PermissionDenied, match="only a district admin"):
        app.credentials.define_badge(TEACHER, "skill", "X", "d", "c", skill_id="skl-comm")
    with pytest.raises(InvalidArgument, match="milestone_type_id: no milestone type 'nope'"):
        app.credentials.define_badge(DISTRICT_ADMIN, "milestone", "X", "d", "c", milestone_type_id="nope",
                                     min_outcome="READY")
    assert len(uow.events) == 1 and len(app.credentials.badges(STUDENT)) == 2


def test_a_ready_outcome_issues_one_signed_badge_with_its_event(app, uow, dol, key):
    milestone_id = complete(app, dol, "READY")
    [award] = uow.credentials.awards_of(ANA)
    assert (award.milestone_id, award.status_index, award.issued_by) == (milestone_id, 0, CRUZ)
    claims = json.loads(key.verify_jws(award.jwt)[1])
    assert claims["vc"] == award.document and claims["jti"] == f"urn:uuid:{award.id}"
    assert [e["id"].rsplit("/", 1)[1] for e in award.document["evidence"]] == [ART, OWN_ART]
    awarded = [e for e in uow.events if e.type == "badge_awarded"]
    assert [e.data for e in awarded] == [{"credential_id": award.id, "badge_id": award.badge_id, "student_id": ANA,
                                          "milestone_id": milestone_id, "issued_by": CRUZ}]
    complete(app, dol, "EXCELLING")
    assert [a.status_index for a in uow.credentials.awards_of(ANA)] == [0, 1]


def test_below_the_threshold_nothing_is_issued(app, uow, dol):
    complete(app, dol, "APPROACHING")
    assert uow.credentials.awards_of(ANA) == [] and "badge_awarded" not in [e.type for e in uow.events]


def test_reads_by_anyone_but_the_student_are_audited_and_strangers_refused(app, uow, dol):
    complete(app, dol, "READY")
    uow.audit_rows.clear()
    assert len(app.credentials.student_credentials(STUDENT, ANA)) == 1 and uow.audit_rows == []
    app.credentials.student_credentials(GUARDIAN, ANA)
    app.credentials.clr(TEACHER, ANA)
    assert [(r.actor, r.action) for r in uow.audit_rows] == [("grd-eve", "reflections.ListStudentCredentials"),
                                                             (CRUZ, "reflections.GetClr")]
    for stranger in (FORMER, DISTRICT_ADMIN):
        with pytest.raises(PermissionDenied, match="not allowed to see this student's credentials"):
            app.credentials.student_credentials(stranger, ANA)
    assert len(uow.audit_rows) == 2


def test_revocation_is_the_district_admins_audited_and_sets_the_status_bit(app, uow, dol, key):
    complete(app, dol, "READY")
    [award] = uow.credentials.awards_of(ANA)
    uow.events.clear(), uow.audit_rows.clear()
    with pytest.raises(PermissionDenied):
        app.credentials.revoke(TEACHER, award.id, "no")
    with pytest.raises(InvalidArgument, match="reason: must not be empty"):
        app.credentials.revoke(DISTRICT_ADMIN, award.id, " ")
    with pytest.raises(NotFound):
        app.credentials.revoke(DISTRICT_ADMIN, "nope", "gone")
    assert uow.events == [] and uow.audit_rows == []
    revoked = app.credentials.revoke(DISTRICT_ADMIN, award.id, "Awarded in error")
    assert (revoked.revoked_by, revoked.revoke_reason) == (DEE, "Awarded in error")
    assert [(r.actor, r.action, r.subject_id, r.detail) for r in uow.audit_rows] == [
        (DEE, "reflections.RevokeCredential", ANA, {"credential_id": award.id, "reason": "Awarded in error"})]
    assert [e.type for e in uow.events] == ["credential_revoked"]
    token, url = app.credentials.status_list()
    subject = json.loads(key.verify_jws(token)[1])["vc"]["credentialSubject"]
    assert url.endswith("/credentials/status/1") and status.is_set(subject["encodedList"], award.status_index)
    with pytest.raises(Conflict, match="holds no badge yet"):
        app.credentials.clr(STUDENT, ANA)


def test_skill_badges_are_awarded_once_by_a_district_admin(app, uow, dol):
    skill = app.credentials.define_badge(DISTRICT_ADMIN, "skill", "Communicator", "d", "c", skill_id="skl-comm")
    with pytest.raises(PermissionDenied):
        app.credentials.award_skill_badge(TEACHER, skill.id, ANA)
    with pytest.raises(InvalidArgument, match="student_id: 'tch-cruz' is not a student"):
        app.credentials.award_skill_badge(DISTRICT_ADMIN, skill.id, CRUZ)
    awarded = app.credentials.award_skill_badge(DISTRICT_ADMIN, skill.id, ANA)
    assert awarded.document["credentialSubject"]["achievement"]["alignment"][0]["targetCode"] == "skl-comm"
    assert [(r.action, r.subject_id) for r in uow.audit_rows] == [("reflections.AwardBadge", ANA)]
    with pytest.raises(Conflict, match="already holds"):
        app.credentials.award_skill_badge(DISTRICT_ADMIN, skill.id, ANA)
