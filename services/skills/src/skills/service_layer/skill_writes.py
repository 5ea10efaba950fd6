"""Writes of frameworks and skills inside an open unit of work: validate, authorize, save, raise events, audit.

Each ``put_*`` is idempotent by natural key and raises an event only when something changed; the gRPC use cases
(commands.py) and the file loader both call these, so one rule set guards every path.
"""
from __future__ import annotations

from dataclasses import replace

from chassis.access import Role
from chassis.errors import AlreadyExists, Conflict, FieldProblem, InvalidArgument, NotFound, PermissionDenied
from skills.domain import access, identity
from skills.domain.access import Viewer
from skills.domain.events import FrameworkDefined, SkillAdded, SkillDeleted, SkillRetired, SkillUpdated
from skills.domain.grades import GradeBand, band_problems
from skills.domain.model import Framework, Skill, SkillFields, skill_problems, text_colour_for
from skills.service_layer.authorization import authorize_write
from skills.service_layer.unit_of_work import SkillsUnitOfWork


def _required(name: str, value: str) -> list[FieldProblem]:
    return [] if (value or "").strip() else [FieldProblem(name, "is required")]


def put_framework(uow: SkillsUnitOfWork, viewer: Viewer | None, district_id: str, school_id: str, name: str,
                  bands: list[GradeBand], where: str = "") -> Framework:
    """Define or redefine the district framework (with its grade bands) or a school's (no bands)."""
    viewer = authorize_write(uow, viewer, school_id)
    at = f"{where}." if where else ""
    problems = _required("district_id", district_id) + _required(f"{at}name", name)
    if school_id and bands:
        problems.append(FieldProblem(f"{at}grade_bands", "grade bands are set on the district framework only"))
    elif not school_id:
        problems += band_problems(bands, f"{at}grade_bands")
        if not bands:
            problems.append(FieldProblem(f"{at}grade_bands", "the district framework needs at least one grade band"))
    if problems:
        raise InvalidArgument("the framework is not valid", problems)
    if school_id and uow.skills.framework(district_id) is None:
        raise Conflict(f"district {district_id!r} has no framework yet; define it before a school's")
    if not school_id:
        codes = {b.code for b in bands}
        in_use = sorted(uow.skills.descriptor_bands(district_id) - codes)
        if in_use:
            raise Conflict(f"grade bands {in_use} are still used by skill descriptors; remove those first")
    fw = Framework(id=identity.framework_id(district_id, school_id), district_id=district_id, school_id=school_id,
                   name=name.strip(), grade_bands=list(bands))
    if uow.skills.framework(district_id, school_id) != fw:
        uow.skills.save_framework(fw)
        uow.raise_event(FrameworkDefined(framework_id=fw.id, district_id=district_id, school_id=school_id,
                                         name=fw.name, grade_bands=[b.code for b in bands]))
        uow.record_change(viewer, "skills.DefineFramework", "framework", fw.id, {"school_id": school_id})
    return fw


def _district_framework(uow: SkillsUnitOfWork, district_id: str) -> Framework:
    fw = uow.skills.framework(district_id)
    if fw is None:
        raise Conflict(f"district {district_id!r} has no skill framework; define it (with its grade bands) first")
    return fw


def _authorize_skill(uow: SkillsUnitOfWork, viewer: Viewer | None, school_id: str) -> Viewer:
    """Writers of the skill's framework; a school admin touching a district skill gets the reason spelled out."""
    try:
        return authorize_write(uow, viewer, school_id)
    except PermissionDenied:
        if not school_id and viewer is not None and Role.SCHOOL_ADMIN in viewer.roles:
            raise PermissionDenied(access.SCHOOL_CANNOT_CHANGE_DISTRICT) from None
        raise


def _check_fields(uow: SkillsUnitOfWork, district: Framework, fields: SkillFields, where: str) -> None:
    problems = skill_problems(fields, [b.code for b in district.grade_bands], where)
    if fields.scale_id and uow.skills.scale(fields.scale_id) is None:
        problems.append(FieldProblem(f"{where}.scale_id", f"{fields.scale_id!r} is not a defined scale"))
    if problems:
        raise InvalidArgument("the skill is not valid", problems)


