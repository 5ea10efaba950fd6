from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Exemplar(_message.Message):
    __slots__ = ("id", "skill_id", "criterion_code", "level_rank", "level_name", "caption")
    ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    LEVEL_NAME_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    id: str
    skill_id: str
    criterion_code: str
    level_rank: int
    level_name: str
    caption: str
    def __init__(self, id: _Optional[str] = ..., skill_id: _Optional[str] = ..., criterion_code: _Optional[str] = ..., level_rank: _Optional[int] = ..., level_name: _Optional[str] = ..., caption: _Optional[str] = ...) -> None: ...

class Nomination(_message.Message):
    __slots__ = ("exemplar", "artifact_id", "status", "nominated_by", "nominated_at", "consent_by", "consent_role", "consent_at")
    EXEMPLAR_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    NOMINATED_BY_FIELD_NUMBER: _ClassVar[int]
    NOMINATED_AT_FIELD_NUMBER: _ClassVar[int]
    CONSENT_BY_FIELD_NUMBER: _ClassVar[int]
    CONSENT_ROLE_FIELD_NUMBER: _ClassVar[int]
    CONSENT_AT_FIELD_NUMBER: _ClassVar[int]
    exemplar: Exemplar
    artifact_id: str
    status: str
    nominated_by: str
    nominated_at: str
    consent_by: str
    consent_role: str
    consent_at: str
    def __init__(self, exemplar: _Optional[_Union[Exemplar, _Mapping]] = ..., artifact_id: _Optional[str] = ..., status: _Optional[str] = ..., nominated_by: _Optional[str] = ..., nominated_at: _Optional[str] = ..., consent_by: _Optional[str] = ..., consent_role: _Optional[str] = ..., consent_at: _Optional[str] = ...) -> None: ...

class NominateExemplarRequest(_message.Message):
    __slots__ = ("artifact_id", "skill_id", "level_rank", "caption", "criterion_code")
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    CAPTION_FIELD_NUMBER: _ClassVar[int]
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    artifact_id: str
    skill_id: str
    level_rank: int
    caption: str
    criterion_code: str
    def __init__(self, artifact_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., level_rank: _Optional[int] = ..., caption: _Optional[str] = ..., criterion_code: _Optional[str] = ...) -> None: ...

class NominateExemplarResponse(_message.Message):
    __slots__ = ("nomination",)
    NOMINATION_FIELD_NUMBER: _ClassVar[int]
    nomination: Nomination
    def __init__(self, nomination: _Optional[_Union[Nomination, _Mapping]] = ...) -> None: ...

class ConsentExemplarRequest(_message.Message):
    __slots__ = ("exemplar_id", "choice")
    EXEMPLAR_ID_FIELD_NUMBER: _ClassVar[int]
    CHOICE_FIELD_NUMBER: _ClassVar[int]
    exemplar_id: str
    choice: str
    def __init__(self, exemplar_id: _Optional[str] = ..., choice: _Optional[str] = ...) -> None: ...

class ConsentExemplarResponse(_message.Message):
    __slots__ = ("nomination",)
    NOMINATION_FIELD_NUMBER: _ClassVar[int]
    nomination: Nomination
    def __init__(self, nomination: _Optional[_Union[Nomination, _Mapping]] = ...) -> None: ...

class ListStudentExemplarsRequest(_message.Message):
    __slots__ = ("student_id",)
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    def __init__(self, student_id: _Optional[str] = ...) -> None: ...

class ListStudentExemplarsResponse(_message.Message):
    __slots__ = ("nominations",)
    NOMINATIONS_FIELD_NUMBER: _ClassVar[int]
    nominations: _containers.RepeatedCompositeFieldContainer[Nomination]
    def __init__(self, nominations: _Optional[_Iterable[_Union[Nomination, _Mapping]]] = ...) -> None: ...

class ListExemplarsRequest(_message.Message):
    __slots__ = ("skill_id",)
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    def __init__(self, skill_id: _Optional[str] = ...) -> None: ...

class ListExemplarsResponse(_message.Message):
    __slots__ = ("exemplars",)
    EXEMPLARS_FIELD_NUMBER: _ClassVar[int]
    exemplars: _containers.RepeatedCompositeFieldContainer[Exemplar]
    def __init__(self, exemplars: _Optional[_Iterable[_Union[Exemplar, _Mapping]]] = ...) -> None: ...

class CalibrationLevel(_message.Message):
    __slots__ = ("rank", "name")
    RANK_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    rank: int
    name: str
    def __init__(self, rank: _Optional[int] = ..., name: _Optional[str] = ...) -> None: ...

