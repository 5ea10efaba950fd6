"""The access rules as a table: (roles, is the student, teaches now, guardian of) -> what each action allows."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.errors import PermissionDenied
from reflections.domain.access import (
    Action,
    Relation,
    Span,
    Viewer,
    check,
    enrollment_span,
    is_allowed,
    is_audited,
    may_define_prompts,
    teaches_now,
)

ANA = "stu-ana"
R, F, C, H, V = Action.REFLECT, Action.FEEDBACK, Action.COMMENT, Action.HIDE, Action.READ
A, S = Action.ASSESS, Action.SELF_ASSESS

# who (roles, subject), relation -> allowed actions
TABLE = [
    (("student",), ANA, Relation(), {R, C, V, S}),
    (("student",), "stu-ben", Relation(), set()),
    (("teacher",), "tch-cruz", Relation(teaches_now=True), {F, C, H, V, A}),
    (("teacher",), "tch-diaz", Relation(), set()),
    (("guardian",), "grd-eve", Relation(guardian_of=True), {C, V}),
    (("guardian",), "grd-gus", Relation(), set()),
    (("school_admin",), "adm-fay", Relation(), set()),
    (("district_admin",), "adm-dee", Relation(), set()),
    (("school_admin", "teacher"), "tch-kit", Relation(teaches_now=True), set()),
    (("student", "teacher"), ANA, Relation(teaches_now=True), {R, C, V, S}),   # never assesses their own work
    (("teacher", "guardian"), "tch-eve", Relation(guardian_of=True), {C, V}),
    (("service",), "service:x", Relation(), set()),
]


@pytest.mark.parametrize("roles, subject, relation, allowed", TABLE, ids=[f"{'+'.join(r)}-{s}" for r, s, *_ in TABLE])
def test_rules(roles, subject, relation, allowed):
    viewer = Viewer.of(subject, roles)
    assert {a for a in Action if is_allowed(viewer, a, ANA, relation)} == allowed
    for action in set(Action) - allowed:
        with pytest.raises(PermissionDenied, match="not allowed to discuss this student's artifacts"):
            check(viewer, action, ANA, relation)


def test_a_comment_is_made_in_the_role_the_viewer_stands_in():
    assert check(Viewer.of("tch-cruz", ["teacher", "guardian"]), C, ANA, Relation(True, True)) == "teacher"
    assert check(Viewer.of(ANA, ["student"]), C, ANA, Relation()) == "student"


def test_only_a_district_admin_defines_prompts_and_only_others_are_audited():
    assert may_define_prompts(Viewer.of("adm-dee", ["district_admin"]))
    assert not may_define_prompts(Viewer.of("adm-fay", ["school_admin"]))
    assert not is_audited(Viewer.of(ANA, ["student"]), ANA)
    assert is_audited(Viewer.of("grd-eve", ["guardian"]), ANA)


def test_teaching_now_needs_a_shared_section_today():
    teacher = [enrollment_span("s1", "2026-08-10", "2027-05-28", "", "", True)]
    student = [enrollment_span("s1", "2026-08-10", "2027-05-28", "2026-09-01", "", True)]
    assert teaches_now(teacher, student, dt.date(2026, 11, 23))
    assert not teaches_now(teacher, student, dt.date(2026, 8, 20))        # before the student joined
    assert not teaches_now(teacher, student, dt.date(2027, 6, 1))         # after the section ended
    assert not teaches_now(teacher, [Span("s2", "", "")], dt.date(2026, 11, 23))
    assert not teaches_now([Span("s1", "", "", active=False)], student, dt.date(2026, 11, 23))
