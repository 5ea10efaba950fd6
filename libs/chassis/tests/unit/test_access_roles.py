"""The role a viewer acts in towards a student (chassis.access.role_of), the one rule every service's table uses, and
for one action (acting_role: that role, or the privacy officer's for a records request)."""
from __future__ import annotations

import pytest

from chassis.access import ADMIN_ROLES, PERSON_ROLES, Role, Viewer, acting_role, guest_invitation_id, role_of
from chassis.records_request import EXPORTERS
from chassis.roster_replica.standing import Relation

ANA = "stu-ana"
NONE, TEACHES, GUARDS, PANEL = Relation(), Relation(teaches_now=True), Relation(guardian_of=True), \
    Relation(panel_reader=True)
EVERYTHING = Relation(teaches_now=True, guardian_of=True, panel_reader=True)

CASES = [
    ("the student herself", Viewer.of(ANA, ["student"]), NONE, Role.STUDENT),
    ("another student", Viewer.of("stu-ben", ["student"]), EVERYTHING, None),
    ("a teacher who teaches her now", Viewer.of("tch-cruz", ["teacher"]), TEACHES, Role.TEACHER),
    ("a teacher who does not", Viewer.of("tch-diaz", ["teacher"]), NONE, None),
    ("her guardian", Viewer.of("grd-eve", ["guardian"]), GUARDS, Role.GUARDIAN),
    ("a guardian of someone else", Viewer.of("grd-gus", ["guardian"]), TEACHES, None),
    ("a service", Viewer.of("service:media", ["service"]), NONE, Role.SERVICE),
    ("a panel guest on a live panel", Viewer.of("guest:inv-1", ["panel_guest"]), PANEL, Role.PANELLIST),
    ("an invited teacher on a live panel", Viewer.of("tch-ives", ["teacher"]), PANEL, Role.PANELLIST),
    ("a panel guest without a seat", Viewer.of("guest:inv-1", ["panel_guest"]), NONE, None),
    ("a guardian is no panellist", Viewer.of("grd-gus", ["guardian"]), PANEL, None),
    ("a school admin", Viewer.of("adm-fay", ["school_admin"]), EVERYTHING, None),
    ("a district admin", Viewer.of("adm-dee", ["district_admin"]), EVERYTHING, None),
    ("an admin who also teaches her", Viewer.of("tch-kit", ["school_admin", "teacher"]), TEACHES, None),
    ("an admin who is the student", Viewer.of(ANA, ["student", "district_admin"]), NONE, None),
    ("a privacy officer", Viewer.of("po-pat", ["privacy_officer"]), NONE, Role.PRIVACY_OFFICER),
    ("a privacy officer who is her guardian", Viewer.of("grd-eve", ["guardian", "privacy_officer"]), GUARDS,
     Role.GUARDIAN),
    ("a privacy officer who is also an admin", Viewer.of("adm-dee", ["district_admin", "privacy_officer"]), NONE,
     None),
]


@pytest.mark.parametrize("viewer, relation, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_role_of(viewer: Viewer, relation: Relation, expected: Role | None):
    assert role_of(viewer, ANA, relation) == expected


def test_a_teacher_who_is_the_privacy_officer_exports_her_own_student_as_the_officer_and_views_as_the_teacher():
    officer = Viewer.of("tch-pat", ["teacher", "privacy_officer"])
    assert role_of(officer, ANA, TEACHES) == Role.TEACHER
    assert acting_role(officer, ANA, TEACHES, EXPORTERS) == Role.PRIVACY_OFFICER      # a teacher may not export
    assert acting_role(officer, ANA, TEACHES, {Role.TEACHER, Role.GUARDIAN}) == Role.TEACHER
    assert acting_role(Viewer.of("tch-cruz", ["teacher"]), ANA, TEACHES, EXPORTERS) is None
    teaching_herself = Viewer.of(ANA, ["student", "teacher"])
    assert acting_role(teaching_herself, ANA, TEACHES, {Role.TEACHER}) is None     # no falling through otherwise
    both = Viewer.of("grd-eve", ["guardian", "privacy_officer"])
    assert acting_role(both, ANA, GUARDS, EXPORTERS) == Role.GUARDIAN              # her own child: as the guardian
    admin = Viewer.of("adm-dee", ["district_admin", "privacy_officer"])
    assert acting_role(admin, ANA, EVERYTHING, EXPORTERS) is None                  # an admin role has no standing


def test_roles_are_their_wire_names():
    assert [r.value for r in PERSON_ROLES] == ["student", "teacher", "guardian", "school_admin", "district_admin",
                                            "privacy_officer"]
    assert ADMIN_ROLES == {"school_admin", "district_admin"} and Viewer.of("x", ["school_admin"]).is_admin


def test_guest_invitation_id():
    assert guest_invitation_id(Viewer.of("guest:inv-1", ["panel_guest"])) == "inv-1"
    assert guest_invitation_id(Viewer.of("guest:inv-1", ["teacher"])) is None
    assert guest_invitation_id(Viewer.of("tch-cruz", ["panel_guest"])) is None
