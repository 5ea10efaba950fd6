"""Skills domain events (past tense); payloads match protos/skillfolio/events/v1/skills.proto."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chassis.events import DomainEvent

if TYPE_CHECKING:
    from skills.domain.model import Skill


@dataclass(frozen=True)
class FrameworkDefined(DomainEvent):
    framework_id: str
    district_id: str
    school_id: str
    name: str
    grade_bands: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _SkillChanged(DomainEvent):
    skill_id: str
    framework_id: str
    district_id: str
    school_id: str
    code: str
    name: str
    colour: str
    text_colour: str
    retired: bool = False
    scale_id: str = ""

    @classmethod
    def of(cls, skill: Skill):
        """The event about ``skill`` as it is now."""
        return cls(skill_id=skill.id, framework_id=skill.framework_id, district_id=skill.district_id,
                   school_id=skill.school_id, code=skill.code, name=skill.fields.name, colour=skill.fields.colour,
                   text_colour=skill.text_colour, retired=skill.retired, scale_id=skill.fields.scale_id)


class SkillAdded(_SkillChanged):
    pass


class SkillUpdated(_SkillChanged):
    pass


class SkillRetired(_SkillChanged):
    pass


class SkillDeleted(_SkillChanged):
    pass


@dataclass(frozen=True)
class ScaleDefined(DomainEvent):
    scale_id: str
    district_id: str
    code: str
    name: str
    level_names: list[str] = field(default_factory=list)
    level_ranks: list[int] = field(default_factory=list)          # parallel to level_names
    level_descriptions: list[str] = field(default_factory=list)   # parallel to level_names


@dataclass(frozen=True)
class RubricDefined(DomainEvent):
    rubric_id: str
    district_id: str
    code: str
    scale_id: str
    skill_id: str = ""
    criteria: list[str] = field(default_factory=list)
    name: str = ""
    criterion_names: list[str] = field(default_factory=list)      # parallel to criteria
    level_ranks: list[int] = field(default_factory=list)          # the scale's ranks, lowest first
    cells: list[str] = field(default_factory=list)                # criterion-major, one per rank in level_ranks
