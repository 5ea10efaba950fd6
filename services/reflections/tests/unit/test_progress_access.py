"""The points of progress access table, row by row: each role's actions on a student's points, the section-only
checklist, the author-only edit and the district admin's terms."""
from __future__ import annotations

import pytest

from chassis.errors import PermissionDenied
from reflections.domain.access import Relation
from reflections.domain.progress_access import (
    ProgressAction,
    Viewer,
    check_author,
    check_point,
    check_section,
    check_terms,
)

S = "stu-1"
NOW, GUARDS, NONE = Relation(teaches_now=True), Relation(guardian_of=True), Relation()
CASES = [  # viewer, relation, allowed actions
    (Viewer.of(S, ["student"]), NONE, {ProgressAction.READ}),
    (Viewer.of("t", ["teacher"]), NOW, {ProgressAction.READ, ProgressAction.COMPLETE, ProgressAction.EDIT}),
    (Viewer.of("t", ["teacher"]), NONE, set()),
    (Viewer.of("g", ["guardian"]), GUARDS, {ProgressAction.READ}),
    (Viewer.of("g", ["guardian"]), NONE, set()),
    (Viewer.of("s2", ["student"]), NONE, set()),
    (Viewer.of("a", ["school_admin", "teacher"]), NOW, set()),
    (Viewer.of("d", ["district_admin"]), GUARDS, set()),
]


@pytest.mark.parametrize("viewer, relation, allowed", CASES)
@pytest.mark.parametrize("action", list(ProgressAction))
def test_the_table(viewer, relation, allowed, action):
    if action in allowed:
        check_point(viewer, action, S, relation)
    else:
        with pytest.raises(PermissionDenied):
            check_point(viewer, action, S, relation)


def test_an_unknown_point_is_refused_like_a_stranger():
    with pytest.raises(PermissionDenied):
        check_point(Viewer.of("t", ["teacher"]), ProgressAction.READ, None, NOW)


@pytest.mark.parametrize("viewer, teaches, allowed", [
    (Viewer.of("t", ["teacher"]), True, True), (Viewer.of("t", ["teacher"]), False, False),
    (Viewer.of("a", ["school_admin", "teacher"]), True, False), (Viewer.of(S, ["student"]), True, False)])
def test_the_checklist_is_for_current_teachers_of_the_section(viewer, teaches, allowed):
    if allowed:
        check_section(viewer, teaches)
    else:
        with pytest.raises(PermissionDenied):
            check_section(viewer, teaches)


def test_only_the_author_edits_and_only_a_district_admin_sets_terms():
    check_author(Viewer.of("t", ["teacher"]), "t")
    with pytest.raises(PermissionDenied):
        check_author(Viewer.of("t2", ["teacher"]), "t")
    check_terms(Viewer.of("d", ["district_admin"]))
    for roles in (["school_admin"], ["teacher"], ["student"]):
        with pytest.raises(PermissionDenied):
            check_terms(Viewer.of("x", roles))
