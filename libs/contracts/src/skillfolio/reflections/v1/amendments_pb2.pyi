from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AmendedText(_message.Message):
    __slots__ = ("field", "text")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    field: str
    text: str
    def __init__(self, field: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class AmendmentViewerCan(_message.Message):
    __slots__ = ("decide", "disagree")
    DECIDE_FIELD_NUMBER: _ClassVar[int]
    DISAGREE_FIELD_NUMBER: _ClassVar[int]
    decide: bool
    disagree: bool
    def __init__(self, decide: bool = ..., disagree: bool = ...) -> None: ...

class Amendment(_message.Message):
    __slots__ = ("id", "record_type", "record_id", "artifact_id", "student_id", "requester_id", "requester_role", "reason", "requested_at", "status", "decided_by", "decider_role", "decision_reason", "decided_at", "previous", "amended", "disagreement", "disagreement_at", "viewer_can", "current")
    ID_FIELD_NUMBER: _ClassVar[int]
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTER_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTER_ROLE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    DECIDER_ROLE_FIELD_NUMBER: _ClassVar[int]
    DECISION_REASON_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    AMENDED_FIELD_NUMBER: _ClassVar[int]
    DISAGREEMENT_FIELD_NUMBER: _ClassVar[int]
    DISAGREEMENT_AT_FIELD_NUMBER: _ClassVar[int]
    VIEWER_CAN_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    record_type: str
    record_id: str
    artifact_id: str
    student_id: str
    requester_id: str
    requester_role: str
    reason: str
    requested_at: str
    status: str
    decided_by: str
    decider_role: str
    decision_reason: str
    decided_at: str
    previous: _containers.RepeatedCompositeFieldContainer[AmendedText]
    amended: _containers.RepeatedCompositeFieldContainer[AmendedText]
    disagreement: str
    disagreement_at: str
    viewer_can: AmendmentViewerCan
    current: _containers.RepeatedCompositeFieldContainer[AmendedText]
    def __init__(self, id: _Optional[str] = ..., record_type: _Optional[str] = ..., record_id: _Optional[str] = ..., artifact_id: _Optional[str] = ..., student_id: _Optional[str] = ..., requester_id: _Optional[str] = ..., requester_role: _Optional[str] = ..., reason: _Optional[str] = ..., requested_at: _Optional[str] = ..., status: _Optional[str] = ..., decided_by: _Optional[str] = ..., decider_role: _Optional[str] = ..., decision_reason: _Optional[str] = ..., decided_at: _Optional[str] = ..., previous: _Optional[_Iterable[_Union[AmendedText, _Mapping]]] = ..., amended: _Optional[_Iterable[_Union[AmendedText, _Mapping]]] = ..., disagreement: _Optional[str] = ..., disagreement_at: _Optional[str] = ..., viewer_can: _Optional[_Union[AmendmentViewerCan, _Mapping]] = ..., current: _Optional[_Iterable[_Union[AmendedText, _Mapping]]] = ...) -> None: ...

class RequestAmendmentRequest(_message.Message):
    __slots__ = ("record_type", "record_id", "reason")
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    record_type: str
    record_id: str
    reason: str
    def __init__(self, record_type: _Optional[str] = ..., record_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RequestAmendmentResponse(_message.Message):
    __slots__ = ("amendment",)
    AMENDMENT_FIELD_NUMBER: _ClassVar[int]
    amendment: Amendment
    def __init__(self, amendment: _Optional[_Union[Amendment, _Mapping]] = ...) -> None: ...

class DecideAmendmentRequest(_message.Message):
    __slots__ = ("amendment_id", "outcome", "texts", "reason")
    AMENDMENT_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    TEXTS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    amendment_id: str
    outcome: str
    texts: _containers.RepeatedCompositeFieldContainer[AmendedText]
    reason: str
    def __init__(self, amendment_id: _Optional[str] = ..., outcome: _Optional[str] = ..., texts: _Optional[_Iterable[_Union[AmendedText, _Mapping]]] = ..., reason: _Optional[str] = ...) -> None: ...

class DecideAmendmentResponse(_message.Message):
    __slots__ = ("amendment",)
    AMENDMENT_FIELD_NUMBER: _ClassVar[int]
    amendment: Amendment
    def __init__(self, amendment: _Optional[_Union[Amendment, _Mapping]] = ...) -> None: ...

class AttachDisagreementRequest(_message.Message):
    __slots__ = ("amendment_id", "statement")
    AMENDMENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_FIELD_NUMBER: _ClassVar[int]
    amendment_id: str
    statement: str
    def __init__(self, amendment_id: _Optional[str] = ..., statement: _Optional[str] = ...) -> None: ...

class AttachDisagreementResponse(_message.Message):
    __slots__ = ("amendment",)
    AMENDMENT_FIELD_NUMBER: _ClassVar[int]
    amendment: Amendment
    def __init__(self, amendment: _Optional[_Union[Amendment, _Mapping]] = ...) -> None: ...

class ListAmendmentsRequest(_message.Message):
    __slots__ = ("student_id", "artifact_id")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    artifact_id: str
    def __init__(self, student_id: _Optional[str] = ..., artifact_id: _Optional[str] = ...) -> None: ...

class ListAmendmentsResponse(_message.Message):
    __slots__ = ("amendments", "can_request")
    AMENDMENTS_FIELD_NUMBER: _ClassVar[int]
    CAN_REQUEST_FIELD_NUMBER: _ClassVar[int]
    amendments: _containers.RepeatedCompositeFieldContainer[Amendment]
    can_request: bool
    def __init__(self, amendments: _Optional[_Iterable[_Union[Amendment, _Mapping]]] = ..., can_request: bool = ...) -> None: ...
