"""A fake skills unit of work: in-memory repository and replicas with the real ones' interfaces, over the chassis
fake's outbox, audit log and inbox lists."""
from __future__ import annotations

import copy
from dataclasses import replace

from chassis.messaging.replica import ERASED_KINDS, utc_iso
from chassis.testing.fake_uow import FakeUnitOfWork
from skills.domain.model import Framework, Rubric, Scale, Skill
from skills.service_layer.unit_of_work import PRODUCER, SkillsUnitOfWork


class FakeSkillsRepository:
    def __init__(self) -> None:
        self.frameworks: dict[str, Framework] = {}
        self.skills: dict[str, Skill] = {}
        self.scales: dict[str, Scale] = {}
        self.rubrics: dict[str, Rubric] = {}

    def framework(self, district_id: str, school_id: str = "") -> Framework | None:
        return next((copy.deepcopy(f) for f in self.frameworks.values()
                     if (f.district_id, f.school_id) == (district_id, school_id)), None)

    def framework_by_id(self, framework_id: str) -> Framework | None:
        return copy.deepcopy(self.frameworks.get(framework_id))

    def save_framework(self, fw: Framework) -> None:
        self.frameworks[fw.id] = copy.deepcopy(fw)

    def skill(self, skill_id: str) -> Skill | None:
        return copy.deepcopy(self.skills.get(skill_id))

    def skill_by_code(self, district_id: str, school_id: str, code: str) -> Skill | None:
        return next((copy.deepcopy(s) for s in self.skills.values()
                     if (s.district_id, s.school_id, s.code) == (district_id, school_id, code)), None)

    def save_skill(self, skill: Skill) -> None:
        fields = replace(skill.fields, colour=skill.fields.colour.upper())     # the column keeps it upper-case
        self.skills[skill.id] = replace(copy.deepcopy(skill), fields=fields)

    def delete_skill(self, skill_id: str) -> None:
        self.skills.pop(skill_id, None)

    def _in(self, district_id: str, school_id: str | None = None) -> list[Skill]:
        return sorted((s for s in self.skills.values() if s.district_id == district_id
                       and (school_id is None or s.school_id in ("", school_id))), key=lambda s: (s.school_id, s.code))

    def list_skills(self, district_id: str, *, framework_id: str = "", school_id: str | None = None,
                    include_retired: bool = False, after: tuple | None = None, limit: int = 100) -> list[Skill]:
        found = [s for s in self._in(district_id) if (not framework_id or s.framework_id == framework_id)
                 and (school_id is None or s.school_id == school_id) and (include_retired or not s.retired)
                 and (after is None or (s.school_id, s.code) > tuple(after))]
        return copy.deepcopy(found[:limit])

    def effective_skills(self, district_id: str, school_id: str, include_retired: bool = False) -> list[Skill]:
        return copy.deepcopy([s for s in self._in(district_id, school_id) if include_retired or not s.retired])

    def chain_codes(self, district_id: str, school_id: str) -> dict[str, str]:
        return {s.code: s.school_id for s in self._in(district_id, school_id)}

    def descriptor_bands(self, district_id: str) -> set[str]:
        return {band for s in self._in(district_id) for band in s.fields.descriptors}

    def school_codes(self, district_id: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for s in self._in(district_id):
            if s.school_id:
                out.setdefault(s.code, []).append(s.school_id)
        return out

    def scale(self, scale_id: str) -> Scale | None:
        return copy.deepcopy(self.scales.get(scale_id))

    def save_scale(self, scale: Scale) -> None:
        self.scales[scale.id] = copy.deepcopy(scale)

    def list_scales(self, district_id: str, after: tuple | None = None, limit: int = 100) -> list[Scale]:
        found = sorted((s for s in self.scales.values() if s.district_id == district_id
                        and (after is None or s.code > after[0])), key=lambda s: s.code)
        return copy.deepcopy(found[:limit])

    def rubric(self, rubric_id: str) -> Rubric | None:
        return copy.deepcopy(self.rubrics.get(rubric_id))

    def rubrics_on_scale(self, scale_id: str) -> list[str]:
        return [r.code for r in self.rubrics.values() if r.scale_id == scale_id]

    def rubrics_for_skill(self, skill_id: str) -> list[str]:
        return [r.code for r in self.rubrics.values() if r.skill_id == skill_id]

    def save_rubric(self, rubric: Rubric) -> None:
        self.rubrics[rubric.id] = copy.deepcopy(rubric)


class FakeReplicas:
    def __init__(self) -> None:
        self.versions: dict[tuple[str, str], tuple[str, bool]] = {}
        self.usage: dict[tuple[str, str], bool] = {}            # (skill_id, artifact_id) -> active
        self.admins: dict[str, set[str]] = {}
        self.active: dict[str, bool] = {}

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        at, seen = utc_iso(occurred_at), self.versions.get((kind, entity_id))
        if seen is not None and (seen[1] or seen[0] > at):
            return False
        self.versions[(kind, entity_id)] = (at, deleted)
        return True

    def ever_used(self, skill_id: str) -> bool:
        return any(s == skill_id for s, _ in self.usage)

    def erased(self, entity_ids) -> bool:
        return any((kind, e) in self.versions for e in entity_ids if e for kind in ERASED_KINDS)

    def tag_artifact(self, artifact_id: str, skill_ids: list[str], current: bool = True) -> None:
        for skill_id in skill_ids:
            self.usage.setdefault((skill_id, artifact_id), current)
        if current:
            for (skill_id, artifact), _ in list(self.usage.items()):
                if artifact == artifact_id:
                    self.usage[(skill_id, artifact)] = skill_id in skill_ids

    def artifact_deleted(self, artifact_id: str) -> None:
        for key in self.usage:
            if key[1] == artifact_id:
                self.usage[key] = False

    def administered_schools(self, person_id: str) -> frozenset[str]:
        return frozenset(self.admins.get(person_id, set()))

    def set_administered_schools(self, person_id: str, school_ids: set[str]) -> None:
        self.admins[person_id] = set(school_ids)

    def set_person_active(self, person_id: str, active: bool) -> None:
        self.active[person_id] = active


class FakeSkillsUnitOfWork(FakeUnitOfWork, SkillsUnitOfWork):
    stores = ("skills", "replicas")
    producer = PRODUCER

    def __init__(self) -> None:
        super().__init__()
        self.skills = FakeSkillsRepository()
        self.replicas = FakeReplicas()

    def __enter__(self):
        self.raised = 0
        return super().__enter__()
