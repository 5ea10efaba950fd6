"""Events the reflections service publishes on ``reflections.events``
(payloads: protos/skillfolio/events/v1/reflections.proto)."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.events import DomainEvent


@dataclass(frozen=True)
class PromptDefined(DomainEvent):
    prompt_id: str


@dataclass(frozen=True)
class _PromptChanged(DomainEvent):
    prompt_id: str
    actor_id: str


@dataclass(frozen=True)
class PromptUpdated(_PromptChanged):
    pass


@dataclass(frozen=True)
class PromptRetired(_PromptChanged):
    pass


@dataclass(frozen=True)
class _ReflectionChanged(DomainEvent):
    reflection_id: str
    artifact_id: str
    student_id: str
    prompt_id: str = ""
    revision: int = 1


@dataclass(frozen=True)
class ReflectionAdded(_ReflectionChanged):
    pass


@dataclass(frozen=True)
class ReflectionEdited(_ReflectionChanged):
    pass


@dataclass(frozen=True)
class FeedbackGiven(DomainEvent):
    feedback_id: str
    artifact_id: str
    student_id: str
    teacher_id: str


@dataclass(frozen=True)
class _CommentChanged(DomainEvent):
    comment_id: str
    artifact_id: str
    student_id: str
    author_id: str
    author_role: str
    actor_id: str
    body: str = ""


@dataclass(frozen=True)
class CommentAdded(_CommentChanged):
    pass


@dataclass(frozen=True)
class CommentHidden(_CommentChanged):
    pass


@dataclass(frozen=True)
class ReflectionMediaUploaded(DomainEvent):
    """The student completed an audio/video revision's upload; the events role checks the bytes at ``media_key``."""

    reflection_id: str
    revision: int
    artifact_id: str
    student_id: str
    media_key: str
    kind: str


@dataclass(frozen=True)
class ReflectionMediaReady(DomainEvent):
    reflection_id: str
    revision: int
    artifact_id: str
    student_id: str


@dataclass(frozen=True)
class ReflectionMediaRejected(DomainEvent):
    reflection_id: str
    revision: int
    artifact_id: str
    student_id: str
    reason: str


@dataclass(frozen=True)
class AssessmentRecorded(DomainEvent):
    assessment_id: str
    artifact_id: str
    student_id: str
    skill_id: str
    assessor_id: str
    assessor_role: str                 # teacher | student (a self-assessment)
    level_rank: int
    school_year_id: str = ""
