"""Exemplars (a consented, de-identified example of a level of a skill's scale or rubric) and calibration sessions
(teachers score the same exemplars blind against the rubric), with the rules their inputs must meet."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from chassis.errors import FieldProblem
from reflections.domain.assessment import Instrument
from reflections.domain.model import require

MAX_CAPTION, MAX_TITLE, MAX_ITEMS, MAX_RATERS = 2_000, 200, 30, 40
OVERALL = "overall"          # the one criterion of a skill without a rubric: its scale's level


@dataclass(frozen=True)
class Exemplar:
    """``student_id`` and ``artifact_id`` never leave the service in a de-identified view."""

    id: str
    artifact_id: str
    student_id: str
    skill_id: str
    criterion_code: str                  # "" for the skill's overall level
    level_rank: int
    level_name: str
    caption: str                         # the nominating teacher's de-identified description of the work
    nominated_by: str
    nominated_at: dt.datetime
    status: str = "awaiting_consent"     # awaiting_consent | active | declined | withdrawn
    consent_by: str = ""                 # who consented (the student or a guardian), and in which role
    consent_role: str = ""
    consent_at: dt.datetime | None = None


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str


@dataclass(frozen=True)
class Session:
    id: str
    coach_id: str
    title: str
    skill_id: str
    skill_name: str
    levels: list[tuple[int, str]]        # (rank, name), lowest first: the scale as it was when the session began
    criteria: list[Criterion]
    exemplar_ids: list[str]
    rater_ids: list[str]
    created_at: dt.datetime
    alpha: float | None = None           # overall ordinal alpha after the latest submission
    submitted: list[str] = field(default_factory=list)   # raters who have submitted

    @property
    def ranks(self) -> list[int]:
        return [rank for rank, _ in self.levels]


@dataclass(frozen=True)
class Score:
    exemplar_id: str
    criterion_code: str
    level_rank: int


def criteria_of(instrument: Instrument) -> list[Criterion]:
    """The rubric's criteria, or the one overall criterion of a skill with a scale only."""
    if instrument.rubric is None:
        return [Criterion(OVERALL, "Overall level")]
    return [Criterion(c.code, c.name) for c in instrument.rubric.criteria]


def names_in(text: str, names: list[str]) -> list[str]:
    """The words of ``names`` (a student's given and family names) that ``text`` contains as words."""
    words = {w for name in names for w in name.split() if len(w) > 1}
    return sorted(w for w in words if re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE))


def validate_nomination(instrument: Instrument, level_rank: int, criterion_code: str, caption: str,
                        student_names: list[str]) -> None:
    problems = []
    if level_rank not in instrument.scale.ranks:
        problems.append(FieldProblem("level_rank", f"{level_rank} is not a level of scale "
                                                   f"{instrument.scale.name!r} ({instrument.scale.span()})"))
    if criterion_code and criterion_code not in {c.code for c in criteria_of(instrument)} - {OVERALL}:
        problems.append(FieldProblem("criterion_code", f"{criterion_code!r} is not a criterion of this skill's rubric"))
    if not caption.strip():
        problems.append(FieldProblem("caption", "must not be empty: describe the work without naming the student"))
    elif len(caption) > MAX_CAPTION:
        problems.append(FieldProblem("caption", f"must be at most {MAX_CAPTION} characters (got {len(caption)})"))
    elif found := names_in(caption, student_names):
        problems.append(FieldProblem("caption", f"must not name the student (found {', '.join(found)})"))
    require(*problems)


def validate_session(title: str, exemplar_ids: list[str], rater_ids: list[str]) -> None:
    problems = []
    if not title.strip() or len(title) > MAX_TITLE:
        problems.append(FieldProblem("title", f"must be 1 to {MAX_TITLE} characters"))
    if not 1 <= len(set(exemplar_ids)) <= MAX_ITEMS or len(set(exemplar_ids)) != len(exemplar_ids):
        problems.append(FieldProblem("exemplar_ids", f"must name 1 to {MAX_ITEMS} different exemplars"))
    if not 2 <= len(set(rater_ids)) <= MAX_RATERS or len(set(rater_ids)) != len(rater_ids):
        problems.append(FieldProblem("rater_ids", f"must name 2 to {MAX_RATERS} different teachers"))
    require(*problems)


def validate_scores(session: Session, scores: list[Score]) -> None:
    """Exactly one valid level for every exemplar and criterion of the session."""
    problems, seen = [], set()
    codes, items = {c.code for c in session.criteria}, set(session.exemplar_ids)
    for i, score in enumerate(scores):
        key = (score.exemplar_id, score.criterion_code)
        if score.exemplar_id not in items:
            problems.append(FieldProblem(f"scores[{i}].exemplar_id", "is not an exemplar of this session"))
        elif score.criterion_code not in codes:
            problems.append(FieldProblem(f"scores[{i}].criterion_code", "is not a criterion of this session"))
        elif key in seen:
            problems.append(FieldProblem(f"scores[{i}]", "scores this exemplar and criterion twice"))
        elif score.level_rank not in session.ranks:
            problems.append(FieldProblem(f"scores[{i}].level_rank", f"{score.level_rank} is not a level of the scale"))
        seen.add(key)
    missing = len(items) * len(codes) - len(seen & {(e, c) for e in items for c in codes})
    if missing > 0:
        problems.append(FieldProblem("scores", f"score every exemplar on every criterion ({missing} missing)"))
    require(*problems)
