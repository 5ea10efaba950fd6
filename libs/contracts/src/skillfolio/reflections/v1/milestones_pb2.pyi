from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ScaleLevel(_message.Message):
    __slots__ = ("rank", "name", "description")
    RANK_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    rank: int
    name: str
    description: str
    def __init__(self, rank: _Optional[int] = ..., name: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class RubricCriterion(_message.Message):
    __slots__ = ("code", "name", "descriptors")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTORS_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    descriptors: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., descriptors: _Optional[_Iterable[str]] = ...) -> None: ...

class MilestoneType(_message.Message):
    __slots__ = ("id", "code", "name", "rubric_id", "grade_levels", "criteria", "levels", "rubric_name", "rubric_criteria")
    ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RUBRIC_ID_FIELD_NUMBER: _ClassVar[int]
    GRADE_LEVELS_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    LEVELS_FIELD_NUMBER: _ClassVar[int]
    RUBRIC_NAME_FIELD_NUMBER: _ClassVar[int]
    RUBRIC_CRITERIA_FIELD_NUMBER: _ClassVar[int]
    id: str
    code: str
    name: str
    rubric_id: str
    grade_levels: _containers.RepeatedScalarFieldContainer[str]
    criteria: _containers.RepeatedScalarFieldContainer[str]
    levels: _containers.RepeatedCompositeFieldContainer[ScaleLevel]
    rubric_name: str
    rubric_criteria: _containers.RepeatedCompositeFieldContainer[RubricCriterion]
    def __init__(self, id: _Optional[str] = ..., code: _Optional[str] = ..., name: _Optional[str] = ..., rubric_id: _Optional[str] = ..., grade_levels: _Optional[_Iterable[str]] = ..., criteria: _Optional[_Iterable[str]] = ..., levels: _Optional[_Iterable[_Union[ScaleLevel, _Mapping]]] = ..., rubric_name: _Optional[str] = ..., rubric_criteria: _Optional[_Iterable[_Union[RubricCriterion, _Mapping]]] = ...) -> None: ...

class CriterionScore(_message.Message):
    __slots__ = ("criterion_code", "level_rank", "level_name")
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    LEVEL_NAME_FIELD_NUMBER: _ClassVar[int]
    criterion_code: str
    level_rank: int
    level_name: str
    def __init__(self, criterion_code: _Optional[str] = ..., level_rank: _Optional[int] = ..., level_name: _Optional[str] = ...) -> None: ...

class ScoreSheet(_message.Message):
    __slots__ = ("invitation_id", "panellist_name", "panellist_kind", "scores", "comment", "scored_at")
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    PANELLIST_NAME_FIELD_NUMBER: _ClassVar[int]
    PANELLIST_KIND_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    SCORED_AT_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    panellist_name: str
    panellist_kind: str
    scores: _containers.RepeatedCompositeFieldContainer[CriterionScore]
    comment: str
    scored_at: str
    def __init__(self, invitation_id: _Optional[str] = ..., panellist_name: _Optional[str] = ..., panellist_kind: _Optional[str] = ..., scores: _Optional[_Iterable[_Union[CriterionScore, _Mapping]]] = ..., comment: _Optional[str] = ..., scored_at: _Optional[str] = ...) -> None: ...

class Panellist(_message.Message):
    __slots__ = ("invitation_id", "name", "email", "kind", "person_id", "invited_at", "expires_at", "link_ended")
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    INVITED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    LINK_ENDED_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    name: str
    email: str
    kind: str
    person_id: str
    invited_at: str
    expires_at: str
    link_ended: bool
    def __init__(self, invitation_id: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., kind: _Optional[str] = ..., person_id: _Optional[str] = ..., invited_at: _Optional[str] = ..., expires_at: _Optional[str] = ..., link_ended: bool = ...) -> None: ...

