"""Reflections, their revisions, feedback, comments and prompts, and the input rules each must meet."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from chassis.errors import FieldProblem, InvalidArgument

MAX_REFLECTION = 10_000
MAX_FEEDBACK_PART = 5_000
MAX_COMMENT = 2_000
MAX_PROMPT = 500


TEXT = "text"


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    retired: bool = False


@dataclass(frozen=True)
class RevisionMedia:
    """An audio/video revision's file: what the student declared, then what the media check found."""

    file_name: str
    declared_type: str
    declared_size: int
    status: str = "processing"       # processing | ready | rejected
    content_type: str = ""           # sniffed, when ready
    size_bytes: int = 0              # as stored, when ready
    rejection_reason: str = ""
    upload_id: str = ""              # multipart uploads only
    uploaded: bool = False           # CompleteReflectionUpload was called
    checked_key: str = ""            # the media check's copy of what it checked: the only key served
    upload_expires_at: dt.datetime | None = None   # when the upload target stops working
    url: str = ""                    # a signed read URL, filled by reads when ready


@dataclass(frozen=True)
class Revision:
    number: int
    text: str
    created_at: dt.datetime
    kind: str = TEXT                 # text | audio | video
    media: RevisionMedia | None = None


@dataclass(frozen=True)
class Reflection:
    id: str
    artifact_id: str
    student_id: str
    prompt_id: str
    revisions: list[Revision] = field(default_factory=list)
    prompt_text: str = ""            # the guided prompt's text when the reflection was added

    @property
    def current_revision(self) -> int:
        return self.revisions[-1].number if self.revisions else 0


@dataclass(frozen=True)
class Feedback:
    id: str
    artifact_id: str
    student_id: str
    teacher_id: str
    can_do: str
    next_steps: str
    created_at: dt.datetime


@dataclass(frozen=True)
class Comment:
    id: str
    artifact_id: str
    student_id: str
    author_id: str
    author_role: str
    body: str
    created_at: dt.datetime
    hidden_by: str = ""

    @property
    def hidden(self) -> bool:
        return bool(self.hidden_by)


def text_problem(field_name: str, value: str, limit: int) -> FieldProblem | None:
    """Why ``value`` is not acceptable text for ``field_name`` (None when it is)."""
    if not value.strip():
        return FieldProblem(field_name, "must not be empty")
    if len(value) > limit:
        return FieldProblem(field_name, f"must be at most {limit} characters (got {len(value)})")
    return None


def require(*checks: FieldProblem | None) -> None:
    """InvalidArgument naming every field with a problem; nothing when all are fine."""
    problems = [p for p in checks if p is not None]
    if problems:
        raise InvalidArgument("; ".join(f"{p.field}: {p.reason}" for p in problems), problems)


def validate_reflection(text: str) -> None:
    require(text_problem("text", text, MAX_REFLECTION))


def caption_problem(text: str) -> FieldProblem | None:
    """An audio/video revision's text is an optional caption or transcript."""
    if len(text) > MAX_REFLECTION:
        return FieldProblem("text", f"must be at most {MAX_REFLECTION} characters (got {len(text)})")
    return None


def validate_feedback(can_do: str, next_steps: str) -> None:
    require(text_problem("can_do", can_do, MAX_FEEDBACK_PART), text_problem("next_steps", next_steps,
                                                                             MAX_FEEDBACK_PART))


def validate_comment(body: str) -> None:
    require(text_problem("body", body, MAX_COMMENT))


def validate_prompt(text: str) -> None:
    require(text_problem("text", text, MAX_PROMPT))
