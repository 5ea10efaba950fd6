"""The Open Badges access rules as a pure table (who reads a student's credentials; who defines, awards and
revokes), when a milestone outcome earns its badge, badge validation naming each field, and the credentials the
domain builds checked against the vendored OB 3.0 / CLR 2.0 schemas."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.errors import InvalidArgument, PermissionDenied
from chassis.vc import schema
from reflections.domain.access import Relation, Viewer
from reflections.domain.credential_access import CredentialAction, check_district, check_read, viewer_can
from reflections.domain.credentials import (
    Alignment,
    Award,
    Badge,
    Issuer,
    badge_credential,
    clr_credential,
    earns,
    validate_badge,
)

TEACHES, GUARDS, NONE = Relation(teaches_now=True), Relation(guardian_of=True), Relation()
ANA, BEN = Viewer.of("stu-ana", ["student"]), Viewer.of("stu-ben", ["student"])
CRUZ, EVE = Viewer.of("tch-cruz", ["teacher"]), Viewer.of("grd-eve", ["guardian"])
DEE, FAY = Viewer.of("adm-dee", ["district_admin"]), Viewer.of("adm-fay", ["school_admin"])
ADMIN_TEACHER = Viewer.of("tch-adm", ["teacher", "district_admin"])
SERVICE = Viewer.of("service:artifacts", ["service"])
NOW = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
ISSUER = Issuer("https://skillfolio.jcps.example", "did:web:skillfolio.jcps.example", "JCPS")
DOL = Badge("b-dol", "milestone", "Defense of Learning", "Defended a body of work.", "Ready or better.",
            milestone_type_id="mt-dol", min_outcome="READY")

READ_CASES = [
    # viewer, relation, reads
    (ANA, NONE, True), (BEN, NONE, False), (CRUZ, TEACHES, True), (CRUZ, NONE, False), (EVE, GUARDS, True),
    (EVE, NONE, False), (DEE, NONE, False), (FAY, NONE, False), (ADMIN_TEACHER, TEACHES, False), (SERVICE, NONE, True),
]


@pytest.mark.parametrize(("viewer", "relation", "reads"), READ_CASES)
def test_who_reads_a_students_credentials(viewer, relation, reads):
    if reads:
        check_read(viewer, "stu-ana", relation)
    else:
        with pytest.raises(PermissionDenied, match="not allowed to see this student's credentials"):
            check_read(viewer, "stu-ana", relation)


@pytest.mark.parametrize("action", list(CredentialAction))
@pytest.mark.parametrize(("viewer", "allowed"), [(DEE, True), (ADMIN_TEACHER, True), (FAY, False), (CRUZ, False),
                                                 (ANA, False), (EVE, False), (SERVICE, False)])
def test_only_a_district_admin_defines_awards_and_revokes(viewer, allowed, action):
    if action is CredentialAction.READ:
        with pytest.raises(PermissionDenied):
            check_district(viewer, action)       # reading is decided per student, never district-wide
        return
    if allowed:
        check_district(viewer, action)
        assert action in viewer_can(viewer)
    else:
        with pytest.raises(PermissionDenied, match="only a district admin"):
            check_district(viewer, action)
        assert viewer_can(viewer) == frozenset()


@pytest.mark.parametrize(("threshold", "outcome", "earned"), [
    ("READY", "NOT_YET", False), ("READY", "APPROACHING", False), ("READY", "READY", True),
    ("READY", "EXCELLING", True), ("EXCELLING", "READY", False), ("EXCELLING", "EXCELLING", True)])
def test_a_milestone_outcome_earns_its_badge_at_the_threshold_or_better(threshold, outcome, earned):
    assert earns(Badge("b", "milestone", "n", "d", "c", milestone_type_id="t", min_outcome=threshold), outcome) is earned


def test_badge_validation_names_each_field():
    with pytest.raises(InvalidArgument) as caught:
        validate_badge("milestone", " ", "", "c", "", "", "NOT_YET")
    assert [p.field for p in caught.value.problems] == ["name", "description", "milestone_type_id", "min_outcome"]
    with pytest.raises(InvalidArgument) as caught:
        validate_badge("skill", "n", "d", "c" * 2001, "", "", "")
    assert [p.field for p in caught.value.problems] == ["criteria", "skill_id"]
    with pytest.raises(InvalidArgument, match="kind: must be milestone or skill"):
        validate_badge("other", "n", "d", "c", "", "", "")


def test_the_badge_and_clr_the_domain_builds_conform_to_the_specifications():
    doc = badge_credential(ISSUER, DOL, [Alignment("skl-comm", "Effective Communicator")], "c-1", "stu-ana", NOW, 4,
                           ["art-1", "art-2"], "READY")
    assert schema.problems(doc) == []
    assert doc["validFrom"] == "2026-12-01T12:00:00Z" and doc["issuer"]["id"] == ISSUER.did
    assert doc["credentialStatus"] == {
        "id": "https://skillfolio.jcps.example/credentials/status/1#4", "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation", "statusListIndex": "4",
        "statusListCredential": "https://skillfolio.jcps.example/credentials/status/1"}
    achievement = doc["credentialSubject"]["achievement"]
    assert achievement["alignment"][0]["targetUrl"] == "https://skillfolio.jcps.example/skills/skl-comm"
    assert [e["id"] for e in doc["evidence"]] == ["https://skillfolio.jcps.example/artifacts/art-1",
                                                  "https://skillfolio.jcps.example/artifacts/art-2"]
    assert doc["credentialSubject"]["result"] == [{"type": ["Result"], "value": "READY"}]
    award = Award("c-1", "stu-ana", "b-dol", "m-1", 4, NOW, "tch-cruz", doc, "jwt")
    clr = clr_credential(ISSUER, "clr-1", "stu-ana", NOW, [award])
    assert schema.problems(clr) == []
    assert clr["credentialSubject"]["achievement"] == [achievement]
