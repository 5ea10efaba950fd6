"""The rights-at-18 use cases on the fake unit of work: every branch of who gains rights, which guardians lose
access, what is published and audited, and who may change access afterwards."""
from __future__ import annotations

import datetime as dt

import pytest
from rights_fakes import FakeRightsUnitOfWork

from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from roster.adapters.rights_repository import Candidate
from roster.domain.access import Viewer
from roster.domain.rights import RULE_ACTOR, GuardianAccessEnds
from roster.service_layer.rights import Rights

LEAP = dt.date(2008, 2, 29)


@pytest.fixture
def uow() -> FakeRightsUnitOfWork:
    uow = FakeRightsUnitOfWork(today=dt.date(2026, 3, 1))
    uow.rights.students = {"amara": Candidate("amara", "d1", LEAP, None),
                           "ben": Candidate("ben", "d1", dt.date(2014, 5, 1), None),
                           "gus": Candidate("gus", "d1", None, dt.date(2026, 2, 20))}      # graduated, no birth date
    uow.rights.guardianships = {"amara": [("grace", "Grace", "Okafor"), ("paul", "Paul", "Okafor")],
                                "ben": [("mary", "Mary", "O'Neil")], "gus": [("gia", "Gia", "Ray")]}
    return uow


def rights(uow, rule: GuardianAccessEnds = GuardianAccessEnds.AGE_18) -> Rights:
    return Rights(lambda: uow, rule)


def test_the_rule_passes_due_rights_ends_guardians_publishes_and_audits(uow):
    run = rights(uow).apply_due()
    assert (run.passed, run.ended) == (1, 2)
    assert uow.rights.access == {("grace", "amara"): (False, RULE_ACTOR), ("paul", "amara"): (False, RULE_ACTOR)}
    types = [e.type for e in uow.events]
    assert types.count("guardianship_removed") == 2 and types.count("guardian_access_changed") == 2
    (passed,) = [e.data for e in uow.events if e.type == "student_rights_passed"]
    assert passed == {"student_id": "amara", "basis": "age_18", "effective_date": "2026-03-01",
                      "guardian_ids": ["grace", "paul"]}
    assert [(r.actor, r.action, r.subject_ids) for r in uow.audit_rows] == [
        (RULE_ACTOR, "roster.RightsPassed", ("amara",))]
    assert uow.commits == 1
    assert rights(uow).apply_due() == type(run)(0, 0)                     # nothing twice


def test_a_day_early_nothing_passes(uow):
    uow.today = dt.date(2026, 2, 28)
    assert rights(uow).apply_due().passed == 0 and not uow.events


def test_each_districts_setting_decides(uow):
    assert rights(uow, GuardianAccessEnds.GRADUATION).apply_due().passed == 1     # Gus graduated on 20 February
    assert "gus" in uow.rights.passed and uow.rights.passed["gus"].on == dt.date(2026, 2, 21)
    uow2 = FakeRightsUnitOfWork()
    uow2.rights.students = {"amara": Candidate("amara", "d1", LEAP, None)}
    uow2.rights.district_rules = {"d1": GuardianAccessEnds.NEVER}
    assert rights(uow2).apply_due().passed == 0                                    # the district keeps access


def test_a_guardian_added_or_re_listed_later_is_ended_too(uow):
    rights(uow).apply_due()
    uow.rights.guardianships["amara"].append(("rosa", "Rosa", "Okafor"))          # a later import added her
    uow.rights.touched = {("paul", "amara")}                                       # and re-listed Paul
    run = rights(uow).apply_due(changed_since=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    assert run.ended == 2 and uow.rights.access[("rosa", "amara")] == (False, RULE_ACTOR)
    assert [r.action for r in uow.audit_rows][-2:] == ["roster.GuardianAccessEnded"] * 2


def test_the_adult_student_grants_and_withdraws_and_is_audited(uow):
    rights(uow).apply_due()
    amara = Viewer.of("amara", ["student"])
    standing = rights(uow).set_guardian_access(amara, "amara", "grace", True)
    assert standing.granted is True and uow.rights.access[("grace", "amara")] == (True, "amara")
    assert [e.type for e in uow.events][-2:] == ["guardianship_added", "guardian_access_changed"]
    assert (uow.audit_rows[-1].actor, uow.audit_rows[-1].action) == ("amara", "roster.SetGuardianAccess")
    rights(uow).set_guardian_access(amara, "amara", "grace", False)
    assert [e.type for e in uow.events][-2:] == ["guardianship_removed", "guardian_access_changed"]
    passed_on, guardians = rights(uow).guardians(amara, "amara")
    assert passed_on == dt.date(2026, 3, 1) and {g.guardian_id: g.granted for g in guardians} == {
        "grace": False, "paul": False}


@pytest.mark.parametrize("viewer, student, guardian, error", [
    (Viewer.of("grace", ["guardian"]), "amara", "grace", PermissionDenied),       # a guardian decides nothing
    (Viewer.of("ben", ["student"]), "amara", "grace", PermissionDenied),          # nor another student
    (Viewer.of("amara", ["teacher"]), "amara", "grace", PermissionDenied),        # the student role is required
    (Viewer.of("ben", ["student"]), "ben", "mary", Conflict),                     # a minor's rights have not passed
    (Viewer.of("amara", ["student"]), "amara", "mary", NotFound),                 # not her guardian
])
def test_only_the_adult_student_changes_access_to_her_own_guardians(uow, viewer, student, guardian, error):
    rights(uow).apply_due()
    before = len(uow.events)
    with pytest.raises(error):
        rights(uow).set_guardian_access(viewer, student, guardian, True)
    assert len(uow.events) == before


def test_the_district_setting_is_checked(uow):
    assert rights(uow).set_rule("d1", "graduation", "ops") is GuardianAccessEnds.GRADUATION
    with pytest.raises(InvalidArgument):
        rights(uow).set_rule("d1", "at_21", "ops")
    with pytest.raises(NotFound):
        rights(uow).set_rule("nowhere", "never", "ops")


def test_a_district_admin_chooses_her_districts_rule_audited_and_nobody_else_does(uow):
    admin = Viewer.of("dee", ["district_admin"])
    uow.directory.districts["dee"] = "d1"
    shown = rights(uow).district_rule(admin)
    assert (shown.district_id, shown.ends, shown.is_default) == ("d1", GuardianAccessEnds.AGE_18, True)
    chosen = rights(uow).choose_rule(admin, "never")
    assert (chosen.ends, chosen.is_default, chosen.updated_by) == (GuardianAccessEnds.NEVER, False, "dee")
    assert uow.rights.district_rules == {"d1": GuardianAccessEnds.NEVER}
    [row] = [r for r in uow.audit_rows if r.action == "roster.SetRightsRule"]
    assert (row.actor, row.subject_ids, row.detail) == ("dee", ("d1",), {"guardian_access_ends": "never"})
    with pytest.raises(InvalidArgument) as bad:
        rights(uow).choose_rule(admin, "at_21")
    assert bad.value.problems[0].field == "guardian_access_ends"
    for other in (Viewer.of("sam", ["school_admin"]), Viewer.of("po", ["privacy_officer"]),
                  Viewer.of("tess", ["teacher"])):
        with pytest.raises(PermissionDenied):
            rights(uow).choose_rule(other, "graduation")
    assert uow.rights.district_rules == {"d1": GuardianAccessEnds.NEVER}