class Milestone(_message.Message):
    __slots__ = ("id", "student_id", "type", "title", "scheduled_on", "status", "outcome", "evidence_artifact_ids", "panellists", "score_sheets", "created_by", "created_at", "completed_at", "viewer_can")
    ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_ON_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    PANELLISTS_FIELD_NUMBER: _ClassVar[int]
    SCORE_SHEETS_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    id: str
    student_id: str
    type: MilestoneType
    title: str
    scheduled_on: str
    status: str
    outcome: str
    evidence_artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    panellists: _containers.RepeatedCompositeFieldContainer[Panellist]
    score_sheets: _containers.RepeatedCompositeFieldContainer[ScoreSheet]
    created_by: str
    created_at: str
    completed_at: str
    viewer_can: MilestoneViewerCan
    def __init__(self, id: _Optional[str] = ..., student_id: _Optional[str] = ..., type: _Optional[_Union[MilestoneType, _Mapping]] = ..., title: _Optional[str] = ..., scheduled_on: _Optional[str] = ..., status: _Optional[str] = ..., outcome: _Optional[str] = ..., evidence_artifact_ids: _Optional[_Iterable[str]] = ..., panellists: _Optional[_Iterable[_Union[Panellist, _Mapping]]] = ..., score_sheets: _Optional[_Iterable[_Union[ScoreSheet, _Mapping]]] = ..., created_by: _Optional[str] = ..., created_at: _Optional[str] = ..., completed_at: _Optional[str] = ..., viewer_can: _Optional[_Union[MilestoneViewerCan, _Mapping]] = ...) -> None: ...

class MilestoneViewerCan(_message.Message):
    __slots__ = ("select_evidence", "invite", "record_outcome", "score")
    SELECT_EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    INVITE_FIELD_NUMBER: _ClassVar[int]
    RECORD_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    select_evidence: bool
    invite: bool
    record_outcome: bool
    score: bool
    def __init__(self, select_evidence: bool = ..., invite: bool = ..., record_outcome: bool = ..., score: bool = ...) -> None: ...

class MilestonesViewerCan(_message.Message):
    __slots__ = ("create",)
    CREATE_FIELD_NUMBER: _ClassVar[int]
    create: bool
    def __init__(self, create: bool = ...) -> None: ...

class DefineMilestoneTypeRequest(_message.Message):
    __slots__ = ("code", "name", "rubric_id", "grade_levels")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RUBRIC_ID_FIELD_NUMBER: _ClassVar[int]
    GRADE_LEVELS_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    rubric_id: str
    grade_levels: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., rubric_id: _Optional[str] = ..., grade_levels: _Optional[_Iterable[str]] = ...) -> None: ...

class DefineMilestoneTypeResponse(_message.Message):
    __slots__ = ("type",)
    TYPE_FIELD_NUMBER: _ClassVar[int]
    type: MilestoneType
    def __init__(self, type: _Optional[_Union[MilestoneType, _Mapping]] = ...) -> None: ...

class ListMilestoneTypesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListMilestoneTypesResponse(_message.Message):
    __slots__ = ("types",)
    TYPES_FIELD_NUMBER: _ClassVar[int]
    types: _containers.RepeatedCompositeFieldContainer[MilestoneType]
    def __init__(self, types: _Optional[_Iterable[_Union[MilestoneType, _Mapping]]] = ...) -> None: ...

class CreateMilestoneRequest(_message.Message):
    __slots__ = ("student_id", "type_id", "title", "scheduled_on")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_ON_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    type_id: str
    title: str
    scheduled_on: str
    def __init__(self, student_id: _Optional[str] = ..., type_id: _Optional[str] = ..., title: _Optional[str] = ..., scheduled_on: _Optional[str] = ...) -> None: ...

class CreateMilestoneResponse(_message.Message):
    __slots__ = ("milestone",)
    MILESTONE_FIELD_NUMBER: _ClassVar[int]
    milestone: Milestone
    def __init__(self, milestone: _Optional[_Union[Milestone, _Mapping]] = ...) -> None: ...

class SelectEvidenceRequest(_message.Message):
    __slots__ = ("milestone_id", "artifact_ids")
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_IDS_FIELD_NUMBER: _ClassVar[int]
    milestone_id: str
    artifact_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, milestone_id: _Optional[str] = ..., artifact_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class SelectEvidenceResponse(_message.Message):
    __slots__ = ("milestone",)
    MILESTONE_FIELD_NUMBER: _ClassVar[int]
    milestone: Milestone
    def __init__(self, milestone: _Optional[_Union[Milestone, _Mapping]] = ...) -> None: ...