def put_skill(uow: SkillsUnitOfWork, viewer: Viewer | None, district_id: str, school_id: str,
              fields: SkillFields, create_only: bool = False, where: str = "skill") -> Skill:
    """Add a skill to a framework, or (same code, same framework) update it; events only when it changed."""
    viewer = _authorize_skill(uow, viewer, school_id)
    district = _district_framework(uow, district_id)
    fw = uow.skills.framework(district_id, school_id) if school_id else district
    if fw is None:
        raise Conflict(f"school {school_id!r} has no skill framework yet; define it first")
    _check_fields(uow, district, fields, where)
    owner = uow.skills.chain_codes(district_id, school_id).get(fields.code)
    if school_id and owner == "":
        raise PermissionDenied(f"{where}.code {fields.code!r} is a district skill: "
                               f"{access.SCHOOL_CANNOT_CHANGE_DISTRICT}")
    if not school_id and (schools := uow.skills.school_codes(district_id).get(fields.code)):
        raise Conflict(f"{where}.code {fields.code!r} is already used by the framework of school(s) {schools}")
    existing = uow.skills.skill_by_code(district_id, school_id, fields.code)
    if existing is not None and create_only:
        raise AlreadyExists(f"skill {fields.code!r} already exists in this framework")
    fields = replace(fields, colour=fields.colour.upper())
    skill = Skill(id=identity.skill_id(fw.id, fields.code), framework_id=fw.id, district_id=district_id,
                  school_id=school_id, fields=fields, text_colour=text_colour_for(fields.colour),
                  retired=existing.retired if existing else False)
    if existing != skill:
        uow.skills.save_skill(skill)
        event = SkillAdded if existing is None else SkillUpdated
        uow.raise_event(event.of(skill))
        uow.record_change(viewer, f"skills.{'Create' if existing is None else 'Update'}Skill", "skill", skill.id)
    return skill


def stored_skill(uow: SkillsUnitOfWork, skill_id: str) -> Skill:
    skill = uow.skills.skill(skill_id)
    if skill is None:
        raise NotFound(f"no skill {skill_id!r}")
    return skill


def update_skill(uow: SkillsUnitOfWork, viewer: Viewer | None, skill_id: str, fields: SkillFields) -> Skill:
    skill = stored_skill(uow, skill_id)
    if fields.code and fields.code != skill.code:
        raise InvalidArgument("a skill's code cannot change",
                              [FieldProblem("skill.code", f"is {skill.code!r}; create a new skill instead")])
    fields = replace(fields, code=skill.code)
    return put_skill(uow, viewer, skill.district_id, skill.school_id, fields)


def retire_skill(uow: SkillsUnitOfWork, viewer: Viewer | None, skill_id: str) -> Skill:
    """Always allowed; a retired skill stays readable (and keeps tagging its artifacts) with retired=true."""
    skill = stored_skill(uow, skill_id)
    viewer = _authorize_skill(uow, viewer, skill.school_id)
    if skill.retired:
        return skill
    retired = replace(skill, retired=True)
    uow.skills.save_skill(retired)
    uow.raise_event(SkillRetired.of(retired))
    uow.record_change(viewer, "skills.RetireSkill", "skill", skill.id)
    return retired


def delete_skill(uow: SkillsUnitOfWork, viewer: Viewer | None, skill_id: str) -> Skill:
    """Only a skill that never tagged an artifact; otherwise FAILED_PRECONDITION (retire it instead)."""
    skill = stored_skill(uow, skill_id)
    viewer = _authorize_skill(uow, viewer, skill.school_id)
    if uow.replicas.ever_used(skill_id):
        raise Conflict(f"skill {skill.code!r} has tagged artifacts, so it cannot be deleted; retire it instead")
    if rubrics := uow.skills.rubrics_for_skill(skill_id):
        raise Conflict(f"skill {skill.code!r} is assessed by rubric(s) {rubrics}; retire it instead")
    uow.skills.delete_skill(skill_id)
    uow.raise_event(SkillDeleted.of(skill))
    uow.record_change(viewer, "skills.DeleteSkill", "skill", skill.id)
    return skill
