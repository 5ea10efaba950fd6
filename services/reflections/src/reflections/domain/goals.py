"""A student's goal: skills it is tied to, success criteria, evidence (artifact links), a status and a closing
reflection; and the input rules each must meet."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from chassis.errors import FieldProblem
from reflections.domain.model import require, text_problem

ACTIVE = "active"
CLOSING_STATUSES = ("achieved", "not_achieved", "withdrawn")
MAX_TITLE = 200
MAX_CRITERIA = 5_000
MAX_CLOSING = 10_000
MAX_SKILLS = 20
MAX_EVIDENCE = 100


@dataclass(frozen=True)
class Goal:
    id: str
    student_id: str
    title: str
    success_criteria: str
    skill_ids: tuple[str, ...]
    created_at: dt.datetime
    updated_at: dt.datetime
    evidence_artifact_ids: tuple[str, ...] = ()
    status: str = ACTIVE
    closing_reflection: str = ""
    closed_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.status == ACTIVE


@dataclass(frozen=True)
class GoalChange:
    """What UpdateGoal asks to change; None leaves a field as it is."""

    title: str | None = None
    success_criteria: str | None = None
    skill_ids: list[str] | None = field(default=None)


def unique(ids: list[str]) -> list[str]:
    """The ids with surrounding blanks removed, each once, in their first order."""
    return list(dict.fromkeys(i.strip() for i in ids))


def skills_problem(skill_ids: list[str]) -> FieldProblem | None:
    if not skill_ids:
        return FieldProblem("skill_ids", "name at least one skill")
    if any(not s.strip() for s in skill_ids):
        return FieldProblem("skill_ids", "must not contain an empty skill id")
    if len(unique(skill_ids)) > MAX_SKILLS:
        return FieldProblem("skill_ids", f"name at most {MAX_SKILLS} skills")
    return None


def validate_goal(title: str, success_criteria: str, skill_ids: list[str]) -> None:
    require(text_problem("title", title, MAX_TITLE), text_problem("success_criteria", success_criteria, MAX_CRITERIA),
            skills_problem(skill_ids))


def validate_change(change: GoalChange) -> None:
    require(text_problem("title", change.title, MAX_TITLE) if change.title is not None else None,
            text_problem("success_criteria", change.success_criteria, MAX_CRITERIA)
            if change.success_criteria is not None else None,
            skills_problem(change.skill_ids) if change.skill_ids is not None else None)


def validate_evidence(artifact_ids: list[str], unlink_ids: list[str]) -> None:
    problem = None
    if not artifact_ids and not unlink_ids:
        problem = FieldProblem("artifact_ids", "name at least one artifact to link or unlink")
    elif any(not a.strip() for a in [*artifact_ids, *unlink_ids]):
        problem = FieldProblem("artifact_ids", "must not contain an empty artifact id")
    require(problem)


def validate_close(status: str, closing_reflection: str) -> None:
    status_problem = None if status in CLOSING_STATUSES else FieldProblem(
        "status", f"must be one of {', '.join(CLOSING_STATUSES)} (got {status!r})")
    require(status_problem, text_problem("closing_reflection", closing_reflection, MAX_CLOSING))
