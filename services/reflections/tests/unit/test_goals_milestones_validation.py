"""Input rules of goals, milestone types, milestones, invitations, outcomes and score sheets: every problem
names its field with a clear reason."""
from __future__ import annotations

import pytest

from chassis.errors import InvalidArgument
from reflections.domain.assessment import Criterion, Level, Rubric, Scale
from reflections.domain.goals import GoalChange, validate_change, validate_close, validate_evidence, validate_goal
from reflections.domain.milestones import (
    Score,
    validate_invitation,
    validate_milestone,
    validate_outcome,
    validate_sheet,
    validate_type,
)

RUBRIC = Rubric("rub-1", "dol-rubric", Scale("scl-1", "Four-point scale", [
    Level(rank, name) for rank, name in enumerate(("Beginning", "Developing", "Proficient", "Exemplary"), 1)]),
    [Criterion("evidence", "Evidence", {}), Criterion("reflection", "Reflection", {})])


def problems(call) -> dict[str, str]:
    with pytest.raises(InvalidArgument) as caught:
        call()
    return {p.field: p.reason for p in caught.value.problems}


def test_goal_fields():
    assert problems(lambda: validate_goal(" ", "", [])) == {
        "title": "must not be empty", "success_criteria": "must not be empty", "skill_ids": "name at least one skill"}
    assert problems(lambda: validate_goal("T", "C", ["a", " "])) == {
        "skill_ids": "must not contain an empty skill id"}
    validate_goal("Speak up", "Three talks", ["skl-1", "skl-1"])
    validate_change(GoalChange())
    assert set(problems(lambda: validate_change(GoalChange(title="", skill_ids=[])))) == {"title", "skill_ids"}
    assert "artifact_ids" in problems(lambda: validate_evidence([], []))


def test_closing_needs_a_known_status_and_a_reflection():
    assert problems(lambda: validate_close("done", "")) == {
        "status": "must be one of achieved, not_achieved, withdrawn (got 'done')",
        "closing_reflection": "must not be empty"}
    validate_close("withdrawn", "I changed course.")


def test_type_milestone_invitation_and_outcome_fields():
    assert set(problems(lambda: validate_type("Defense Of", "", "", ["05", ""]))) == {
        "code", "name", "rubric_id", "grade_levels"}
    assert problems(lambda: validate_milestone("Defense", "10/12/2026")) == {
        "scheduled_on": "must be a date YYYY-MM-DD (got '10/12/2026')"}
    assert set(problems(lambda: validate_invitation("", "rosa", "friend", "tch-1", 91))) == {
        "name", "email", "kind", "person_id", "valid_days"}
    assert problems(lambda: validate_invitation("Rosa", "rosa@example.org", "family", "tch-1", 0)) == {
        "person_id": "only an educator panellist has a district account"}
    validate_invitation("Ivy", "ivy@example.org", "educator", "tch-1", 14)
    assert problems(lambda: validate_outcome("ready")) == {
        "outcome": "must be one of NOT_YET, APPROACHING, READY, EXCELLING"}


def test_a_sheet_scores_every_criterion_once_on_the_scale():
    validate_sheet(RUBRIC, [Score("evidence", 1), Score("reflection", 4)], "")
    assert problems(lambda: validate_sheet(RUBRIC, [Score("evidence", 5)], "")) == {
        "scores[0].level_rank": "5 is not a level of scale 'Four-point scale' (1-4)",
        "scores": "score every criterion; missing: reflection"}
    assert problems(lambda: validate_sheet(RUBRIC, [Score("evidence", 2), Score("evidence", 2),
                                                    Score("style", 0), Score("reflection", 1)], "")) == {
        "scores[1].criterion_code": "'evidence' is scored twice",
        "scores[2].criterion_code": "'style' is not a criterion of rubric 'dol-rubric'",
        "scores[2].level_rank": "0 is not a level of scale 'Four-point scale' (1-4)"}
