"""Amendment of a record a student or guardian believes inaccurate (a comment, a feedback text, an assessment's
comment): the request, its decision (amended, the old text kept, or refused with a reason) and the requester's
statement of disagreement after a refusal (FERPA), with the rules each step's input must meet."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from chassis.errors import Conflict, FieldProblem, InvalidArgument
from reflections.domain.model import MAX_COMMENT, MAX_FEEDBACK_PART, require, text_problem

MAX_REASON = 2_000
MAX_STATEMENT = 5_000


class RecordType(StrEnum):
    COMMENT = "comment"
    FEEDBACK = "feedback"
    ASSESSMENT = "assessment"


class Status(StrEnum):
    PENDING = "pending"
    AMENDED = "amended"
    REFUSED = "refused"


# the texts of each kind of record an amendment may change, with each one's limit
FIELDS: dict[RecordType, dict[str, int]] = {
    RecordType.COMMENT: {"body": MAX_COMMENT},
    RecordType.FEEDBACK: {"can_do": MAX_FEEDBACK_PART, "next_steps": MAX_FEEDBACK_PART},
    RecordType.ASSESSMENT: {"comment": 5_000},
}


@dataclass(frozen=True)
class Record:
    """The record an amendment is about, as the request sees it: whose, who wrote it (in which role), its texts."""

    type: RecordType
    id: str
    artifact_id: str
    student_id: str
    author_id: str
    author_role: str                 # teacher | student | guardian
    texts: dict[str, str]


@dataclass(frozen=True)
class AmendmentRequest:
    id: str
    record_type: RecordType
    record_id: str
    artifact_id: str
    student_id: str
    requester_id: str
    requester_role: str              # student | guardian
    reason: str
    requested_at: dt.datetime
    status: Status = Status.PENDING
    decided_by: str = ""
    decider_role: str = ""           # author | privacy_officer
    decision_reason: str = ""        # a refusal's reason (an amendment's note, if any)
    decided_at: dt.datetime | None = None
    previous: dict[str, str] = field(default_factory=dict)    # the texts before the amendment (its history)
    amended: dict[str, str] = field(default_factory=dict)     # the texts it set
    disagreement: str = ""           # the requester's statement after a refusal, shown beside the record
    disagreement_at: dt.datetime | None = None


def record_type_of(value: str) -> RecordType:
    try:
        return RecordType(value)
    except ValueError:
        raise InvalidArgument(f"record_type: {value!r} is not one of comment, feedback, assessment",
                              [FieldProblem("record_type", "must be comment, feedback or assessment")]) from None


def validate_reason(reason: str, field_name: str = "reason") -> None:
    require(text_problem(field_name, reason, MAX_REASON))


def validate_statement(statement: str) -> None:
    require(text_problem("statement", statement, MAX_STATEMENT))


def amended_texts(record: Record, texts: dict[str, str]) -> dict[str, str]:
    """The record's texts after the amendment: every given field must be one of the record's, within its limit,
    and at least one must change; fields not given keep their text."""
    limits = FIELDS[record.type]
    problems = [FieldProblem(f"texts.{name}", f"is not a text of a {record.type.value}") for name in texts
                if name not in limits]
    problems += [p for name, text in texts.items() if name in limits
                 for p in [text_problem(f"texts.{name}", text, limits[name])] if p]
    require(*problems)
    result = {**record.texts, **texts}
    if result == record.texts:
        raise InvalidArgument("texts: the amendment changes nothing", [FieldProblem("texts", "must change the text")])
    return result


def require_pending(request: AmendmentRequest) -> None:
    if request.status is not Status.PENDING:
        raise Conflict(f"amendment_id: the request was already {request.status.value}",
                       [FieldProblem("amendment_id", f"is already {request.status.value}")])


def require_refused_without_statement(request: AmendmentRequest) -> None:
    if request.status is not Status.REFUSED:
        raise Conflict("amendment_id: a statement of disagreement follows a refusal",
                       [FieldProblem("amendment_id", f"is {request.status.value}, not refused")])
    if request.disagreement:
        raise Conflict("amendment_id: a statement of disagreement is already attached",
                       [FieldProblem("amendment_id", "already has a statement of disagreement")])


@dataclass(frozen=True)
class Notes:
    """What a record's readers (and every export) see of its amendments: whether it was amended, and the
    statements of disagreement attached after refusals, oldest first."""

    amended: bool = False
    disagreements: tuple[str, ...] = ()


def notes_of(decided: list[AmendmentRequest]) -> dict[str, Notes]:
    """{record id: Notes} from decided requests, oldest first."""
    notes: dict[str, Notes] = {}
    for item in decided:
        now = notes.get(item.record_id, Notes())
        notes[item.record_id] = Notes(now.amended or item.status is Status.AMENDED,
                                      now.disagreements + ((item.disagreement,) if item.disagreement else ()))
    return notes
