"""Skills domain objects and their own validation rules (each returns FieldProblems naming the bad field)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from chassis.errors import FieldProblem
from skills.domain.colour import colour_problem, legible_text_colour
from skills.domain.grades import GradeBand

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MAX_NAME, MAX_TEXT = 200, 4000


@dataclass(frozen=True)
class Framework:
    id: str
    district_id: str
    school_id: str               # "" for the district framework
    name: str
    grade_bands: list[GradeBand] = field(default_factory=list)

    @property
    def is_district(self) -> bool:
        return not self.school_id


@dataclass(frozen=True)
class SkillFields:
    """What a writer supplies for a skill; the code is the natural key within the framework chain."""

    code: str
    name: str
    description: str = ""
    colour: str = ""
    descriptors: dict[str, str] = field(default_factory=dict)   # band code -> text
    scale_id: str = ""


@dataclass(frozen=True)
class Skill:
    id: str
    framework_id: str
    district_id: str
    school_id: str
    fields: SkillFields
    text_colour: str
    retired: bool = False

    @property
    def code(self) -> str:
        return self.fields.code


@dataclass(frozen=True)
class Level:
    rank: int
    name: str
    description: str = ""


@dataclass(frozen=True)
class Scale:
    id: str
    district_id: str
    code: str
    name: str
    levels: list[Level]


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    cells: dict[int, str]        # level rank -> descriptor


@dataclass(frozen=True)
class Rubric:
    id: str
    district_id: str
    code: str
    name: str
    scale_id: str
    skill_id: str
    criteria: list[Criterion]


def _text(value: str, where: str, required: bool = True, limit: int = MAX_NAME) -> list[FieldProblem]:
    if required and not (value or "").strip():
        return [FieldProblem(where, "is required")]
    if len(value or "") > limit:
        return [FieldProblem(where, f"is longer than {limit} characters")]
    return []


def code_problems(code: str, where: str) -> list[FieldProblem]:
    if not CODE.match(code or ""):
        return [FieldProblem(where, f"{code!r} is not a code (letters, digits, _ . -; up to 64; no spaces)")]
    return []


def skill_problems(fields: SkillFields, band_codes: list[str], where: str = "skill") -> list[FieldProblem]:
    """Problems of one skill on its own (code uniqueness across the chain is checked against stored data)."""
    problems = code_problems(fields.code, f"{where}.code") + _text(fields.name, f"{where}.name")
    problems += _text(fields.description, f"{where}.description", required=False, limit=MAX_TEXT)
    reason = colour_problem(fields.colour)
    if reason:
        problems.append(FieldProblem(f"{where}.colour", reason))
    for band, text in fields.descriptors.items():
        if band not in band_codes:
            problems.append(FieldProblem(f"{where}.descriptors.{band}",
                                         f"{band!r} is not one of the district's grade bands {band_codes}"))
        problems += _text(text, f"{where}.descriptors.{band}", limit=MAX_TEXT)
    return problems


def text_colour_for(colour: str) -> str:
    """The text colour stored with a valid skill colour."""
    text = legible_text_colour(colour)
    if text is None:
        raise ValueError(colour_problem(colour))
    return text


def scale_problems(code: str, name: str, levels: list[Level], where: str = "scale") -> list[FieldProblem]:
    """A scale needs a code, a name and at least two levels with distinct positive ranks and distinct names."""
    problems = code_problems(code, f"{where}.code") + _text(name, f"{where}.name")
    if len(levels) < 2:
        problems.append(FieldProblem(f"{where}.levels", "needs at least two levels"))
    ranks, names = set(), set()
    for i, level in enumerate(levels):
        at = f"{where}.levels[{i}]"
        problems += _text(level.name, f"{at}.name")
        if level.rank < 1:
            problems.append(FieldProblem(f"{at}.rank", f"{level.rank} is not a rank (1 = lowest)"))
        if level.rank in ranks:
            problems.append(FieldProblem(f"{at}.rank", f"rank {level.rank} is used by another level"))
        if level.name.strip().lower() in names:
            problems.append(FieldProblem(f"{at}.name", f"{level.name!r} is used by another level"))
        ranks.add(level.rank)
        names.add(level.name.strip().lower())
    return problems


def rubric_problems(code: str, name: str, criteria: list[Criterion], scale: Scale | None,
                    where: str = "rubric") -> list[FieldProblem]:
    """A rubric is criteria x the levels of its scale, with a descriptor in every cell and no stray cells."""
    problems = code_problems(code, f"{where}.code") + _text(name, f"{where}.name")
    if scale is None:
        return problems + [FieldProblem(f"{where}.scale", "names no defined scale")]
    if not criteria:
        problems.append(FieldProblem(f"{where}.criteria", "needs at least one criterion"))
    ranks = {level.rank: level.name for level in scale.levels}
    codes: set[str] = set()
    for i, criterion in enumerate(criteria):
        at = f"{where}.criteria[{i}]"
        problems += code_problems(criterion.code, f"{at}.code") + _text(criterion.name, f"{at}.name")
        if criterion.code in codes:
            problems.append(FieldProblem(f"{at}.code", f"{criterion.code!r} is used by another criterion"))
        codes.add(criterion.code)
        for rank, level in ranks.items():
            if not (criterion.cells.get(rank) or "").strip():
                problems.append(FieldProblem(f"{at}.cells.{level}", "needs a descriptor (every cell is required)"))
        for rank in sorted(set(criterion.cells) - set(ranks)):
            problems.append(FieldProblem(f"{at}.cells.{rank}", f"level rank {rank} is not in scale {scale.code!r}"))
    return problems
