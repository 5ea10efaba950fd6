"""Pure domain rules: WCAG contrast maths, grade bands, scales, rubric completeness, the access table, file reading."""
from __future__ import annotations

import itertools
import random

import pytest

from skills.domain import access
from skills.domain.access import Action, Viewer
from skills.domain.colour import (
    BLACK,
    WHITE,
    colour_problem,
    contrast_ratio,
    is_hex,
    legible_text_colour,
    relative_luminance,
)
from skills.domain.document import read_document
from skills.domain.grades import GradeBand, band_of, band_problems
from skills.domain.model import Criterion, Level, Scale, SkillFields, rubric_problems, scale_problems, skill_problems

BANDS = [GradeBand("K-2", "KG", "02"), GradeBand("3-5", "03", "05"), GradeBand("6-8", "06", "08"),
         GradeBand("9-12", "09", "12")]


@pytest.mark.parametrize("first, second, expected", [
    ("#000000", "#FFFFFF", 21.0),        # the WCAG maximum
    ("#FFFFFF", "#FFFFFF", 1.0),
    ("#777777", "#FFFFFF", 4.48),        # the classic "just fails AA" grey
    ("#767676", "#FFFFFF", 4.54),        # ... and the lightest grey that passes
    ("#0000FF", "#FFFFFF", 8.59),
    ("#FF0000", "#FFFFFF", 4.0),
    ("#008000", "#FFFFFF", 5.14),
])
def test_contrast_ratio_matches_known_wcag_values(first, second, expected):
    assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(second, first) == pytest.approx(expected, abs=0.01)


def test_relative_luminance_endpoints_and_srgb_knee():
    assert relative_luminance("#000000") == 0 and relative_luminance("#FFFFFF") == pytest.approx(1)
    assert relative_luminance("#0A0A0A") == pytest.approx(10 / 255 / 12.92)    # below the 0.04045 knee


@pytest.mark.parametrize("colour, text", [("#1F5FAD", WHITE), ("#F2C230", BLACK), ("#777777", BLACK),
                                          ("#595959", WHITE), ("#FF0000", BLACK)])
def test_the_more_legible_text_colour_is_stored(colour, text):
    assert legible_text_colour(colour) == text


def test_every_colour_is_legible_with_white_or_black():
    """contrast(c, white) * contrast(c, black) = 21, so the better one is at least sqrt(21) = 4.58 >= 4.5."""
    rng = random.Random(7)
    for _ in range(2000):
        colour = "#" + "".join(rng.choice("0123456789ABCDEF") for _ in range(6))
        assert contrast_ratio(colour, WHITE) * contrast_ratio(colour, BLACK) == pytest.approx(21)
        assert legible_text_colour(colour) is not None and colour_problem(colour) is None


@pytest.mark.parametrize("bad", ["#FFF", "FFFFFF", "#GGGGGG", "#1F5FAD0", "", "red"])
def test_only_six_digit_hex_is_a_colour(bad):
    assert not is_hex(bad) and colour_problem(bad) == f"{bad!r} is not #RRGGBB"


def test_standard_bands_are_valid_and_find_grades():
    assert band_problems(BANDS) == []
    assert band_of(BANDS, "KG").code == "K-2" and band_of(BANDS, "05").code == "3-5"
    assert band_of(BANDS[:1], "07") is None and band_of(BANDS, "13") is None


def test_band_problems_name_each_bad_band():
    bands = [GradeBand("K-2", "KG", "02"), GradeBand("2-4", "02", "04"), GradeBand("K-2", "05", "05"),
             GradeBand("X", "K", "13"), GradeBand("hi-lo", "09", "06")]
    assert [(p.field, p.reason) for p in band_problems(bands)] == [
        ("grade_bands[1]", "'2-4' overlaps 'K-2'"),
        ("grade_bands[2].code", "'K-2' is used by another band"),
        ("grade_bands[3].low_grade", "'K' is not a OneRoster grade code (KG, 01 .. 12)"),
        ("grade_bands[3].high_grade", "'13' is not a OneRoster grade code (KG, 01 .. 12)"),
        ("grade_bands[4]", "low_grade 09 is above high_grade 06"),
    ]