class CalibrationCriterion(_message.Message):
    __slots__ = ("code", "name")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class CalibrationSession(_message.Message):
    __slots__ = ("id", "coach_id", "title", "skill_id", "skill_name", "levels", "criteria", "exemplar_ids", "rater_ids", "submitted_rater_ids", "created_at", "has_alpha", "alpha")
    ID_FIELD_NUMBER: _ClassVar[int]
    COACH_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_NAME_FIELD_NUMBER: _ClassVar[int]
    LEVELS_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    EXEMPLAR_IDS_FIELD_NUMBER: _ClassVar[int]
    RATER_IDS_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_RATER_IDS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    HAS_ALPHA_FIELD_NUMBER: _ClassVar[int]
    ALPHA_FIELD_NUMBER: _ClassVar[int]
    id: str
    coach_id: str
    title: str
    skill_id: str
    skill_name: str
    levels: _containers.RepeatedCompositeFieldContainer[CalibrationLevel]
    criteria: _containers.RepeatedCompositeFieldContainer[CalibrationCriterion]
    exemplar_ids: _containers.RepeatedScalarFieldContainer[str]
    rater_ids: _containers.RepeatedScalarFieldContainer[str]
    submitted_rater_ids: _containers.RepeatedScalarFieldContainer[str]
    created_at: str
    has_alpha: bool
    alpha: float
    def __init__(self, id: _Optional[str] = ..., coach_id: _Optional[str] = ..., title: _Optional[str] = ..., skill_id: _Optional[str] = ..., skill_name: _Optional[str] = ..., levels: _Optional[_Iterable[_Union[CalibrationLevel, _Mapping]]] = ..., criteria: _Optional[_Iterable[_Union[CalibrationCriterion, _Mapping]]] = ..., exemplar_ids: _Optional[_Iterable[str]] = ..., rater_ids: _Optional[_Iterable[str]] = ..., submitted_rater_ids: _Optional[_Iterable[str]] = ..., created_at: _Optional[str] = ..., has_alpha: bool = ..., alpha: _Optional[float] = ...) -> None: ...

class CalibrationScore(_message.Message):
    __slots__ = ("exemplar_id", "criterion_code", "level_rank")
    EXEMPLAR_ID_FIELD_NUMBER: _ClassVar[int]
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    exemplar_id: str
    criterion_code: str
    level_rank: int
    def __init__(self, exemplar_id: _Optional[str] = ..., criterion_code: _Optional[str] = ..., level_rank: _Optional[int] = ...) -> None: ...

class RaterLevel(_message.Message):
    __slots__ = ("rater_id", "level_rank")
    RATER_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    rater_id: str
    level_rank: int
    def __init__(self, rater_id: _Optional[str] = ..., level_rank: _Optional[int] = ...) -> None: ...

class Divergence(_message.Message):
    __slots__ = ("exemplar_id", "levels", "spread")
    EXEMPLAR_ID_FIELD_NUMBER: _ClassVar[int]
    LEVELS_FIELD_NUMBER: _ClassVar[int]
    SPREAD_FIELD_NUMBER: _ClassVar[int]
    exemplar_id: str
    levels: _containers.RepeatedCompositeFieldContainer[RaterLevel]
    spread: int
    def __init__(self, exemplar_id: _Optional[str] = ..., levels: _Optional[_Iterable[_Union[RaterLevel, _Mapping]]] = ..., spread: _Optional[int] = ...) -> None: ...

class CriterionAgreement(_message.Message):
    __slots__ = ("criterion_code", "raters", "pairs", "defined", "exact", "adjacent", "has_alpha", "alpha", "divergent")
    CRITERION_CODE_FIELD_NUMBER: _ClassVar[int]
    RATERS_FIELD_NUMBER: _ClassVar[int]
    PAIRS_FIELD_NUMBER: _ClassVar[int]
    DEFINED_FIELD_NUMBER: _ClassVar[int]
    EXACT_FIELD_NUMBER: _ClassVar[int]
    ADJACENT_FIELD_NUMBER: _ClassVar[int]
    HAS_ALPHA_FIELD_NUMBER: _ClassVar[int]
    ALPHA_FIELD_NUMBER: _ClassVar[int]
    DIVERGENT_FIELD_NUMBER: _ClassVar[int]
    criterion_code: str
    raters: int
    pairs: int
    defined: bool
    exact: float
    adjacent: float
    has_alpha: bool
    alpha: float
    divergent: _containers.RepeatedCompositeFieldContainer[Divergence]
    def __init__(self, criterion_code: _Optional[str] = ..., raters: _Optional[int] = ..., pairs: _Optional[int] = ..., defined: bool = ..., exact: _Optional[float] = ..., adjacent: _Optional[float] = ..., has_alpha: bool = ..., alpha: _Optional[float] = ..., divergent: _Optional[_Iterable[_Union[Divergence, _Mapping]]] = ...) -> None: ...

