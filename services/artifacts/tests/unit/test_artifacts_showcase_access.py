"""The showcase access rules as a table: who may view, curate and share a showcase, from the replica's facts and the
showcase's sharing (guardians, a milestone's panel)."""
from __future__ import annotations

import pytest

from artifacts.domain.access import Relation, Viewer
from artifacts.domain.showcases import ShowcaseAction, ShowcaseFields, actions

S, OTHER_S, T, G = "stu-1", "stu-2", "tch-1", "grd-1"
V, CU, SH = ShowcaseAction.VIEW, ShowcaseAction.CURATE, ShowcaseAction.SHARE
TAUGHT, GUARDED, PANEL, NONE = (Relation(teaches_now=True), Relation(guardian_of=True), Relation(panel_reader=True),
                                Relation())
PRIVATE = ShowcaseFields("Mine")
FAMILY = ShowcaseFields("For home", share_with_guardians=True)
FOR_PANEL = ShowcaseFields("Defense", audience="panel", milestone_id="m-1")

STUDENT, TEACHER, GUARDIAN = Viewer.of(S, ["student"]), Viewer.of(T, ["teacher"]), Viewer.of(G, ["guardian"])
ADMIN, TEACHING_ADMIN = Viewer.of("adm-1", ["district_admin"]), Viewer.of(T, ["teacher", "school_admin"])
GUEST, SERVICE = Viewer.of("guest:inv-1", ["panel_guest"]), Viewer.of("service:x", ["service"])

ALL, NOTHING, VIEW_ONLY = frozenset({V, CU, SH}), frozenset(), frozenset({V})
CASES = [
    # viewer, student, relation, showcase, actions
    (STUDENT, S, NONE, PRIVATE, ALL),
    (STUDENT, OTHER_S, NONE, FAMILY, NOTHING),           # another student's showcase
    (TEACHER, S, TAUGHT, PRIVATE, ALL),                   # teaches the student now
    (TEACHER, S, NONE, FAMILY, NOTHING),                  # taught last year only
    (TEACHER, S, PANEL, FOR_PANEL, VIEW_ONLY),            # an invited educator on the milestone's live panel
    (TEACHER, S, PANEL, PRIVATE, NOTHING),                # ... of a showcase not shared with a panel
    (GUARDIAN, S, GUARDED, PRIVATE, NOTHING),             # not shared with guardians
    (GUARDIAN, S, GUARDED, FAMILY, VIEW_ONLY),
    (GUARDIAN, S, NONE, FAMILY, NOTHING),                 # not this student's guardian
    (GUEST, S, PANEL, FOR_PANEL, VIEW_ONLY),
    (GUEST, S, NONE, FOR_PANEL, NOTHING),                 # no live seat on that milestone's panel
    (GUEST, S, PANEL, FAMILY, NOTHING),
    (ADMIN, S, TAUGHT, FAMILY, NOTHING),
    (TEACHING_ADMIN, S, TAUGHT, PRIVATE, NOTHING),        # an admin role refuses, whatever else is held
    (SERVICE, S, NONE, PRIVATE, VIEW_ONLY),
    (Viewer.of("nobody", []), S, TAUGHT, FAMILY, NOTHING),
]


@pytest.mark.parametrize("viewer, student, relation, showcase, expected", CASES)
def test_showcase_actions(viewer, student, relation, showcase, expected):
    assert actions(viewer, student, relation, showcase) == expected


def test_the_students_showcases_as_a_whole_are_curated_by_the_student_and_current_teachers_only():
    assert CU in actions(STUDENT, S, NONE) and CU in actions(TEACHER, S, TAUGHT)
    assert CU not in actions(GUARDIAN, S, GUARDED) and CU not in actions(TEACHER, S, NONE)
