from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class GoalSet(_message.Message):
    __slots__ = ("goal_id", "student_id", "skill_ids")
    GOAL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    goal_id: str
    student_id: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, goal_id: _Optional[str] = ..., student_id: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GoalUpdated(_message.Message):
    __slots__ = ("goal_id", "student_id", "skill_ids", "evidence_artifact_ids")
    GOAL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_IDS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    goal_id: str
    student_id: str
    skill_ids: _containers.RepeatedScalarFieldContainer[str]
    evidence_artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, goal_id: _Optional[str] = ..., student_id: _Optional[str] = ..., skill_ids: _Optional[_Iterable[str]] = ..., evidence_artifact_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GoalClosed(_message.Message):
    __slots__ = ("goal_id", "student_id", "status")
    GOAL_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    goal_id: str
    student_id: str
    status: str
    def __init__(self, goal_id: _Optional[str] = ..., student_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...