class CalibrationViewerCan(_message.Message):
    __slots__ = ("score", "see_results")
    SCORE_FIELD_NUMBER: _ClassVar[int]
    SEE_RESULTS_FIELD_NUMBER: _ClassVar[int]
    score: bool
    see_results: bool
    def __init__(self, score: bool = ..., see_results: bool = ...) -> None: ...

class CreateCalibrationSessionRequest(_message.Message):
    __slots__ = ("title", "skill_id", "exemplar_ids", "rater_ids")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    EXEMPLAR_IDS_FIELD_NUMBER: _ClassVar[int]
    RATER_IDS_FIELD_NUMBER: _ClassVar[int]
    title: str
    skill_id: str
    exemplar_ids: _containers.RepeatedScalarFieldContainer[str]
    rater_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, title: _Optional[str] = ..., skill_id: _Optional[str] = ..., exemplar_ids: _Optional[_Iterable[str]] = ..., rater_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateCalibrationSessionResponse(_message.Message):
    __slots__ = ("session",)
    SESSION_FIELD_NUMBER: _ClassVar[int]
    session: CalibrationSession
    def __init__(self, session: _Optional[_Union[CalibrationSession, _Mapping]] = ...) -> None: ...

class SubmitCalibrationScoresRequest(_message.Message):
    __slots__ = ("session_id", "scores")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    scores: _containers.RepeatedCompositeFieldContainer[CalibrationScore]
    def __init__(self, session_id: _Optional[str] = ..., scores: _Optional[_Iterable[_Union[CalibrationScore, _Mapping]]] = ...) -> None: ...

class SubmitCalibrationScoresResponse(_message.Message):
    __slots__ = ("view",)
    VIEW_FIELD_NUMBER: _ClassVar[int]
    view: GetCalibrationSessionResponse
    def __init__(self, view: _Optional[_Union[GetCalibrationSessionResponse, _Mapping]] = ...) -> None: ...

class GetCalibrationSessionRequest(_message.Message):
    __slots__ = ("session_id",)
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class GetCalibrationSessionResponse(_message.Message):
    __slots__ = ("session", "items", "my_scores", "results", "viewer_can")
    SESSION_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    MY_SCORES_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    session: CalibrationSession
    items: _containers.RepeatedCompositeFieldContainer[Exemplar]
    my_scores: _containers.RepeatedCompositeFieldContainer[CalibrationScore]
    results: _containers.RepeatedCompositeFieldContainer[CriterionAgreement]
    viewer_can: CalibrationViewerCan
    def __init__(self, session: _Optional[_Union[CalibrationSession, _Mapping]] = ..., items: _Optional[_Iterable[_Union[Exemplar, _Mapping]]] = ..., my_scores: _Optional[_Iterable[_Union[CalibrationScore, _Mapping]]] = ..., results: _Optional[_Iterable[_Union[CriterionAgreement, _Mapping]]] = ..., viewer_can: _Optional[_Union[CalibrationViewerCan, _Mapping]] = ...) -> None: ...

class ListCalibrationSessionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListCalibrationSessionsResponse(_message.Message):
    __slots__ = ("sessions",)
    SESSIONS_FIELD_NUMBER: _ClassVar[int]
    sessions: _containers.RepeatedCompositeFieldContainer[CalibrationSession]
    def __init__(self, sessions: _Optional[_Iterable[_Union[CalibrationSession, _Mapping]]] = ...) -> None: ...

class ListCalibrationRatersRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CalibrationRater(_message.Message):
    __slots__ = ("person_id", "name")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    name: str
    def __init__(self, person_id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class ListCalibrationRatersResponse(_message.Message):
    __slots__ = ("raters",)
    RATERS_FIELD_NUMBER: _ClassVar[int]
    raters: _containers.RepeatedCompositeFieldContainer[CalibrationRater]
    def __init__(self, raters: _Optional[_Iterable[_Union[CalibrationRater, _Mapping]]] = ...) -> None: ...