def test_skill_problems():
    good = SkillFields("communicator", "Effective Communicator", colour="#1F5FAD", descriptors={"K-2": "x"})
    assert skill_problems(good, ["K-2"]) == []
    bad = SkillFields("two words", " ", colour="#12345", descriptors={"K-3": ""})
    assert {p.field for p in skill_problems(bad, ["K-2"])} == {"skill.code", "skill.name", "skill.colour",
                                                               "skill.descriptors.K-3"}


def test_scale_needs_distinct_ranks_and_names():
    levels = [Level(1, "Beginning"), Level(1, "Developing"), Level(0, "beginning")]
    assert {(p.field, p.reason) for p in scale_problems("s", "S", levels)} == {
        ("scale.levels[1].rank", "rank 1 is used by another level"),
        ("scale.levels[2].rank", "0 is not a rank (1 = lowest)"),
        ("scale.levels[2].name", "'beginning' is used by another level")}
    assert [p.field for p in scale_problems("s", "S", levels[:1])] == ["scale.levels"]


def test_rubric_needs_every_cell_and_no_stray_ones():
    scale = Scale("id", "d", "p", "P", [Level(1, "Beginning"), Level(2, "Ready")])
    complete = Criterion("evidence", "Evidence", {1: "a", 2: "b"})
    assert rubric_problems("r", "R", [complete], scale) == []
    holes = Criterion("talk", "Talk", {1: "  ", 3: "c"})
    assert [(p.field, p.reason) for p in rubric_problems("r", "R", [complete, holes], scale)] == [
        ("rubric.criteria[1].cells.Beginning", "needs a descriptor (every cell is required)"),
        ("rubric.criteria[1].cells.Ready", "needs a descriptor (every cell is required)"),
        ("rubric.criteria[1].cells.3", "level rank 3 is not in scale 'p'")]
    assert [p.field for p in rubric_problems("r", "R", [], scale)] == ["rubric.criteria"]
    assert [p.field for p in rubric_problems("r", "R", [complete], None)] == ["rubric.scale"]


ROLES = ["student", "teacher", "guardian", "school_admin", "district_admin", "service"]
EXPECTED = {  # (role, action, school administered?) -> allowed
    **{(role, Action.READ, own): True for role in ROLES for own in (False, True)},
    **{(role, action, own): False for role in ("student", "teacher", "guardian")
       for action in (Action.WRITE_DISTRICT, Action.WRITE_SCHOOL) for own in (False, True)},
    ("school_admin", Action.WRITE_DISTRICT, False): False, ("school_admin", Action.WRITE_DISTRICT, True): False,
    ("school_admin", Action.WRITE_SCHOOL, False): False, ("school_admin", Action.WRITE_SCHOOL, True): True,
    **{(role, action, own): True for role in ("district_admin", "service")
       for action in (Action.WRITE_DISTRICT, Action.WRITE_SCHOOL) for own in (False, True)},
}


@pytest.mark.parametrize("role, action, own", list(itertools.product(ROLES, list(Action), (False, True))))
def test_access_table(role, action, own):
    administered = frozenset({"s1"}) if own else frozenset({"s2"})
    school = "s1" if action is Action.WRITE_SCHOOL else ""
    assert access.is_allowed(Viewer.of("p", [role]), action, school, administered) is EXPECTED[(role, action, own)]


def test_reading_a_file_reports_structure_problems_by_path():
    doc = read_document({"district": "d", "framework": {"name": "F", "grade_bands": "K-12"},
                         "skills": [{"code": "a", "name": "A", "colour": ["#1F5FAD"]}, "oops"],
                         "scales": [{"code": "p", "name": "P", "levels": [{"rank": "one", "name": "x"}]}]})
    found = {(p.field, p.reason) for p in doc.problems}
    assert ("framework.grade_bands", "must be a list, got str") in found
    assert ("skills[0].colour", "must be text, got list") in found
    assert ("skills[1]", "must be a mapping, got str") in found
    assert ("scales[0].levels[0].rank", "'one' is not a whole number") in found
