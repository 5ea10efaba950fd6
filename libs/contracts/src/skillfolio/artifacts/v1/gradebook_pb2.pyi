from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetEvidenceCountsRequest(_message.Message):
    __slots__ = ("section_id", "from_date", "to_date")
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    TO_DATE_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    from_date: str
    to_date: str
    def __init__(self, section_id: _Optional[str] = ..., from_date: _Optional[str] = ..., to_date: _Optional[str] = ...) -> None: ...

class EvidenceCell(_message.Message):
    __slots__ = ("student_id", "skill_id", "count", "latest_artifact_id", "latest_title")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    LATEST_ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    LATEST_TITLE_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    skill_id: str
    count: int
    latest_artifact_id: str
    latest_title: str
    def __init__(self, student_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., count: _Optional[int] = ..., latest_artifact_id: _Optional[str] = ..., latest_title: _Optional[str] = ...) -> None: ...

class GetEvidenceCountsResponse(_message.Message):
    __slots__ = ("student_ids", "cells")
    STUDENT_IDS_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    student_ids: _containers.RepeatedScalarFieldContainer[str]
    cells: _containers.RepeatedCompositeFieldContainer[EvidenceCell]
    def __init__(self, student_ids: _Optional[_Iterable[str]] = ..., cells: _Optional[_Iterable[_Union[EvidenceCell, _Mapping]]] = ...) -> None: ...
