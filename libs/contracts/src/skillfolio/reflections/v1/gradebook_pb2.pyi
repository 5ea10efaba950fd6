from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetLatestLevelsRequest(_message.Message):
    __slots__ = ("section_id", "from_date", "to_date")
    SECTION_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_DATE_FIELD_NUMBER: _ClassVar[int]
    TO_DATE_FIELD_NUMBER: _ClassVar[int]
    section_id: str
    from_date: str
    to_date: str
    def __init__(self, section_id: _Optional[str] = ..., from_date: _Optional[str] = ..., to_date: _Optional[str] = ...) -> None: ...

class LatestLevel(_message.Message):
    __slots__ = ("student_id", "skill_id", "level_rank", "level_name", "max_rank", "artifact_id", "assessed_at", "in_range")
    STUDENT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_RANK_FIELD_NUMBER: _ClassVar[int]
    LEVEL_NAME_FIELD_NUMBER: _ClassVar[int]
    MAX_RANK_FIELD_NUMBER: _ClassVar[int]
    ARTIFACT_ID_FIELD_NUMBER: _ClassVar[int]
    ASSESSED_AT_FIELD_NUMBER: _ClassVar[int]
    IN_RANGE_FIELD_NUMBER: _ClassVar[int]
    student_id: str
    skill_id: str
    level_rank: int
    level_name: str
    max_rank: int
    artifact_id: str
    assessed_at: str
    in_range: bool
    def __init__(self, student_id: _Optional[str] = ..., skill_id: _Optional[str] = ..., level_rank: _Optional[int] = ..., level_name: _Optional[str] = ..., max_rank: _Optional[int] = ..., artifact_id: _Optional[str] = ..., assessed_at: _Optional[str] = ..., in_range: bool = ...) -> None: ...

class GetLatestLevelsResponse(_message.Message):
    __slots__ = ("student_ids", "levels")
    STUDENT_IDS_FIELD_NUMBER: _ClassVar[int]
    LEVELS_FIELD_NUMBER: _ClassVar[int]
    student_ids: _containers.RepeatedScalarFieldContainer[str]
    levels: _containers.RepeatedCompositeFieldContainer[LatestLevel]
    def __init__(self, student_ids: _Optional[_Iterable[str]] = ..., levels: _Optional[_Iterable[_Union[LatestLevel, _Mapping]]] = ...) -> None: ...
