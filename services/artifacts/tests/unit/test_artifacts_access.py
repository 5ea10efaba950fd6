"""The access rules as a table: who may view, add and change which student's artifacts, from the replica's facts."""
from __future__ import annotations

import datetime as dt

import pytest

from artifacts.domain.access import (
    DENIED,
    Action,
    Relation,
    Span,
    Viewer,
    ViewerCan,
    check,
    enrollment_span,
    is_allowed,
    is_audited,
    teaches_now,
    viewer_can,
)
from chassis.errors import PermissionDenied

S, OTHER_S, T, G = "stu-1", "stu-2", "tch-1", "grd-1"
V, A, C = Action.VIEW, Action.ADD, Action.CHANGE
TAUGHT, GUARDED, NONE = Relation(teaches_now=True), Relation(guardian_of=True), Relation()

STUDENT, TEACHER, GUARDIAN = Viewer.of(S, ["student"]), Viewer.of(T, ["teacher"]), Viewer.of(G, ["guardian"])
SCHOOL_ADMIN, DISTRICT_ADMIN = Viewer.of("adm-1", ["school_admin"]), Viewer.of("adm-2", ["district_admin"])
TEACHING_ADMIN = Viewer.of(T, ["teacher", "school_admin"])
SERVICE = Viewer.of("service:media", ["service"])

CASES = [
    # viewer, student, relation, action, added_by, allowed
    (STUDENT, S, NONE, V, T, True),                  # own portfolio, incl. a teacher's artifact
    (STUDENT, S, NONE, A, "", True),
    (STUDENT, S, NONE, C, S, True),                  # what they added
    (STUDENT, S, NONE, C, T, False),                 # not what a teacher added
    (STUDENT, OTHER_S, NONE, V, OTHER_S, False),     # another student's portfolio
    (STUDENT, OTHER_S, NONE, A, "", False),
    (TEACHER, S, TAUGHT, V, S, True),                # currently taught
    (TEACHER, S, TAUGHT, A, "", True),
    (TEACHER, S, TAUGHT, C, T, True),                # added it and still teaches
    (TEACHER, S, TAUGHT, C, S, False),               # the student's own artifact
    (TEACHER, S, NONE, V, S, False),                 # taught last year only / other school
    (TEACHER, S, NONE, A, "", False),
    (TEACHER, S, NONE, C, T, False),                 # added it, no longer teaches
    (GUARDIAN, S, GUARDED, V, S, True),              # guardian of
    (GUARDIAN, S, GUARDED, A, "", False),
    (GUARDIAN, S, GUARDED, C, G, False),
    (GUARDIAN, S, NONE, V, S, False),                # not guardian of
    (SCHOOL_ADMIN, S, NONE, V, S, False),
    (SCHOOL_ADMIN, S, TAUGHT, A, "", False),
    (DISTRICT_ADMIN, S, GUARDED, V, S, False),
    (DISTRICT_ADMIN, S, NONE, C, "adm-2", False),
    (TEACHING_ADMIN, S, TAUGHT, V, S, False),        # an admin role refuses, whatever else is held
    (SERVICE, S, NONE, V, S, True),
    (SERVICE, S, NONE, A, "", False),
    (SERVICE, S, NONE, C, "service:media", False),
    (Viewer.of("nobody", []), S, TAUGHT, V, S, False),
    (Viewer.of(S, ["guardian"]), S, NONE, V, S, False),   # the student's id without the student role
]


@pytest.mark.parametrize("viewer,student,relation,action,added_by,allowed", CASES)
def test_access_table(viewer, student, relation, action, added_by, allowed):
    assert is_allowed(viewer, action, student, relation, added_by) is allowed


def test_refusals_carry_one_message():
    with pytest.raises(PermissionDenied) as caught:
        check(SCHOOL_ADMIN, V, S, NONE)
    assert caught.value.message == DENIED


def test_only_the_student_is_not_audited():
    assert not is_audited(STUDENT, S) and is_audited(TEACHER, S) and is_audited(SERVICE, S)


TODAY = dt.date(2026, 11, 23)
THIS_YEAR = Span("sec-2026", "2026-08-10", "2027-05-28")
LAST_YEAR = Span("sec-2025", "2025-08-10", "2026-05-28")


@pytest.mark.parametrize("teacher,student,expected", [
    ([THIS_YEAR], [THIS_YEAR], True),                                   # currently teaches
    ([LAST_YEAR], [LAST_YEAR], False),                                  # taught last year only
    ([THIS_YEAR], [Span("sec-other", "2026-08-10", "2027-05-28")], False),   # another section (other school)
    ([Span("sec-2026", "2026-08-10", "2027-05-28", active=False)], [THIS_YEAR], False),   # inactive teacher
    ([THIS_YEAR], [Span("sec-2026", "2026-08-10", "2026-10-01")], False),    # student left the section
    ([THIS_YEAR], [Span("sec-2026", "", "")], True),                    # open-ended enrollment
    ([], [THIS_YEAR], False),
])
def test_currently_teaches(teacher, student, expected):
    assert teaches_now(teacher, student, TODAY) is expected


@pytest.mark.parametrize("section,enrollment,expected", [
    (("2026-08-10", "2027-05-28"), ("", ""), Span("s", "2026-08-10", "2027-05-28")),       # the section's dates
    (("2026-08-10", "2027-05-28"), ("2026-09-01", "2026-12-20"), Span("s", "2026-09-01", "2026-12-20")),
    (("2025-08-10", "2026-05-28"), ("2025-08-10", "2027-01-01"), Span("s", "2025-08-10", "2026-05-28")),  # ended
    (("", ""), ("", ""), Span("s", "", "")),
])
def test_an_enrollment_counts_only_inside_its_section(section, enrollment, expected):
    assert enrollment_span("s", *section, *enrollment, True) == expected


@pytest.mark.parametrize("viewer,student,relation,action,added_by,allowed",
                         [case for case in CASES if case[3] is not V])
def test_viewer_can_is_read_from_the_same_table(viewer, student, relation, action, added_by, allowed):
    """Replies tell pages what to offer: the same answer the access check gives on submit."""
    can = viewer_can(viewer, student, relation, added_by)
    assert (can.add if action is A else can.change) is allowed


def test_viewer_can_change_needs_an_artifact():
    assert viewer_can(STUDENT, S, NONE) == ViewerCan(add=True, change=False, export=True)
    assert viewer_can(GUARDIAN, S, GUARDED, S) == ViewerCan()


def test_viewer_can_export_the_portfolio_as_a_whole():
    """The passport is offered on the portfolio (no artifact) to the student and their guardian, never a teacher."""
    assert viewer_can(GUARDIAN, S, GUARDED) == ViewerCan(export=True)
    assert not viewer_can(Viewer.of("tch", ["teacher"]), S, Relation(teaches_now=True)).export
