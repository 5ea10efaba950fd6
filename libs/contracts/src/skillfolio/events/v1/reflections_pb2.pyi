from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class PromptDefined(_message.Message):
    __slots__ = ("prompt_id",)
    PROMPT_ID_FIELD_NUMBER: _ClassVar[int]
    prompt_id: str
    def __init__(self, prompt_id: _Optional[str] = ...) -> None: ...

class PromptChanged(_message.Message):
    __slots__ = ("prompt_id", "actor_id")
    PROMPT_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    prompt_id: str
    actor_id: str
    def __init__(self, prompt_id: _Optional[str] = ..., actor_id: _Optional[str] = ...) -> None: ...

class ReflectionChanged(_message.Message):
    __slots__ = ("reflection_id", "artifact_id", "student_id", "prompt_id", "revision")
    REFLECTION_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    PROMPT_ID_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    reflection_id: str
    artifact_id: str
    student_id: str
    prompt_id: str
    revision: int
    def __init__(self, reflection_id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., prompt_id: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class FeedbackGiven(_message.Message):
    __slots__ = ("feedback_id", "artifact_id", "student_id", "teacher_id")
    FEEDBACK_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    feedback_id: str
    artifact_id: str
    student_id: str
    teacher_id: str
    def __init__(self, feedback_id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., teacher_id: _Optional[str] = ...) -> None: ...

class CommentChanged(_message.Message):
    __slots__ = ("comment_id", "artifact_id", "student_id", "author_id", "author_role", "actor_id", "body")
    COMMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    comment_id: str
    artifact_id: str
    student_id: str
    author_id: str
    author_role: str
    actor_id: str
    body: str
    def __init__(self, comment_id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., author_id: _Optional[str] = ..., author_role: _Optional[str] = ..., actor_id: _Optional[str] = ..., body: _Optional[str] = ...) -> None: ...

class ReflectionMediaUploaded(_message.Message):
    __slots__ = ("reflection_id", "revision", "artifact_id", "student_id", "media_key", "kind")
    REFLECTION_ID_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_KEY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    reflection_id: str
    revision: int
    artifact_id: str
    student_id: str
    media_key: str
    kind: str
    def __init__(self, reflection_id: _Optional[str] = ..., revision: _Optional[int] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., media_key: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class ReflectionMediaReady(_message.Message):
    __slots__ = ("reflection_id", "revision", "artifact_id", "student_id")
    REFLECTION_ID_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    reflection_id: str
    revision: int
    artifact_id: str
    student_id: str
    def __init__(self, reflection_id: _Optional[str] = ..., revision: _Optional[int] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ...) -> None: ...

class ReflectionMediaRejected(_message.Message):
    __slots__ = ("reflection_id", "revision", "artifact_id", "student_id", "reason")
    REFLECTION_ID_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    reflection_id: str
    revision: int
    artifact_id: str
    student_id: str
    reason: str
    def __init__(self, reflection_id: _Optional[str] = ..., revision: _Optional[int] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class AssessmentRecorded(_message.Message):
    __slots__ = ("assessment_id", "artifact_id", "student_id", "skill_id", "assessor_id", "assessor_role", "level_rank", "school_year_id")
    ASSESSMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    ASSESSOR_ID_FIELD_NUMBER: _ClassVar[int]
    ASSESSOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_ID_FIELD_NUMBER: _ClassVar[int]
    assessment_id: str
    artifact_id: str
    student_id: str
    skill_id: str
    assessor_id: str
    assessor_role: str
    level_rank: int
    school_year_id: str
    def __init__(self, assessment_id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., assessor_id: _Optional[str] = ..., assessor_role: _Optional[str] = ..., level_rank: _Optional[int] = ..., school_year_id: _Optional[str] = ...) -> None: ...
