"""Milestones: district milestone types scored on a rubric of the skills catalog (domain.assessment.Rubric, read
from the one catalog replica), a student's milestone (evidence, panel, one score sheet per panellist, an outcome),
panel invitations that expire, and the input rules each must meet."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from chassis.errors import FieldProblem
from reflections.domain.assessment import Rubric, level_problem
from reflections.domain.model import require, text_problem

PLANNED, COMPLETED = "planned", "completed"
OUTCOMES = ("NOT_YET", "APPROACHING", "READY", "EXCELLING")
PANEL_KINDS = ("educator", "community", "family")
MAX_NAME = 200
MAX_SHEET_COMMENT = 5_000
MAX_EVIDENCE = 50
MAX_VALID_DAYS = 90
_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class MilestoneType:
    id: str
    code: str
    name: str
    rubric_id: str
    grade_levels: tuple[str, ...]


@dataclass(frozen=True)
class Milestone:
    id: str
    student_id: str
    type_id: str
    title: str
    scheduled_on: str
    created_by: str
    created_at: dt.datetime
    status: str = PLANNED
    outcome: str = ""
    completed_at: dt.datetime | None = None
    evidence_artifact_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Invitation:
    """A panellist's seat; the guest link's token is never stored, only its SHA-256 hash."""

    id: str
    milestone_id: str
    name: str
    email: str
    kind: str
    person_id: str
    invited_at: dt.datetime
    expires_at: dt.datetime
    ended: bool = False          # in a milestone's view: its milestone completed, so the link no longer works

    def expired(self, now: dt.datetime) -> bool:
        return now >= self.expires_at


@dataclass(frozen=True)
class Score:
    criterion_code: str
    level_rank: int


@dataclass(frozen=True)
class ScoreSheet:
    invitation_id: str
    scores: tuple[Score, ...]
    comment: str
    scored_at: dt.datetime


COMPLETED_LINK = "this milestone is completed: its panel links have ended"


def link_end(invitation: Invitation, milestone: Milestone) -> dt.datetime:
    """A panel link works until it expires or its milestone completes, whichever comes first."""
    if milestone.completed_at is None:
        return invitation.expires_at
    return min(invitation.expires_at, milestone.completed_at)


def expired_message(expires_at: dt.datetime) -> str:
    return f"this panel link expired on {expires_at.astimezone(dt.UTC).date().isoformat()}"


def validate_type(code: str, name: str, rubric_id: str, grade_levels: list[str]) -> None:
    require(None if _CODE.match(code) else FieldProblem(
                "code", "must be 1-64 lowercase letters, digits or dashes, e.g. defense-of-learning"),
            text_problem("name", name, MAX_NAME),
            None if rubric_id.strip() else FieldProblem("rubric_id", "must not be empty"),
            FieldProblem("grade_levels", "must not contain an empty grade level")
            if any(not g.strip() for g in grade_levels) else None)


def validate_milestone(title: str, scheduled_on: str) -> None:
    try:
        dt.date.fromisoformat(scheduled_on)
        date_problem = None
    except ValueError:
        date_problem = FieldProblem("scheduled_on", f"must be a date YYYY-MM-DD (got {scheduled_on!r})")
    require(text_problem("title", title, MAX_NAME), date_problem)


def validate_selection(artifact_ids: list[str]) -> None:
    require(FieldProblem("artifact_ids", "must not contain an empty artifact id")
            if any(not a.strip() for a in artifact_ids) else
            FieldProblem("artifact_ids", f"select at most {MAX_EVIDENCE} artifacts")
            if len(set(artifact_ids)) > MAX_EVIDENCE else None)


def validate_invitation(name: str, email: str, kind: str, person_id: str, valid_days: int) -> None:
    require(text_problem("name", name, MAX_NAME),
            None if _EMAIL.match(email.strip()) else FieldProblem("email", f"{email!r} is not an email address"),
            None if kind in PANEL_KINDS else FieldProblem("kind", f"must be one of {', '.join(PANEL_KINDS)}"),
            FieldProblem("person_id", "only an educator panellist has a district account")
            if person_id and kind != "educator" else None,
            None if 0 <= valid_days <= MAX_VALID_DAYS else FieldProblem(
                "valid_days", f"must be between 1 and {MAX_VALID_DAYS} (0 = the district default)"))


def validate_outcome(outcome: str) -> None:
    require(None if outcome in OUTCOMES else FieldProblem("outcome", f"must be one of {', '.join(OUTCOMES)}"))


def validate_sheet(rubric: Rubric, scores: list[Score], comment: str) -> None:
    """One level per rubric criterion, each a level of the rubric's scale."""
    problems: list[FieldProblem | None] = []
    seen: set[str] = set()
    codes = rubric.criterion_codes
    for i, score in enumerate(scores):
        if score.criterion_code not in codes:
            problems.append(FieldProblem(f"scores[{i}].criterion_code",
                                         f"{score.criterion_code!r} is not a criterion of rubric {rubric.name!r}"))
        elif score.criterion_code in seen:
            problems.append(FieldProblem(f"scores[{i}].criterion_code", f"{score.criterion_code!r} is scored twice"))
        seen.add(score.criterion_code)
        problems.append(level_problem(f"scores[{i}].level_rank", score.level_rank, rubric.scale))
    missing = [c for c in codes if c not in seen]
    if missing:
        problems.append(FieldProblem("scores", f"score every criterion; missing: {', '.join(missing)}"))
    if len(comment) > MAX_SHEET_COMMENT:
        problems.append(FieldProblem("comment", f"must be at most {MAX_SHEET_COMMENT} characters"))
    require(*problems)
