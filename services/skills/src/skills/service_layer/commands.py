"""Skills write use cases: one unit of work per call, committed with its outbox events and audit rows."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from skills.domain.access import Viewer
from skills.domain.grades import GradeBand
from skills.domain.model import Criterion, Framework, Level, Rubric, Scale, Skill, SkillFields
from skills.service_layer import definition_writes, skill_writes
from skills.service_layer.unit_of_work import UowFactory

T = TypeVar("T")


class SkillCommands:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def _run(self, write: Callable[..., T], *args) -> T:
        with self._uow() as uow:
            result = write(uow, *args)
            uow.commit()
            return result

    def define_framework(self, viewer: Viewer | None, district_id: str, school_id: str, name: str,
                         bands: list[GradeBand]) -> Framework:
        return self._run(skill_writes.put_framework, viewer, district_id, school_id, name, bands)

    def create_skill(self, viewer: Viewer | None, district_id: str, school_id: str, fields: SkillFields) -> Skill:
        return self._run(lambda uow, *a: skill_writes.put_skill(uow, *a, create_only=True),
                         viewer, district_id, school_id, fields)

    def update_skill(self, viewer: Viewer | None, skill_id: str, fields: SkillFields) -> Skill:
        return self._run(skill_writes.update_skill, viewer, skill_id, fields)

    def retire_skill(self, viewer: Viewer | None, skill_id: str) -> Skill:
        return self._run(skill_writes.retire_skill, viewer, skill_id)

    def delete_skill(self, viewer: Viewer | None, skill_id: str) -> Skill:
        return self._run(skill_writes.delete_skill, viewer, skill_id)

    def define_scale(self, viewer: Viewer | None, district_id: str, code: str, name: str,
                     levels: list[Level]) -> Scale:
        return self._run(definition_writes.put_scale, viewer, district_id, code, name, levels)

    def define_rubric(self, viewer: Viewer | None, district_id: str, code: str, name: str, scale_id: str,
                      skill_id: str, criteria: list[Criterion]) -> Rubric:
        return self._run(definition_writes.put_rubric, viewer, district_id, code, name, scale_id, skill_id,
                         criteria)
