"""The amendment access table (domain.amendment_access) as a matrix: each standing's actions, for a record a teacher
wrote and one a guardian wrote, before and after a request."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.access import Viewer
from chassis.roster_replica.standing import Relation
from reflections.domain.amendment_access import AmendAction, actions_of, standings
from reflections.domain.amendments import AmendmentRequest, Record, RecordType

ANA = "stu-ana"
BY_TEACHER = Record(RecordType.FEEDBACK, "f1", "a1", ANA, "tch-cruz", "teacher", {"can_do": "x", "next_steps": "y"})
ASKED = AmendmentRequest("r1", RecordType.FEEDBACK, "f1", "a1", ANA, "grd-eve", "guardian", "wrong",
                         dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
R, D, S, Q = AmendAction.REQUEST, AmendAction.DECIDE, AmendAction.DISAGREE, AmendAction.READ

MATRIX = [   # viewer, relation to Ana, expected actions on a teacher's feedback with Eve's request
    ("student", Viewer.of(ANA, ["student"]), Relation(), {R, Q}),
    ("guardian-requester", Viewer.of("grd-eve", ["guardian"]), Relation(guardian_of=True), {R, S, Q}),
    ("other-guardian", Viewer.of("grd-gus", ["guardian"]), Relation(), set()),
    ("author-teaching-now", Viewer.of("tch-cruz", ["teacher"]), Relation(teaches_now=True), {D, Q}),
    ("author-no-longer-teaching", Viewer.of("tch-cruz", ["teacher"]), Relation(), {D, Q}),
    ("another-current-teacher", Viewer.of("tch-ives", ["teacher"]), Relation(teaches_now=True), {Q}),
    ("former-teacher", Viewer.of("tch-diaz", ["teacher"]), Relation(), set()),
    ("privacy-officer", Viewer.of("po-pat", ["privacy_officer"]), Relation(), {D, Q}),
    ("district-admin", Viewer.of("adm-dee", ["district_admin"]), Relation(), set()),
    ("admin-who-wrote-it", Viewer.of("tch-cruz", ["teacher", "school_admin"]), Relation(teaches_now=True), set()),
    ("guardian-no-longer", Viewer.of("grd-eve", ["guardian"]), Relation(), set()),
]


@pytest.mark.parametrize("viewer, relation, expected", [m[1:] for m in MATRIX], ids=[m[0] for m in MATRIX])
def test_amendment_actions_per_standing(viewer, relation, expected):
    assert actions_of(standings(viewer, ANA, relation, BY_TEACHER, ASKED)) == frozenset(expected)
