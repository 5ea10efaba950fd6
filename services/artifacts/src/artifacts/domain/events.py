"""Events the artifacts service publishes on ``artifacts.events`` (payloads: protos/skillfolio/events/v1/artifacts.proto).

``artifact_added`` / ``artifact_updated`` always carry the artifact's COMPLETE current ``skill_ids`` (the skills
service keeps skill usage from them).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chassis.events import DomainEvent

if TYPE_CHECKING:
    from artifacts.domain.model import Artifact


@dataclass(frozen=True)
class _ArtifactChanged(DomainEvent):
    artifact_id: str
    student_id: str
    skill_ids: list[str] = field(default_factory=list)
    school_id: str = ""
    school_year_id: str = ""
    kind: str = ""
    added_by: str = ""
    added_by_role: str = ""
    status: str = ""
    version: int = 0
    title: str = ""
    origin_district_id: str = ""         # imported history: whence, and the sender's school year
    origin_district_name: str = ""
    origin_school_year: str = ""
    origin_school_year_start: str = ""

    @classmethod
    def of(cls, a: Artifact):
        """The event about artifact ``a`` as it is now (its complete current skill set)."""
        o = a.origin
        origin = {} if o is None else {
            "origin_district_id": o.district_id, "origin_district_name": o.district_name,
            "origin_school_year": o.school_year, "origin_school_year_start": o.school_year_start}
        return cls(artifact_id=a.id, student_id=a.student_id, skill_ids=list(a.skill_ids), school_id=a.school_id,
                   school_year_id=a.school_year_id, kind=a.kind.value, added_by=a.added_by,
                   added_by_role=a.added_by_role, status=a.status.value, version=a.current_version,
                   title=a.title, **origin)


@dataclass(frozen=True)
class ArtifactAdded(_ArtifactChanged):
    pass


@dataclass(frozen=True)
class ArtifactUpdated(_ArtifactChanged):
    pass


@dataclass(frozen=True)
class ArtifactDeleted(DomainEvent):
    artifact_id: str


@dataclass(frozen=True)
class ArtifactMediaReady(DomainEvent):
    artifact_id: str
    version: int


@dataclass(frozen=True)
class ArtifactMediaRejected(DomainEvent):
    artifact_id: str
    version: int
    reason: str


@dataclass(frozen=True)
class ArtifactMediaUploaded(DomainEvent):
    """A client completed an upload; the media worker checks the bytes at ``media_key`` against ``kind``."""

    artifact_id: str
    version: int
    media_key: str
    kind: str
    media_object_id: str = ""       # a class capture's shared object: checked once for all its artifacts
