from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Goal(_message.Message):
    __slots__ = ("id", "student_id", "title", "success_criteria", "skill_ids", "evidence_artifact_ids", "status", "closing_reflection", "created_at", "updated_at", "closed_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_CRITERIA_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CLOSING_REFLECTION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    student_id: str
    title: str
    success_criteria: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    evidence_artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    status: str
    closing_reflection: str
    created_at: str
    updated_at: str
    closed_at: str
    def __init__(self, id: _Optional[str] = ..., student_id: _Optional[str] = ..., title: _Optional[str] = ..., success_criteria: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., evidence_artifact_ids: _Optional[_Iterable[str]] = ..., status: _Optional[str] = ..., closing_reflection: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., closed_at: _Optional[str] = ...) -> None: ...

class SkillIds(_message.Message):
    __slots__ = ("ids",)
    IDS_FIELD_NUMBER: _ClassVar[int]
    ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, ids: _Optional[_Iterable[str]] = ...) -> None: ...

class SetGoalRequest(_message.Message):
    __slots__ = ("student_id", "title", "skill_ids", "success_criteria")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_CRITERIA_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    title: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    success_criteria: str
    def __init__(self, student_id: _Optional[str] = ..., title: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., success_criteria: _Optional[str] = ...) -> None: ...

class SetGoalResponse(_message.Message):
    __slots__ = ("goal",)
    GOAL_FIELD_NUMBER: _ClassVar[int]
    goal: Goal
    def __init__(self, goal: _Optional[_Union[Goal, _Mapping]] = ...) -> None: ...

class UpdateGoalRequest(_message.Message):
    __slots__ = ("goal_id", "title", "success_criteria", "skill_ids")
    GOAL_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SUCCESS_CRITERIA_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    goal_id: str
    title: str
    success_criteria: str
    skill_ids: SkillIds
    def __init__(self, goal_id: _Optional[str] = ..., title: _Optional[str] = ..., success_criteria: _Optional[str] = ..., skill_ids: _Optional[_Union[SkillIds, _Mapping]] = ...) -> None: ...

class UpdateGoalResponse(_message.Message):
    __slots__ = ("goal",)
    GOAL_FIELD_NUMBER: _ClassVar[int]
    goal: Goal
    def __init__(self, goal: _Optional[_Union[Goal, _Mapping]] = ...) -> None: ...

class LinkEvidenceRequest(_message.Message):
    __slots__ = ("goal_id", "artifact_ids", "unlink_artifact_ids")
    GOAL_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    UNLINK_ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    goal_id: str
    artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    unlink_artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, goal_id: _Optional[str] = ..., artifact_ids: _Optional[_Iterable[str]] = ..., unlink_artifact_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class LinkEvidenceResponse(_message.Message):
    __slots__ = ("goal",)
    GOAL_FIELD_NUMBER: _ClassVar[int]
    goal: Goal
    def __init__(self, goal: _Optional[_Union[Goal, _Mapping]] = ...) -> None: ...

class CloseGoalRequest(_message.Message):
    __slots__ = ("goal_id", "status", "closing_reflection")
    GOAL_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CLOSING_REFLECTION_FIELD_NUMBER: _ClassVar[int]
    goal_id: str
    status: str
    closing_reflection: str
    def __init__(self, goal_id: _Optional[str] = ..., status: _Optional[str] = ..., closing_reflection: _Optional[str] = ...) -> None: ...

class CloseGoalResponse(_message.Message):
    __slots__ = ("goal",)
    GOAL_FIELD_NUMBER: _ClassVar[int]
    goal: Goal
    def __init__(self, goal: _Optional[_Union[Goal, _Mapping]] = ...) -> None: ...

class ListGoalsRequest(_message.Message):
    __slots__ = ("student_id",)
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    def __init__(self, student_id: _Optional[str] = ...) -> None: ...

class ListGoalsResponse(_message.Message):
    __slots__ = ("goals", "viewer_can")
    GOALS_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    goals: _containers.RepeatedCompositeFieldContainer[Goal]
    viewer_can: GoalsViewerCan
    def __init__(self, goals: _Optional[_Iterable[_Union[Goal, _Mapping]]] = ..., viewer_can: _Optional[_Union[GoalsViewerCan, _Mapping]] = ...) -> None: ...

class GoalsViewerCan(_message.Message):
    __slots__ = ("write",)
    WRITE_FIELD_NUMBER: _ClassVar[int]
    write: bool
    def __init__(self, write: bool = ...) -> None: ...

class GetGoalRequest(_message.Message):
    __slots__ = ("goal_id",)
    GOAL_ID_FIELD_NUMBER: _ClassVar[int]
    goal_id: str
    def __init__(self, goal_id: _Optional[str] = ...) -> None: ...

class GetGoalResponse(_message.Message):
    __slots__ = ("goal",)
    GOAL_FIELD_NUMBER: _ClassVar[int]
    goal: Goal
    def __init__(self, goal: _Optional[_Union[Goal, _Mapping]] = ...) -> None: ...
