"""The REST API's discussion shapes: request bodies for reflecting, feedback and comments, and responses built
from the reflections service's protobuf messages (skillfolio.reflections.v1)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from gateway.schemas.artifacts import Body, CompleteUpload, UploadTarget
from gateway.schemas.common import MAX_INT, Count, FromProto, text
from skillfolio.reflections.v1 import reflections_pb2 as pb

# The service's own limits (reflections.domain.model), repeated so /docs shows them; the service decides.
MAX_REFLECTION, MAX_FEEDBACK_PART, MAX_COMMENT = 10_000, 5_000, 2_000


class RecordingFile(Body):
    """An audio or video reflection's file, declared before upload (its bytes go to the returned ``upload``)."""

    kind: Literal["audio", "video"]
    file_name: str = text(1000, description="The file's name, shown with the recording.")
    content_type: str = Field("", max_length=1000, description="The browser's type (the stored bytes are sniffed "
                                                               "again).")
    size_bytes: int = Field(ge=1, le=MAX_INT,
                            description="The file's size; above the kind's limit is refused before upload.")


class NewReflection(Body):
    text: str = Field("", max_length=MAX_REFLECTION, description="What the student says about the work (plain "
                                                                 "text); with ``media``, an optional caption.")
    prompt_id: str = Field("", max_length=64, description="Optional: the guided prompt answered (GET /prompts).")
    media: RecordingFile | None = Field(None, description="An audio/video reflection: the reply's ``upload`` says "
                                                          "where to send the file, then call .../complete.")


class ReflectionEdit(Body):
    text: str = Field("", max_length=MAX_REFLECTION, description="The new text (or, with ``media``, a caption); "
                                                                 "the earlier revisions are kept.")
    media: RecordingFile | None = Field(None, description="A new audio/video revision (then upload and complete).")


class CompleteRecording(CompleteUpload):
    """The revision's file is in the store (multipart uploads: with the parts' ETags)."""


class PromptText(Body):
    text: str = text(MAX_REFLECTION, description="The prompt as students see it.")


class NewFeedback(Body):
    can_do: str = text(MAX_FEEDBACK_PART, description="What the learner can do (strength-based).")
    next_steps: str = text(MAX_FEEDBACK_PART, description="The learner's next steps.")


class NewComment(Body):
    body: str = text(MAX_COMMENT, description="Plain text; shown escaped.")


class Prompt(FromProto):
    id: str
    text: str
    retired: bool = Field(description="Retired prompts are no longer offered; GET /prompts leaves them out.")


class Revision(FromProto):
    number: Count
    text: str = Field(description="The reflection (kind text), or an optional caption of a recording.")
    created_at: str
    kind: str = Field(description="text | audio | video")
    media_status: str = Field(description="Recordings: processing (awaiting upload or check) | ready | rejected.")
    media_url: str = Field(description="Ready recordings: a short-lived link to play it.")
    rejection_reason: str = Field(description="Rejected recordings: why, for people.")
    file_name: str
    content_type: str = Field(description="Ready recordings: the type sniffed from the stored bytes.")
    size_bytes: Count


class Reflection(FromProto):
    id: str
    artifact_id: str
    student_id: str
    prompt_id: str
    prompt_text: str = Field(description="The guided prompt's text as it was answered (kept when it is retired).")
    revisions: list[Revision] = Field(description="Oldest first; the last is the current text.")
    upload: UploadTarget | None = Field(None, description="After adding an audio/video revision: where to send "
                                                          "its file (the recipes: POST /artifacts/{id}/versions).")

    @classmethod
    def of(cls, msg: pb.Reflection, upload=None) -> Reflection:
        return super().of(msg, revisions=[Revision.of(r) for r in msg.revisions],
                          upload=UploadTarget.of(upload) if upload is not None else None)


class Feedback(FromProto):
    id: str
    artifact_id: str
    teacher_id: str
    can_do: str
    next_steps: str
    created_at: str
    disagreements: list[str] = Field(description="Statements of disagreement the student or a guardian attached "
                                                 "after a refused amendment, oldest first (FERPA): shown beside it.")
    amended: bool = Field(description="Changed by an amendment (its old text is kept with the request).")


class Comment(FromProto):
    id: str
    artifact_id: str
    author_id: str
    author_role: str = Field(description="student | teacher | guardian")
    body: str = Field(description="Empty when a teacher hid the comment.")
    created_at: str
    hidden: bool
    disagreements: list[str] = Field(description="Statements of disagreement the student or a guardian attached "
                                                 "after a refused amendment, oldest first (FERPA): shown beside it.")
    amended: bool = Field(description="Changed by an amendment (its old text is kept with the request).")


class Discussion(FromProto):
    """Everything said about one artifact, oldest first."""

    reflections: list[Reflection]
    feedback: list[Feedback]
    comments: list[Comment]

    @classmethod
    def of(cls, msg: pb.GetDiscussionResponse) -> Discussion:
        return cls(reflections=[Reflection.of(r) for r in msg.reflections],
                   feedback=[Feedback.of(f) for f in msg.feedback], comments=[Comment.of(c) for c in msg.comments])
