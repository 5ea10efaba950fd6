"""The calibration access tables as tables: each viewer's standing towards the district's calibration work and one
session, and what it may do; blind scoring; the exemplar table over roles towards the student; validation of
nominations, sessions and score sheets naming the field."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.access import Role, Viewer
from chassis.errors import InvalidArgument, PermissionDenied
from reflections.domain.assessment import Criterion as RubricCriterion
from reflections.domain.assessment import Instrument, Level, Rubric, Scale
from reflections.domain.calibration import (
    Criterion,
    Score,
    Session,
    criteria_of,
    names_in,
    validate_nomination,
    validate_scores,
    validate_session,
)
from reflections.domain.calibration_access import (
    CalibrationAction,
    ExemplarAction,
    calibration_actions,
    check_calibration,
    exemplar_allowed,
    sees_results,
)

C = CalibrationAction
COACH, RATER, OTHER = "tch-coach", "tch-rater", "tch-other"
# viewer (subject, roles) -> the actions open to it on a session coached by COACH with RATER invited
TABLE = [
    ((COACH, ["teacher"]), {C.SEE_EXEMPLARS, C.COACH, C.READ_SESSION, C.TRACK}),
    ((RATER, ["teacher"]), {C.SEE_EXEMPLARS, C.COACH, C.SCORE, C.READ_SESSION, C.TRACK}),
    ((OTHER, ["teacher"]), {C.SEE_EXEMPLARS, C.COACH, C.TRACK}),
    ((RATER, ["teacher", "school_admin"]), set()),                 # an admin role outweighs the rest
    (("adm-dee", ["district_admin"]), {C.TRACK}),
    (("stu-ana", ["student"]), set()),
    (("grd-eve", ["guardian"]), set()),
]


@pytest.mark.parametrize("who, allowed", TABLE, ids=[f"{w[0]}/{'+'.join(w[1])}" for w, _ in TABLE])
def test_calibration_table(who, allowed):
    viewer = Viewer.of(*who)
    assert calibration_actions(viewer, COACH, [RATER]) == allowed
    for action in set(C) - allowed:
        with pytest.raises(PermissionDenied):
            check_calibration(viewer, action, COACH, [RATER])


@pytest.mark.parametrize("role, allowed", [
    (Role.TEACHER, {ExemplarAction.NOMINATE, ExemplarAction.SEE_NOMINATIONS}),
    (Role.STUDENT, {ExemplarAction.CONSENT, ExemplarAction.SEE_NOMINATIONS}),
    (Role.GUARDIAN, {ExemplarAction.CONSENT, ExemplarAction.SEE_NOMINATIONS}),
    (Role.PANELLIST, set()), (Role.SERVICE, set()), (None, set())])
def test_exemplar_table(role, allowed):
    assert {a for a in ExemplarAction if exemplar_allowed(role, a)} == allowed


def test_blind_until_submitted():
    assert not sees_results(Viewer.of(RATER, ["teacher"]), COACH, [RATER], [])
    assert sees_results(Viewer.of(RATER, ["teacher"]), COACH, [RATER], [RATER])
    assert sees_results(Viewer.of(COACH, ["teacher"]), COACH, [RATER], [])
    assert not sees_results(Viewer.of(COACH, ["teacher"]), COACH, [COACH, RATER], [RATER])   # coach who rates too


SCALE = Scale("sc", "Four levels", [Level(r, n) for r, n in enumerate(["B", "D", "P", "E"], start=1)])
RUBRIC = Rubric("rb", "Comm", SCALE, [RubricCriterion("clarity", "Clarity", {}), RubricCriterion("evidence", "E", {})])


def problems(call) -> list[str]:
    with pytest.raises(InvalidArgument) as refused:
        call()
    return [p.field for p in refused.value.problems]


def test_nominations_are_checked_field_by_field():
    with_rubric, scale_only = Instrument("sk", "Comm", SCALE, RUBRIC), Instrument("sk", "Comm", SCALE)
    assert [c.code for c in criteria_of(with_rubric)] == ["clarity", "evidence"]
    assert [c.code for c in criteria_of(scale_only)] == ["overall"]
    validate_nomination(with_rubric, 3, "clarity", "A clear letter.", ["Ana Ortiz"])
    assert problems(lambda: validate_nomination(with_rubric, 5, "nope", " ", [])) == [
        "level_rank", "criterion_code", "caption"]
    assert problems(lambda: validate_nomination(scale_only, 2, "", "ORTIZ wrote it", ["Ana Ortiz"])) == ["caption"]
    assert names_in("Anatomy of a letter", ["Ana Ortiz"]) == []                  # whole words only


def test_sessions_and_score_sheets_are_checked():
    assert problems(lambda: validate_session("", [], ["a"])) == ["title", "exemplar_ids", "rater_ids"]
    assert problems(lambda: validate_session("t", ["e", "e"], ["a", "b"])) == ["exemplar_ids"]
    session = Session("s", COACH, "t", "sk", "Comm", [(1, "B"), (2, "D")], [Criterion("c", "C")], ["e1", "e2"],
                      [RATER, OTHER], dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    validate_scores(session, [Score("e1", "c", 1), Score("e2", "c", 2)])
    assert problems(lambda: validate_scores(session, [Score("e1", "c", 1), Score("e1", "c", 2),
                                                      Score("x", "c", 1), Score("e2", "z", 1)])) == [
        "scores[1]", "scores[2].exemplar_id", "scores[3].criterion_code", "scores"]
    assert problems(lambda: validate_scores(session, [Score("e1", "c", 3), Score("e2", "c", 2)])) == [
        "scores[0].level_rank"]
