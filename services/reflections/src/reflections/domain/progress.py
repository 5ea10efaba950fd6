"""Points of progress: the district's terms (a due date per school year and term name), one formal point of progress
per student, section and term (referenced work, a strength-based comment, the level shown), the input rules each
must meet, how long its author may still change it, and a section's checklist for a term."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chassis.errors import FieldProblem
from reflections.domain.model import require, text_problem

MAX_COMMENT = 5_000
MAX_ARTIFACTS = 20
MAX_TERM_NAME = 100
EDIT_GRACE_DAYS = 7      # a point completed late stays editable this many days after its completion
DONE, MISSING, OVERDUE = "done", "missing", "overdue"


@dataclass(frozen=True)
class Term:
    id: str
    school_year_id: str
    name: str
    due_on: dt.date
    updated_at: dt.datetime


@dataclass(frozen=True)
class PointOfProgress:
    id: str
    student_id: str
    section_id: str
    term_id: str
    teacher_id: str
    skill_id: str
    level_rank: int
    level_name: str
    comment: str
    artifact_ids: tuple[str, ...]
    completed_at: dt.datetime
    updated_at: dt.datetime


def editable_until(due_on: dt.date, completed_on: dt.date) -> dt.date:
    """The last day its author may change a point: the term's due date, or for a point completed late (or within
    the last week before it) EDIT_GRACE_DAYS after its completion, whichever is later."""
    return max(due_on, completed_on + dt.timedelta(days=EDIT_GRACE_DAYS))


def current_term(terms: list[Term], today: dt.date) -> Term | None:
    """The term a checklist shows by default: the first not yet due, else the last one (None: no terms)."""
    ordered = sorted(terms, key=lambda t: (t.due_on, t.name))
    return next((t for t in ordered if t.due_on >= today), ordered[-1] if ordered else None)


def status_of(done: bool, term: Term, today: dt.date) -> str:
    return DONE if done else (OVERDUE if today > term.due_on else MISSING)


def unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(i.strip() for i in ids))


def artifacts_problem(artifact_ids: list[str]) -> FieldProblem | None:
    if not artifact_ids:
        return FieldProblem("artifact_ids", "reference at least one piece of the student's work")
    if any(not a.strip() for a in artifact_ids):
        return FieldProblem("artifact_ids", "must not contain an empty artifact id")
    if len(unique(artifact_ids)) > MAX_ARTIFACTS:
        return FieldProblem("artifact_ids", f"reference at most {MAX_ARTIFACTS} artifacts")
    return None


def comment_problem(comment: str) -> FieldProblem | None:
    if not comment.strip():
        return FieldProblem("comment", "must not be empty: say what the learner can do")
    return text_problem("comment", comment, MAX_COMMENT)


def validate_point(student_id: str, section_id: str, term_id: str, skill_id: str, comment: str,
                   artifact_ids: list[str]) -> None:
    require(*(FieldProblem(name, "must not be empty") for name, value in
              (("student_id", student_id), ("section_id", section_id), ("term_id", term_id),
               ("skill_id", skill_id)) if not value.strip()),
            comment_problem(comment), artifacts_problem(artifact_ids))


def validate_change(comment: str | None, artifact_ids: list[str] | None) -> None:
    require(comment_problem(comment) if comment is not None else None,
            artifacts_problem(artifact_ids) if artifact_ids is not None else None)


def parse_due_on(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        require(FieldProblem("due_on", f"must be a date YYYY-MM-DD (got {value!r})"))
        raise AssertionError("unreachable") from None


def validate_term(school_year_id: str, name: str, due_on: str, year_span: tuple[str, str] | None) -> dt.date:
    """The due date of a valid term; InvalidArgument naming each bad field. ``year_span``: the school year's
    (start, end) dates when known here; a due date must fall inside it."""
    require(FieldProblem("school_year_id", "must not be empty") if not school_year_id.strip() else None,
            text_problem("name", name, MAX_TERM_NAME))
    day = parse_due_on(due_on)
    if year_span is not None and all(year_span):
        start, end = year_span
        if not start <= day.isoformat() <= end:
            require(FieldProblem("due_on", f"must fall within the school year ({start} to {end})"))
    return day
