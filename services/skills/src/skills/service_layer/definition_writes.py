"""Writes of proficiency scales and rubrics inside an open unit of work (district-level, idempotent by code)."""
from __future__ import annotations

from chassis.errors import Conflict, FieldProblem, InvalidArgument
from skills.domain import identity
from skills.domain.access import Viewer
from skills.domain.events import RubricDefined, ScaleDefined
from skills.domain.model import Criterion, Level, Rubric, Scale, rubric_problems, scale_problems
from skills.service_layer.authorization import authorize_write
from skills.service_layer.unit_of_work import SkillsUnitOfWork


def put_scale(uow: SkillsUnitOfWork, viewer: Viewer | None, district_id: str, code: str, name: str,
              levels: list[Level], where: str = "scale") -> Scale:
    viewer = authorize_write(uow, viewer)
    problems = scale_problems(code, name, levels, where)
    if not district_id.strip():
        problems.append(FieldProblem("district_id", "is required"))
    if problems:
        raise InvalidArgument("the scale is not valid", problems)
    scale = Scale(id=identity.scale_id(district_id, code), district_id=district_id, code=code, name=name.strip(),
                  levels=sorted(levels, key=lambda level: level.rank))
    existing = uow.skills.scale(scale.id)
    if existing is not None and [l.rank for l in existing.levels] != [l.rank for l in scale.levels] \
            and uow.skills.rubrics_on_scale(scale.id):
        raise Conflict(f"scale {code!r} has rubrics built on its levels; its ranks cannot change")
    if existing != scale:
        uow.skills.save_scale(scale)
        uow.raise_event(ScaleDefined(scale_id=scale.id, district_id=district_id, code=code, name=scale.name,
                                     level_names=[l.name for l in scale.levels],
                                     level_ranks=[l.rank for l in scale.levels],
                                     level_descriptions=[l.description for l in scale.levels]))
        uow.record_change(viewer, "skills.DefineScale", "scale", scale.id)
    return scale


def put_rubric(uow: SkillsUnitOfWork, viewer: Viewer | None, district_id: str, code: str, name: str,
               scale_id: str, skill_id: str, criteria: list[Criterion], where: str = "rubric") -> Rubric:
    viewer = authorize_write(uow, viewer)
    scale = uow.skills.scale(scale_id) if scale_id else None
    problems = rubric_problems(code, name, criteria, scale, where)
    if skill_id and uow.skills.skill(skill_id) is None:
        problems.append(FieldProblem(f"{where}.skill", f"{skill_id!r} is not a skill"))
    if problems:
        raise InvalidArgument("the rubric is not valid", problems)
    rubric = Rubric(id=identity.rubric_id(district_id, code), district_id=district_id, code=code,
                    name=name.strip(), scale_id=scale_id, skill_id=skill_id, criteria=list(criteria))
    if uow.skills.rubric(rubric.id) != rubric:
        ranks = [level.rank for level in scale.levels]
        uow.skills.save_rubric(rubric)
        uow.raise_event(RubricDefined(rubric_id=rubric.id, district_id=district_id, code=code, scale_id=scale_id,
                                      skill_id=skill_id, criteria=[c.code for c in criteria], name=rubric.name,
                                      criterion_names=[c.name for c in criteria], level_ranks=ranks,
                                      cells=[c.cells[rank] for c in criteria for rank in ranks]))
        uow.record_change(viewer, "skills.DefineRubric", "rubric", rubric.id)
    return rubric
