from skillfolio.media.v1 import media_pb2 as _media_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Prompt(_message.Message):
    __slots__ = ("id", "text", "retired")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    RETIRED_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    retired: bool
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., retired: bool = ...) -> None: ...

class MediaFile(_message.Message):
    __slots__ = ("kind", "file_name", "content_type", "size_bytes")
    KIND_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    kind: str
    file_name: str
    content_type: str
    size_bytes: int
    def __init__(self, kind: _Optional[str] = ..., file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class Revision(_message.Message):
    __slots__ = ("number", "text", "created_at", "kind", "media_status", "media_url", "rejection_reason", "file_name", "content_type", "size_bytes")
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MEDIA_STATUS_FIELD_NUMBER: _ClassVar[int]
    MEDIA_URL_FIELD_NUMBER: _ClassVar[int]
    REJECTION_REASON_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    number: int
    text: str
    created_at: str
    kind: str
    media_status: str
    media_url: str
    rejection_reason: str
    file_name: str
    content_type: str
    size_bytes: int
    def __init__(self, number: _Optional[int] = ..., text: _Optional[str] = ..., created_at: _Optional[str] = ..., kind: _Optional[str] = ..., media_status: _Optional[str] = ..., media_url: _Optional[str] = ..., rejection_reason: _Optional[str] = ..., file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class Reflection(_message.Message):
    __slots__ = ("id", "artifact_id", "student_id", "prompt_id", "revisions", "prompt_text")
    ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    PROMPT_ID_FIELD_NUMBER: _ClassVar[int]
    REVISIONS_FIELD_NUMBER: _ClassVar[int]
    PROMPT_TEXT_FIELD_NUMBER: _ClassVar[int]
    id: str
    artifact_id: str
    student_id: str
    prompt_id: str
    revisions: _containers.RepeatedCompositeFieldContainer[Revision]
    prompt_text: str
    def __init__(self, id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., prompt_id: _Optional[str] = ..., revisions: _Optional[_Iterable[_Union[Revision, _Mapping]]] = ..., prompt_text: _Optional[str] = ...) -> None: ...

class Feedback(_message.Message):
    __slots__ = ("id", "artifact_id", "teacher_id", "can_do", "next_steps", "created_at", "teacher_name", "disagreements", "amended")
    ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    CAN_DO_FIELD_NUMBER: _ClassVar[int]
    NEXT_STEPS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    TEACHER_NAME_FIELD_NUMBER: _ClassVar[int]
    DISAGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    AMENDED_FIELD_NUMBER: _ClassVar[int]
    id: str
    artifact_id: str
    teacher_id: str
    can_do: str
    next_steps: str
    created_at: str
    teacher_name: str
    disagreements: _containers.RepeatedScalarFieldContainer[str]
    amended: bool
    def __init__(self, id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., teacher_id: _Optional[str] = ..., can_do: _Optional[str] = ..., next_steps: _Optional[str] = ..., created_at: _Optional[str] = ..., teacher_name: _Optional[str] = ..., disagreements: _Optional[_Iterable[str]] = ..., amended: bool = ...) -> None: ...

class Comment(_message.Message):
    __slots__ = ("id", "artifact_id", "author_id", "author_role", "body", "created_at", "hidden", "author_name", "disagreements", "amended")
    ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ID_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_ROLE_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    HIDDEN_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_NAME_FIELD_NUMBER: _ClassVar[int]
    DISAGREEMENTS_FIELD_NUMBER: _ClassVar[int]
    AMENDED_FIELD_NUMBER: _ClassVar[int]
    id: str
    artifact_id: str
    author_id: str
    author_role: str
    body: str
    created_at: str
    hidden: bool
    author_name: str
    disagreements: _containers.RepeatedScalarFieldContainer[str]
    amended: bool
    def __init__(self, id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., author_id: _Optional[str] = ..., author_role: _Optional[str] = ..., body: _Optional[str] = ..., created_at: _Optional[str] = ..., hidden: bool = ..., author_name: _Optional[str] = ..., disagreements: _Optional[_Iterable[str]] = ..., amended: bool = ...) -> None: ...

class DefinePromptRequest(_message.Message):
    __slots__ = ("text",)
    TEXT_FIELD_NUMBER: _ClassVar[int]
    text: str
    def __init__(self, text: _Optional[str] = ...) -> None: ...

class DefinePromptResponse(_message.Message):
    __slots__ = ("prompt",)
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    prompt: Prompt
    def __init__(self, prompt: _Optional[_Union[Prompt, _Mapping]] = ...) -> None: ...

class ListPromptsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListPromptsResponse(_message.Message):
    __slots__ = ("prompts", "viewer_can")
    PROMPTS_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    prompts: _containers.RepeatedCompositeFieldContainer[Prompt]
    viewer_can: PromptsViewerCan
    def __init__(self, prompts: _Optional[_Iterable[_Union[Prompt, _Mapping]]] = ..., viewer_can: _Optional[_Union[PromptsViewerCan, _Mapping]] = ...) -> None: ...

class PromptsViewerCan(_message.Message):
    __slots__ = ("manage",)
    MANAGE_FIELD_NUMBER: _ClassVar[int]
    manage: bool
    def __init__(self, manage: bool = ...) -> None: ...

class UpdatePromptRequest(_message.Message):
    __slots__ = ("prompt_id", "text")
    PROMPT_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    prompt_id: str
    text: str
    def __init__(self, prompt_id: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class UpdatePromptResponse(_message.Message):
    __slots__ = ("prompt",)
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    prompt: Prompt
    def __init__(self, prompt: _Optional[_Union[Prompt, _Mapping]] = ...) -> None: ...

class RetirePromptRequest(_message.Message):
    __slots__ = ("prompt_id",)
    PROMPT_ID_FIELD_NUMBER: _ClassVar[int]
    prompt_id: str
    def __init__(self, prompt_id: _Optional[str] = ...) -> None: ...

class RetirePromptResponse(_message.Message):
    __slots__ = ("prompt",)
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    prompt: Prompt
    def __init__(self, prompt: _Optional[_Union[Prompt, _Mapping]] = ...) -> None: ...

class AddReflectionRequest(_message.Message):
    __slots__ = ("artifact_id", "text", "prompt_id", "media")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    PROMPT_ID_FIELD_NUMBER: _ClassVar[int]
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    text: str
    prompt_id: str
    media: MediaFile
    def __init__(self, artifact_id: _Optional[str] = ..., text: _Optional[str] = ..., prompt_id: _Optional[str] = ..., media: _Optional[_Union[MediaFile, _Mapping]] = ...) -> None: ...

class AddReflectionResponse(_message.Message):
    __slots__ = ("reflection", "upload")
    REFLECTION_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_FIELD_NUMBER: _ClassVar[int]
    reflection: Reflection
    upload: _media_pb2.UploadTarget
    def __init__(self, reflection: _Optional[_Union[Reflection, _Mapping]] = ..., upload: _Optional[_Union[_media_pb2.UploadTarget, _Mapping]] = ...) -> None: ...

class EditReflectionRequest(_message.Message):
    __slots__ = ("reflection_id", "text", "media")
    REFLECTION_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    MEDIA_FIELD_NUMBER: _ClassVar[int]
    reflection_id: str
    text: str
    media: MediaFile
    def __init__(self, reflection_id: _Optional[str] = ..., text: _Optional[str] = ..., media: _Optional[_Union[MediaFile, _Mapping]] = ...) -> None: ...

class EditReflectionResponse(_message.Message):
    __slots__ = ("reflection", "upload")
    REFLECTION_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_FIELD_NUMBER: _ClassVar[int]
    reflection: Reflection
    upload: _media_pb2.UploadTarget
    def __init__(self, reflection: _Optional[_Union[Reflection, _Mapping]] = ..., upload: _Optional[_Union[_media_pb2.UploadTarget, _Mapping]] = ...) -> None: ...

class CompleteReflectionUploadRequest(_message.Message):
    __slots__ = ("reflection_id", "revision", "part_etags")
    REFLECTION_ID_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    PART_ETAGS_FIELD_NUMBER: _ClassVar[int]
    reflection_id: str
    revision: int
    part_etags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, reflection_id: _Optional[str] = ..., revision: _Optional[int] = ..., part_etags: _Optional[_Iterable[str]] = ...) -> None: ...

class CompleteReflectionUploadResponse(_message.Message):
    __slots__ = ("reflection",)
    REFLECTION_FIELD_NUMBER: _ClassVar[int]
    reflection: Reflection
    def __init__(self, reflection: _Optional[_Union[Reflection, _Mapping]] = ...) -> None: ...

class GiveFeedbackRequest(_message.Message):
    __slots__ = ("artifact_id", "can_do", "next_steps")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    CAN_DO_FIELD_NUMBER: _ClassVar[int]
    NEXT_STEPS_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    can_do: str
    next_steps: str
    def __init__(self, artifact_id: _Optional[str] = ..., can_do: _Optional[str] = ..., next_steps: _Optional[str] = ...) -> None: ...

class GiveFeedbackResponse(_message.Message):
    __slots__ = ("feedback",)
    FEEDBACK_FIELD_NUMBER: _ClassVar[int]
    feedback: Feedback
    def __init__(self, feedback: _Optional[_Union[Feedback, _Mapping]] = ...) -> None: ...

class AddCommentRequest(_message.Message):
    __slots__ = ("artifact_id", "body")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    body: str
    def __init__(self, artifact_id: _Optional[str] = ..., body: _Optional[str] = ...) -> None: ...

class AddCommentResponse(_message.Message):
    __slots__ = ("comment",)
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    comment: Comment
    def __init__(self, comment: _Optional[_Union[Comment, _Mapping]] = ...) -> None: ...

class HideCommentRequest(_message.Message):
    __slots__ = ("comment_id",)
    COMMENT_ID_FIELD_NUMBER: _ClassVar[int]
    comment_id: str
    def __init__(self, comment_id: _Optional[str] = ...) -> None: ...

class HideCommentResponse(_message.Message):
    __slots__ = ("comment",)
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    comment: Comment
    def __init__(self, comment: _Optional[_Union[Comment, _Mapping]] = ...) -> None: ...

class GetDiscussionRequest(_message.Message):
    __slots__ = ("artifact_id",)
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    def __init__(self, artifact_id: _Optional[str] = ...) -> None: ...

class GetDiscussionResponse(_message.Message):
    __slots__ = ("reflections", "feedback", "comments", "viewer_can")
    REFLECTIONS_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    reflections: _containers.RepeatedCompositeFieldContainer[Reflection]
    feedback: _containers.RepeatedCompositeFieldContainer[Feedback]
    comments: _containers.RepeatedCompositeFieldContainer[Comment]
    viewer_can: DiscussionViewerCan
    def __init__(self, reflections: _Optional[_Iterable[_Union[Reflection, _Mapping]]] = ..., feedback: _Optional[_Iterable[_Union[Feedback, _Mapping]]] = ..., comments: _Optional[_Iterable[_Union[Comment, _Mapping]]] = ..., viewer_can: _Optional[_Union[DiscussionViewerCan, _Mapping]] = ...) -> None: ...

class DiscussionViewerCan(_message.Message):
    __slots__ = ("reflect", "feedback", "comment", "hide", "assess", "self_assess", "request_amendment")
    REFLECT_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    HIDE_FIELD_NUMBER: _ClassVar[int]
    ASSESS_FIELD_NUMBER: _ClassVar[int]
    SELF_ASSESS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_AMENDMENT_FIELD_NUMBER: _ClassVar[int]
    reflect: bool
    feedback: bool
    comment: bool
    hide: bool
    assess: bool
    self_assess: bool
    request_amendment: bool
    def __init__(self, reflect: bool = ..., feedback: bool = ..., comment: bool = ..., hide: bool = ..., assess: bool = ..., self_assess: bool = ..., request_amendment: bool = ...) -> None: ...
