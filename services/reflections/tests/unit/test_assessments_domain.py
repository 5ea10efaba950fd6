"""Assessment rules without a database: a level must be on the skill's scale, criterion levels on the rubric's
scale, codes from the rubric, a teacher's comment present; and the growth view's grouping and year order."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.errors import InvalidArgument
from reflections.domain.assessment import (
    Criterion,
    CriterionLevel,
    Instrument,
    Level,
    Rubric,
    Scale,
    assessment_problems,
    validate_assessment,
)
from reflections.domain.growth import Labels, Point, TaggedCount, assemble, unlabelled

FOUR = Scale("sc-4", "Four levels", [Level(r, n) for r, n in enumerate(["Beginning", "Developing", "Ready",
                                                                         "Excelling"], start=1)])
GAPPED = Scale("sc-g", "Gapped", [Level(1, "Low"), Level(2, "Mid"), Level(5, "High")])
RUBRIC = Rubric("rb", "Defense rubric", GAPPED, [Criterion("evidence", "Evidence", {1: "a", 2: "b", 5: "c"})])
PLAIN = Instrument("sk-1", "Communicator", FOUR)
WITH_RUBRIC = Instrument("sk-2", "Defender", FOUR, RUBRIC)

CASES = [  # instrument, level, comment, criterion levels, comment required -> {field: reason}
    (PLAIN, 4, "Clear.", [], True, {}),
    (PLAIN, 1, "", [], False, {}),
    (PLAIN, 5, "Clear.", [], True, {"level_rank": "5 is not a level of scale 'Four levels' (1-4)"}),
    (PLAIN, 0, "", [], True, {"level_rank": "0 is not a level of scale 'Four levels' (1-4)",
                              "comment": "must not be empty: say what the learner can do"}),
    (PLAIN, 2, "x" * 5001, [], True, {"comment": "must be at most 5000 characters (got 5001)"}),
    (PLAIN, 2, "Ok.", [CriterionLevel("evidence", 1)], True, {"criterion_levels": "skill 'Communicator' has no "
                                                                                  "rubric"}),
    (WITH_RUBRIC, 3, "Ok.", [CriterionLevel("evidence", 5)], True, {}),
    (WITH_RUBRIC, 3, "Ok.", [CriterionLevel("evidence", 3)], True, {
        "criterion_levels[0].level_rank": "3 is not a level of scale 'Gapped' (1, 2, 5)"}),
    (WITH_RUBRIC, 3, "Ok.", [CriterionLevel("style", 1)], True, {
        "criterion_levels[0].criterion_code": "'style' is not a criterion of rubric 'Defense rubric'"}),
]


@pytest.mark.parametrize("instrument, level, comment, chosen, required, expected", CASES)
def test_assessment_rules(instrument, level, comment, chosen, required, expected):
    found = {p.field: p.reason for p in assessment_problems(instrument, level, comment, chosen, required)}
    assert found == expected
    if expected:
        with pytest.raises(InvalidArgument):
            validate_assessment(instrument, level, comment, chosen, required)
    else:
        validate_assessment(instrument, level, comment, chosen, required)


def test_scale_reads_levels_by_rank():
    assert (FOUR.max_rank, FOUR.level_name(3), FOUR.level_name(9), GAPPED.span()) == (4, "Ready", "", "1, 2, 5")


def _point(skill: str, year: str, start: str, day: int, rank: int) -> Point:
    return Point(skill, year, dt.datetime(2026, 1, day, tzinfo=dt.UTC), rank, f"L{rank}", 4, f"art-{day}",
                 "teacher")


def test_growth_groups_by_skill_and_orders_school_years_by_start():
    counts = [TaggedCount("b", "Bravo", "", "y2", "2025-26", "2025-08-10", 3),
              TaggedCount("b", "Bravo", "", "y1", "2024-25", "2024-08-10", 2),
              TaggedCount("a", "alpha", "", "", "", "", 1)]
    points = [_point("b", "y2", "2025-08-10", 1, 2), _point("b", "y1", "2024-08-10", 2, 1),
              _point("b", "y2", "2025-08-10", 3, 3)]
    growth = assemble(counts, points)
    assert [(g.skill_id, g.max_rank) for g in growth] == [("a", 0), ("b", 4)]      # by name, case-insensitive
    assert [(y.school_year_id, y.artifacts_tagged, [p.level_rank for p in y.points]) for y in growth[1].years] == [
        ("y1", 2, [1]), ("y2", 3, [2, 3])]
    assert [y.school_year_id for y in growth[0].years] == [""]


def test_growth_labels_what_only_points_name_from_the_labels_else_by_id():
    counts = [TaggedCount("b", "Bravo", "#111111", "y1", "2024-25", "2024-08-10", 2)]
    points = [_point("b", "y2", "", 1, 2), _point("c", "y1", "", 2, 3), _point("d", "y9", "", 3, 1)]
    assert unlabelled(counts, points) == ({"c", "d"}, {"y2", "y9"})
    growth = assemble(counts, points, Labels({"c": ("Charlie", "#222222")}, {"y2": ("2025-26", "2025-08-10")}))
    assert [(g.skill_id, g.skill_name, g.colour) for g in growth] == [
        ("b", "Bravo", "#111111"), ("c", "Charlie", "#222222"), ("d", "d", "")]
    assert [(y.school_year_id, y.title, y.start_date, y.artifacts_tagged, len(y.points)) for y in growth[0].years] == [
        ("y1", "2024-25", "2024-08-10", 2, 0), ("y2", "2025-26", "2025-08-10", 0, 1)]
    assert [(y.school_year_id, y.title, y.start_date) for y in growth[2].years] == [("y9", "", "")]
