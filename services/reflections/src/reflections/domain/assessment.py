"""Assessments ("points of progress"): the instrument a skill is assessed with (its scale's levels and, when it has
one, its rubric's criteria), an assessment against it, and the rules an assessment must meet."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from chassis.errors import FieldProblem
from reflections.domain.model import require

MAX_ASSESSMENT_COMMENT = 5_000


@dataclass(frozen=True)
class Level:
    rank: int
    name: str
    description: str = ""


@dataclass(frozen=True)
class Scale:
    id: str
    name: str
    levels: list[Level]                  # lowest rank first

    @property
    def ranks(self) -> list[int]:
        return [level.rank for level in self.levels]

    @property
    def max_rank(self) -> int:
        return max(self.ranks, default=0)

    def level_name(self, rank: int) -> str:
        return next((level.name for level in self.levels if level.rank == rank), "")

    def span(self) -> str:
        """The ranks as people read them: "1-4" for consecutive ranks, else "1, 2, 5"."""
        ranks = self.ranks
        if ranks and ranks == list(range(ranks[0], ranks[-1] + 1)):
            return f"{ranks[0]}-{ranks[-1]}"
        return ", ".join(str(r) for r in ranks)


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    descriptors: dict[int, str]          # level rank -> descriptor


@dataclass(frozen=True)
class Rubric:
    id: str
    name: str
    scale: Scale
    criteria: list[Criterion]

    @property
    def criterion_codes(self) -> list[str]:
        return [c.code for c in self.criteria]


@dataclass(frozen=True)
class Instrument:
    """What the "assess" form shows for one skill: its scale's levels and, when it has one, its rubric."""

    skill_id: str
    skill_name: str
    scale: Scale
    rubric: Rubric | None = None


@dataclass(frozen=True)
class CriterionLevel:
    criterion_code: str
    level_rank: int


@dataclass(frozen=True)
class Assessment:
    id: str
    artifact_id: str
    student_id: str
    skill_id: str
    assessor_id: str
    assessor_role: str                   # teacher | student
    level_rank: int
    level_name: str
    comment: str
    assessed_at: dt.datetime
    criterion_levels: list[CriterionLevel] = field(default_factory=list)


def level_problem(where: str, rank: int, scale: Scale) -> FieldProblem | None:
    if rank in scale.ranks:
        return None
    return FieldProblem(where, f"{rank} is not a level of scale {scale.name!r} ({scale.span()})")


def assessment_problems(instrument: Instrument, level_rank: int, comment: str,
                        criterion_levels: list[CriterionLevel], comment_required: bool) -> list[FieldProblem]:
    """Every problem of an assessment against ``instrument`` (empty when it is acceptable)."""
    problems = [p for p in [level_problem("level_rank", level_rank, instrument.scale)] if p]
    if comment_required and not comment.strip():
        problems.append(FieldProblem("comment", "must not be empty: say what the learner can do"))
    if len(comment) > MAX_ASSESSMENT_COMMENT:
        problems.append(FieldProblem("comment", f"must be at most {MAX_ASSESSMENT_COMMENT} characters "
                                                f"(got {len(comment)})"))
    rubric = instrument.rubric
    if criterion_levels and rubric is None:
        problems.append(FieldProblem("criterion_levels", f"skill {instrument.skill_name!r} has no rubric"))
        return problems
    codes = {c.code for c in rubric.criteria} if rubric else set()
    seen: set[str] = set()
    for i, chosen in enumerate(criterion_levels):
        where = f"criterion_levels[{i}]"
        if chosen.criterion_code not in codes:
            problems.append(FieldProblem(f"{where}.criterion_code", f"{chosen.criterion_code!r} is not a "
                                                                    f"criterion of rubric {rubric.name!r}"))
        elif chosen.criterion_code in seen:
            problems.append(FieldProblem(f"{where}.criterion_code", f"{chosen.criterion_code!r} is given twice"))
        seen.add(chosen.criterion_code)
        if problem := level_problem(f"{where}.level_rank", chosen.level_rank, rubric.scale):
            problems.append(problem)
    return problems


def validate_assessment(instrument: Instrument, level_rank: int, comment: str,
                        criterion_levels: list[CriterionLevel], comment_required: bool) -> None:
    """InvalidArgument naming every bad field; nothing when the assessment fits the instrument."""
    require(*assessment_problems(instrument, level_rank, comment, criterion_levels, comment_required))
