"""The roster's part of the passport and the privacy officer role, through the fake unit of work: who may export a
student's record (the student, their guardian, a privacy officer with a reason; never an admin or a teacher), the
audit row every export writes (the student's own included), and grant/revoke with a required, audited reason."""
from __future__ import annotations

import pytest
from roster_fakes import FakeRosterUnitOfWork

from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from roster.domain.access import Relation, TargetKind, Viewer
from roster.domain.identity import entity_id
from roster.domain.model import Person, School
from roster.service_layer.passport import PassportQueries
from roster.service_layer.privacy_officers import PrivacyOfficers

AVA = Person("ava", "s-ava", "Ava", "Adams", roles=("student",), grade_level="05", primary_school_id="alder")
GIL = Person("gil", "s-gil", "Gil", "Green", roles=("guardian",), username="gil")
PAT = Person("pat", "s-pat", "Pat", "Pruitt", roles=("teacher",), username="pat.pruitt")


@pytest.fixture
def uow() -> FakeRosterUnitOfWork:
    fake = FakeRosterUnitOfWork()
    fake.people.add(AVA, GIL, PAT)
    fake.people.guardianships.add(("gil", "ava"))
    fake.facts.grant("gil", Relation.CHILD, TargetKind.PERSON, "ava")
    fake.directory.school_rows["alder"] = School("alder", "s-alder", "Alder Elementary", district_id="d1")
    return fake


@pytest.mark.parametrize("viewer, reason, role", [
    (Viewer.of("ava", ["student"]), "", "student"),
    (Viewer.of("gil", ["guardian"]), "", "guardian"),
    (Viewer.of("pat", ["privacy_officer"]), "FERPA request 2026-14 from the family", "privacy_officer"),
])
def test_who_may_export_and_the_audit_row_each_export_writes(uow, viewer, reason, role):
    found = PassportQueries(lambda: uow).export_person(viewer, "ava", reason)
    assert found.person.id == "ava" and found.school.name == "Alder Elementary"
    assert [g.id for g in found.guardians] == ["gil"]
    [row] = uow.audit_rows
    assert (row.actor, row.action, row.subject_ids) == (viewer.subject, "roster.ExportPerson", ("ava",))
    assert row.detail == {"export": "passport", "role": role, "reason": reason}


@pytest.mark.parametrize("viewer", [
    Viewer.of("ben", ["student"]), Viewer.of("gwen", ["guardian"]), Viewer.of("tess", ["teacher"]),
    Viewer.of("ada", ["school_admin"]), Viewer.of("dan", ["district_admin"]), Viewer.of("svc", ["service"]),
    Viewer.of("dee", ["district_admin", "privacy_officer"]),
], ids=["another student", "another guardian", "a teacher", "a school admin", "a district admin", "a service",
        "an admin who is also a privacy officer"])
def test_everyone_else_is_refused_and_nothing_is_audited(uow, viewer):
    with pytest.raises(PermissionDenied):
        PassportQueries(lambda: uow).export_person(viewer, "ava", "a reason")
    assert uow.audit_rows == []


def test_a_privacy_officer_finds_the_student_by_sourced_id_for_an_import(uow):
    bea = Person(entity_id("user", "S-42"), "S-42", "Bea", "Baker", roles=("student",))
    uow.people.add(bea)
    officer = Viewer.of("pat", ["privacy_officer"])
    found = PassportQueries(lambda: uow).export_person(officer, "", "transfer request 9", sourced_id=" S-42 ")
    assert found.person.id == bea.id and uow.audit_rows[0].subject_ids == (bea.id,)
    with pytest.raises(NotFound, match="no student with sourcedId 'S-404'"):
        PassportQueries(lambda: uow).export_person(officer, "", "transfer request 9", sourced_id="S-404")


def test_a_privacy_officer_states_a_reason(uow):
    with pytest.raises(InvalidArgument) as refused:
        PassportQueries(lambda: uow).export_person(Viewer.of("pat", ["privacy_officer"]), "ava", "  ")
    assert refused.value.problems[0].field == "reason" and uow.audit_rows == []


def test_only_a_student_has_a_passport(uow):
    with pytest.raises(NotFound):
        PassportQueries(lambda: uow).export_person(Viewer.of("pat", ["privacy_officer"]), "gil", "request 7")


def test_grant_and_revoke_need_a_reason_and_are_audited(uow):
    officers = PrivacyOfficers(lambda: uow)
    with pytest.raises(InvalidArgument):
        officers.grant("operator:root", "pat.pruitt", "")
    assert officers.grant("operator:root", "pat.pruitt", "appointed by the board, minute 12").id == "pat"
    assert uow.privacy_officers.rows == {"pat": ("operator:root", "appointed by the board, minute 12")}
    with pytest.raises(Conflict):
        officers.grant("operator:root", "pat", "again")
    officers.revoke("operator:root", "pat", "left the district")
    assert uow.privacy_officers.rows == {}
    assert [(r.actor, r.actor_roles, r.action, r.subject_type, r.subject_ids, r.detail) for r in uow.audit_rows] == [
        ("operator:root", "operator", "roster.GrantPrivacyOfficer", "person", ("pat",),
         {"reason": "appointed by the board, minute 12"}),
        ("operator:root", "operator", "roster.RevokePrivacyOfficer", "person", ("pat",), {"reason": "left the district"})]
    with pytest.raises(Conflict):
        officers.revoke("operator:root", "pat", "twice")
    with pytest.raises(NotFound):
        officers.grant("operator:root", "nobody", "no such person")
