from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class MilestoneTypeDefined(_message.Message):
    __slots__ = ("type_id", "code", "name", "rubric_id", "grade_levels")
    TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RUBRIC_ID_FIELD_NUMBER: _ClassVar[int]
    GRADE_LEVELS_FIELD_NUMBER: _ClassVar[int]
    type_id: str
    code: str
    name: str
    rubric_id: str
    grade_levels: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, type_id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., rubric_id: _Optional[str] = ..., grade_levels: _Optional[_Iterable[str]] = ...) -> None: ...

class MilestoneCreated(_message.Message):
    __slots__ = ("milestone_id", "student_id", "type_id", "type_code", "scheduled_on", "teacher_id")
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_CODE_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_ON_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    milestone_id: str
    student_id: str
    type_id: str
    type_code: str
    scheduled_on: str
    teacher_id: str
    def __init__(self, milestone_id: _Optional[str] = ..., student_id: _Optional[str] = ..., type_id: _Optional[str] = ..., type_code: _Optional[str] = ..., scheduled_on: _Optional[str] = ..., teacher_id: _Optional[str] = ...) -> None: ...

class MilestoneEvidenceSelected(_message.Message):
    __slots__ = ("milestone_id", "student_id", "artifact_ids")
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    milestone_id: str
    student_id: str
    artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, milestone_id: _Optional[str] = ..., student_id: _Optional[str] = ..., artifact_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class PanellistInvited(_message.Message):
    __slots__ = ("invitation_id", "milestone_id", "student_id", "kind", "person_id", "expires_at", "teacher_id")
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    milestone_id: str
    student_id: str
    kind: str
    person_id: str
    expires_at: str
    teacher_id: str
    def __init__(self, invitation_id: _Optional[str] = ..., milestone_id: _Optional[str] = ..., student_id: _Optional[str] = ..., kind: _Optional[str] = ..., person_id: _Optional[str] = ..., expires_at: _Optional[str] = ..., teacher_id: _Optional[str] = ...) -> None: ...

class MilestoneScored(_message.Message):
    __slots__ = ("milestone_id", "student_id", "invitation_id", "panellist_kind")
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    PANELLIST_KIND_FIELD_NUMBER: _ClassVar[int]
    milestone_id: str
    student_id: str
    invitation_id: str
    panellist_kind: str
    def __init__(self, milestone_id: _Optional[str] = ..., student_id: _Optional[str] = ..., invitation_id: _Optional[str] = ..., panellist_kind: _Optional[str] = ...) -> None: ...

class MilestoneCompleted(_message.Message):
    __slots__ = ("milestone_id", "student_id", "school_id", "grade_level", "type_code", "outcome", "teacher_id")
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_ID_FIELD_NUMBER: _ClassVar[int]
    GRADE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_CODE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    TEACHER_ID_FIELD_NUMBER: _ClassVar[int]
    milestone_id: str
    student_id: str
    school_id: str
    grade_level: str
    type_code: str
    outcome: str
    teacher_id: str
    def __init__(self, milestone_id: _Optional[str] = ..., student_id: _Optional[str] = ..., school_id: _Optional[str] = ..., grade_level: _Optional[str] = ..., type_code: _Optional[str] = ..., outcome: _Optional[str] = ..., teacher_id: _Optional[str] = ...) -> None: ...