class InvitePanellistRequest(_message.Message):
    __slots__ = ("milestone_id", "name", "email", "kind", "person_id", "valid_days")
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    VALID_DAYS_FIELD_NUMBER: _ClassVar[int]
    milestone_id: str
    name: str
    email: str
    kind: str
    person_id: str
    valid_days: int
    def __init__(self, milestone_id: _Optional[str] = ..., name: _Optional[str] = ..., email: _Optional[str] = ..., kind: _Optional[str] = ..., person_id: _Optional[str] = ..., valid_days: _Optional[int] = ...) -> None: ...

class InvitePanellistResponse(_message.Message):
    __slots__ = ("panellist", "guest_url_token")
    PANELLIST_FIELD_NUMBER: _ClassVar[int]
    GUEST_URL_TOKEN_FIELD_NUMBER: _ClassVar[int]
    panellist: Panellist
    guest_url_token: str
    def __init__(self, panellist: _Optional[_Union[Panellist, _Mapping]] = ..., guest_url_token: _Optional[str] = ...) -> None: ...

class RedeemInvitationRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class RedeemInvitationResponse(_message.Message):
    __slots__ = ("invitation_id", "milestone_id", "panellist_name", "expires_at")
    INVITATION_ID_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    PANELLIST_NAME_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    invitation_id: str
    milestone_id: str
    panellist_name: str
    expires_at: str
    def __init__(self, invitation_id: _Optional[str] = ..., milestone_id: _Optional[str] = ..., panellist_name: _Optional[str] = ..., expires_at: _Optional[str] = ...) -> None: ...

class ScoreMilestoneRequest(_message.Message):
    __slots__ = ("milestone_id", "scores", "comment")
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    milestone_id: str
    scores: _containers.RepeatedCompositeFieldContainer[CriterionScore]
    comment: str
    def __init__(self, milestone_id: _Optional[str] = ..., scores: _Optional[_Iterable[_Union[CriterionScore, _Mapping]]] = ..., comment: _Optional[str] = ...) -> None: ...

class ScoreMilestoneResponse(_message.Message):
    __slots__ = ("sheet",)
    SHEET_FIELD_NUMBER: _ClassVar[int]
    sheet: ScoreSheet
    def __init__(self, sheet: _Optional[_Union[ScoreSheet, _Mapping]] = ...) -> None: ...

class RecordOutcomeRequest(_message.Message):
    __slots__ = ("milestone_id", "outcome")
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    milestone_id: str
    outcome: str
    def __init__(self, milestone_id: _Optional[str] = ..., outcome: _Optional[str] = ...) -> None: ...

class RecordOutcomeResponse(_message.Message):
    __slots__ = ("milestone",)
    MILESTONE_FIELD_NUMBER: _ClassVar[int]
    milestone: Milestone
    def __init__(self, milestone: _Optional[_Union[Milestone, _Mapping]] = ...) -> None: ...

class GetMilestoneRequest(_message.Message):
    __slots__ = ("milestone_id",)
    MILESTONE_ID_FIELD_NUMBER: _ClassVar[int]
    milestone_id: str
    def __init__(self, milestone_id: _Optional[str] = ...) -> None: ...

class GetMilestoneResponse(_message.Message):
    __slots__ = ("milestone",)
    MILESTONE_FIELD_NUMBER: _ClassVar[int]
    milestone: Milestone
    def __init__(self, milestone: _Optional[_Union[Milestone, _Mapping]] = ...) -> None: ...

class ListMilestonesRequest(_message.Message):
    __slots__ = ("student_id",)
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    def __init__(self, student_id: _Optional[str] = ...) -> None: ...

class ListMilestonesResponse(_message.Message):
    __slots__ = ("milestones", "viewer_can")
    MILESTONES_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    milestones: _containers.RepeatedCompositeFieldContainer[Milestone]
    viewer_can: MilestonesViewerCan
    def __init__(self, milestones: _Optional[_Iterable[_Union[Milestone, _Mapping]]] = ..., viewer_can: _Optional[_Union[MilestonesViewerCan, _Mapping]] = ...) -> None: ...
