"""Mapping between skills domain objects and skillfolio.skills.v1 protobuf messages."""
from __future__ import annotations

from skillfolio.skills.v1 import skills_pb2 as pb
from skills.domain.grades import GradeBand
from skills.domain.model import Criterion, Framework, Level, Rubric, Scale, Skill, SkillFields


def framework(f: Framework) -> pb.Framework:
    return pb.Framework(id=f.id, district_id=f.district_id, school_id=f.school_id, name=f.name,
                        grade_bands=[pb.GradeBand(code=b.code, low_grade=b.low_grade, high_grade=b.high_grade)
                                     for b in f.grade_bands])


def bands(message) -> list[GradeBand]:
    return [GradeBand(b.code, b.low_grade, b.high_grade) for b in message]


def skill(s: Skill) -> pb.Skill:
    f = s.fields
    return pb.Skill(id=s.id, framework_id=s.framework_id, district_id=s.district_id, school_id=s.school_id,
                    code=f.code, name=f.name, description=f.description, colour=f.colour, text_colour=s.text_colour,
                    descriptors=[pb.Descriptor(band=k, text=v) for k, v in sorted(f.descriptors.items())],
                    retired=s.retired, scale_id=f.scale_id)


def skill_fields(m: pb.SkillFields) -> SkillFields:
    return SkillFields(code=m.code, name=m.name, description=m.description, colour=m.colour,
                       descriptors={d.band: d.text for d in m.descriptors}, scale_id=m.scale_id)


def scale(s: Scale) -> pb.Scale:
    return pb.Scale(id=s.id, district_id=s.district_id, code=s.code, name=s.name,
                    levels=[pb.Level(rank=l.rank, name=l.name, description=l.description) for l in s.levels])


def levels(message) -> list[Level]:
    return [Level(l.rank, l.name, l.description) for l in message]


def rubric(r: Rubric) -> pb.Rubric:
    return pb.Rubric(id=r.id, district_id=r.district_id, code=r.code, name=r.name, scale_id=r.scale_id,
                     skill_id=r.skill_id,
                     criteria=[pb.Criterion(code=c.code, name=c.name,
                                            cells=[pb.Cell(level_rank=k, descriptor=v) for k, v in
                                                   sorted(c.cells.items())]) for c in r.criteria])


def criteria(message) -> list[Criterion]:
    return [Criterion(c.code, c.name, {cell.level_rank: cell.descriptor for cell in c.cells}) for c in message]
