"""Reads and writes of frameworks, skills, scales and rubrics over one session (rows <-> domain objects)."""
from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import bindparam, delete, insert, or_, select, tuple_, update
from sqlalchemy.orm import Session

from skills.adapters.orm import frameworks, rubrics, scales, skills
from skills.domain.grades import GradeBand
from skills.domain.model import Criterion, Framework, Level, Rubric, Scale, Skill, SkillFields


def _framework(row) -> Framework:
    return Framework(id=row.id, district_id=row.district_id, school_id=row.school_id, name=row.name,
                     grade_bands=[GradeBand(**b) for b in json.loads(row.grade_bands)])


def _effective(include_retired: bool):
    query = select(skills).where(skills.c.district_id == bindparam("district_id"),
                                 or_(skills.c.school_id == "", skills.c.school_id == bindparam("school_id")))
    return (query if include_retired else query.where(skills.c.retired.is_(False))).order_by(skills.c.school_id,
                                                                                            skills.c.code)


# A school's effective skills (every page and grid asks), built once per kind: a request binds only its values.
_EFFECTIVE = {retired: _effective(retired) for retired in (False, True)}


def _skill(row) -> Skill:
    fields = SkillFields(code=row.code, name=row.name, description=row.description, colour=row.colour,
                         descriptors=json.loads(row.descriptors), scale_id=row.scale_id)
    return Skill(id=row.id, framework_id=row.framework_id, district_id=row.district_id, school_id=row.school_id,
                 fields=fields, text_colour=row.text_colour, retired=row.retired)


def _scale(row) -> Scale:
    return Scale(id=row.id, district_id=row.district_id, code=row.code, name=row.name,
                 levels=[Level(**level) for level in json.loads(row.levels)])


def _rubric(row) -> Rubric:
    criteria = [Criterion(code=c["code"], name=c["name"], cells={int(k): v for k, v in c["cells"].items()})
                for c in json.loads(row.criteria)]
    return Rubric(id=row.id, district_id=row.district_id, code=row.code, name=row.name, scale_id=row.scale_id,
                  skill_id=row.skill_id, criteria=criteria)


class SkillsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _upsert(self, table, key: str, values: dict) -> None:
        exists = self.session.execute(select(table.c.id).where(table.c.id == values[key])).first()
        if exists:
            self.session.execute(update(table).where(table.c.id == values[key]).values(**values))
        else:
            self.session.execute(insert(table).values(**values))

    # frameworks
    def framework(self, district_id: str, school_id: str = "") -> Framework | None:
        row = self.session.execute(select(frameworks).where(frameworks.c.district_id == district_id,
                                                            frameworks.c.school_id == school_id)).first()
        return _framework(row) if row else None

    def framework_by_id(self, framework_id: str) -> Framework | None:
        row = self.session.execute(select(frameworks).where(frameworks.c.id == framework_id)).first()
        return _framework(row) if row else None

    def save_framework(self, fw: Framework) -> None:
        bands = json.dumps([asdict(b) for b in fw.grade_bands])
        self._upsert(frameworks, "id", {"id": fw.id, "district_id": fw.district_id, "school_id": fw.school_id,
                                        "name": fw.name, "grade_bands": bands})

    # skills
    def skill(self, skill_id: str) -> Skill | None:
        row = self.session.execute(select(skills).where(skills.c.id == skill_id)).first()
        return _skill(row) if row else None

    def skill_by_code(self, district_id: str, school_id: str, code: str) -> Skill | None:
        row = self.session.execute(select(skills).where(skills.c.district_id == district_id,
                                                        skills.c.school_id == school_id,
                                                        skills.c.code == code)).first()
        return _skill(row) if row else None

    def save_skill(self, skill: Skill) -> None:
        f = skill.fields
        self._upsert(skills, "id", {
            "id": skill.id, "framework_id": skill.framework_id, "district_id": skill.district_id,
            "school_id": skill.school_id, "code": f.code, "name": f.name, "description": f.description,
            "colour": f.colour.upper(), "text_colour": skill.text_colour,
            "descriptors": json.dumps(f.descriptors, sort_keys=True), "scale_id": f.scale_id,
            "retired": skill.retired})

    def delete_skill(self, skill_id: str) -> None:
        self.session.execute(delete(skills).where(skills.c.id == skill_id))

    def list_skills(self, district_id: str, *, framework_id: str = "", school_id: str | None = None,
                    include_retired: bool = False, after: tuple | None = None, limit: int = 100) -> list[Skill]:
        """Ordered by (school_id, code): the district's skills first, then each school's additions."""
        query = select(skills).where(skills.c.district_id == district_id)
        if framework_id:
            query = query.where(skills.c.framework_id == framework_id)
        if school_id is not None:
            query = query.where(skills.c.school_id == school_id)
        if not include_retired:
            query = query.where(skills.c.retired.is_(False))
        if after is not None:
            query = query.where(tuple_(skills.c.school_id, skills.c.code) > tuple_(*after))
        query = query.order_by(skills.c.school_id, skills.c.code).limit(limit)
        return [_skill(row) for row in self.session.execute(query)]

    def effective_skills(self, district_id: str, school_id: str, include_retired: bool = False) -> list[Skill]:
        query = _EFFECTIVE[include_retired]
        return [_skill(row) for row in self.session.execute(query, {"district_id": district_id,
                                                                    "school_id": school_id})]

    def chain_codes(self, district_id: str, school_id: str) -> dict[str, str]:
        """code -> school_id ("" = district) of every skill in the district framework and this school's."""
        rows = self.session.execute(select(skills.c.code, skills.c.school_id).where(
            skills.c.district_id == district_id,
            or_(skills.c.school_id == "", skills.c.school_id == school_id)))
        return {row.code: row.school_id for row in rows}

    def descriptor_bands(self, district_id: str) -> set[str]:
        """Every grade band code some skill of the district (any framework, retired too) has a descriptor for."""
        rows = self.session.execute(select(skills.c.descriptors).where(skills.c.district_id == district_id))
        return {band for row in rows for band in json.loads(row.descriptors)}

    def school_codes(self, district_id: str) -> dict[str, list[str]]:
        """code -> schools that added a skill with that code (district codes must not collide with them)."""
        out: dict[str, list[str]] = {}
        for row in self.session.execute(select(skills.c.code, skills.c.school_id).where(
                skills.c.district_id == district_id, skills.c.school_id != "")):
            out.setdefault(row.code, []).append(row.school_id)
        return out

    # scales and rubrics
    def scale(self, scale_id: str) -> Scale | None:
        row = self.session.execute(select(scales).where(scales.c.id == scale_id)).first()
        return _scale(row) if row else None

    def save_scale(self, scale: Scale) -> None:
        self._upsert(scales, "id", {"id": scale.id, "district_id": scale.district_id, "code": scale.code,
                                    "name": scale.name, "levels": json.dumps([asdict(level) for level in scale.levels])})

    def list_scales(self, district_id: str, after: tuple | None = None, limit: int = 100) -> list[Scale]:
        query = select(scales).where(scales.c.district_id == district_id)
        if after is not None:
            query = query.where(scales.c.code > after[0])
        return [_scale(row) for row in self.session.execute(query.order_by(scales.c.code).limit(limit))]

    def rubric(self, rubric_id: str) -> Rubric | None:
        row = self.session.execute(select(rubrics).where(rubrics.c.id == rubric_id)).first()
        return _rubric(row) if row else None

    def rubrics_on_scale(self, scale_id: str) -> list[str]:
        return [r.code for r in self.session.execute(select(rubrics.c.code).where(rubrics.c.scale_id == scale_id))]

    def rubrics_for_skill(self, skill_id: str) -> list[str]:
        return [r.code for r in self.session.execute(select(rubrics.c.code).where(rubrics.c.skill_id == skill_id))]

    def save_rubric(self, rubric: Rubric) -> None:
        criteria = [{"code": c.code, "name": c.name, "cells": {str(k): v for k, v in sorted(c.cells.items())}}
                    for c in rubric.criteria]
        self._upsert(rubrics, "id", {"id": rubric.id, "district_id": rubric.district_id, "code": rubric.code,
                                     "name": rubric.name, "scale_id": rubric.scale_id, "skill_id": rubric.skill_id,
                                     "criteria": json.dumps(criteria)})
