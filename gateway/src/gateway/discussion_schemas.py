"""The REST API's discussion shapes: request bodies for reflecting, feedback and comments, and responses built
from the reflections service's protobuf messages (skillfolio.reflections.v1)."""
from __future__ import annotations

from pydantic import Field

from skillfolio.reflections.v1 import reflections_pb2 as pb

from gateway.artifact_schemas import Body
from gateway.schemas import FromProto

# The service's own limits (reflections.domain.model), repeated so /docs shows them; the service decides.
MAX_REFLECTION, MAX_FEEDBACK_PART, MAX_COMMENT = 10_000, 5_000, 2_000


class NewReflection(Body):
    text: str = Field(max_length=MAX_REFLECTION, description="What the student says about the work (plain text).")
    prompt_id: str = Field("", max_length=64, description="Optional: the guided prompt answered (GET /prompts).")


class ReflectionEdit(Body):
    text: str = Field(max_length=MAX_REFLECTION, description="The new text; the earlier revisions are kept.")


class NewFeedback(Body):
    can_do: str = Field(max_length=MAX_FEEDBACK_PART, description="What the learner can do (strength-based).")
    next_steps: str = Field(max_length=MAX_FEEDBACK_PART, description="The learner's next steps.")


class NewComment(Body):
    body: str = Field(max_length=MAX_COMMENT, description="Plain text; shown escaped.")


class Prompt(FromProto):
    id: str
    text: str


class Revision(FromProto):
    number: int
    text: str
    created_at: str


class Reflection(FromProto):
    id: str
    artifact_id: str
    student_id: str
    prompt_id: str
    revisions: list[Revision] = Field(description="Oldest first; the last is the current text.")

    @classmethod
    def of(cls, msg: pb.Reflection) -> "Reflection":
        return super().of(msg, revisions=[Revision.of(r) for r in msg.revisions])


class Feedback(FromProto):
    id: str
    artifact_id: str
    teacher_id: str
    can_do: str
    next_steps: str
    created_at: str


class Comment(FromProto):
    id: str
    artifact_id: str
    author_id: str
    author_role: str = Field(description="student | teacher | guardian")
    body: str = Field(description="Empty when a teacher hid the comment.")
    created_at: str
    hidden: bool


class Discussion(FromProto):
    """Everything said about one artifact, oldest first."""

    reflections: list[Reflection]
    feedback: list[Feedback]
    comments: list[Comment]

    @classmethod
    def of(cls, msg: pb.GetDiscussionResponse) -> "Discussion":
        return cls(reflections=[Reflection.of(r) for r in msg.reflections],
                   feedback=[Feedback.of(f) for f in msg.feedback], comments=[Comment.of(c) for c in msg.comments])
