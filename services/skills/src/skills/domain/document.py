"""A district's skills file (YAML or JSON, already parsed) read into typed specs, with every problem by path.

Shape: ``district``, ``framework {name, grade_bands[{code, low_grade, high_grade}]}``, ``scales[{code, name,
levels[{rank, name, description}]}]``, ``skills[{code, name, description, colour, scale, descriptors{band: text}}]``,
``schools[{school_id, name, skills[...]}]``, ``rubrics[{code, name, scale, skill, criteria[{code, name,
cells{level name: descriptor}}]}]``. Scales, skills and rubrics refer to each other by code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chassis.errors import FieldProblem
from skills.domain.grades import GradeBand, band_problems
from skills.domain.model import Level, SkillFields, code_problems, scale_problems, skill_problems


@dataclass
class SkillSpec:
    where: str
    school_id: str
    fields: SkillFields
    scale_code: str = ""


@dataclass
class RubricSpec:
    where: str
    code: str
    name: str
    scale_code: str
    skill_code: str
    criteria: list[tuple[str, str, dict[str, str]]]    # (code, name, {level name: descriptor})


@dataclass
class Document:
    district_id: str = ""
    framework_name: str = ""
    bands: list[GradeBand] = field(default_factory=list)
    scales: list[tuple[str, str, str, list[Level]]] = field(default_factory=list)   # (where, code, name, levels)
    schools: list[tuple[str, str, str]] = field(default_factory=list)               # (where, school_id, name)
    skills: list[SkillSpec] = field(default_factory=list)
    rubrics: list[RubricSpec] = field(default_factory=list)
    problems: list[FieldProblem] = field(default_factory=list)


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def problem(self, where: str, reason: str) -> None:
        self.doc.problems.append(FieldProblem(where, reason))

    def mapping(self, value: Any, where: str) -> dict:
        if isinstance(value, dict):
            return value
        self.problem(where, f"must be a mapping, got {type(value).__name__}")
        return {}

    def items(self, value: Any, where: str) -> list:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.problem(where, f"must be a list, got {type(value).__name__}")
        return []

    def text(self, node: dict, key: str, where: str, required: bool = True) -> str:
        value = node.get(key)
        if value is None:
            if required:
                self.problem(f"{where}.{key}", "is required")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.problem(f"{where}.{key}", f"must be text, got {type(value).__name__}")
            return ""
        return str(value)


def _skill(r: _Reader, node: Any, where: str, school_id: str) -> SkillSpec:
    node = r.mapping(node, where)
    descriptors = {str(k): (str(v) if v is not None else "")
                   for k, v in r.mapping(node.get("descriptors") or {}, f"{where}.descriptors").items()}
    fields = SkillFields(code=r.text(node, "code", where), name=r.text(node, "name", where),
                         description=r.text(node, "description", where, required=False),
                         colour=r.text(node, "colour", where), descriptors=descriptors)
    return SkillSpec(where, school_id, fields, r.text(node, "scale", where, required=False))


def read_document(raw: Any) -> Document:
    """Typed specs of a parsed file, plus every structural and field problem (nothing touches storage)."""
    doc = Document()
    r = _Reader(doc)
    root = r.mapping(raw, "(file)")
    doc.district_id = r.text(root, "district", "(file)").strip()
    framework = r.mapping(root.get("framework") or {}, "framework")
    doc.framework_name = r.text(framework, "name", "framework")
    for i, band in enumerate(r.items(framework.get("grade_bands"), "framework.grade_bands")):
        band = r.mapping(band, f"framework.grade_bands[{i}]")
        doc.bands.append(GradeBand(*(r.text(band, k, f"framework.grade_bands[{i}]")
                                     for k in ("code", "low_grade", "high_grade"))))
    doc.problems += band_problems(doc.bands, "framework.grade_bands")
    for i, scale in enumerate(r.items(root.get("scales"), "scales")):
        where, scale = f"scales[{i}]", r.mapping(scale, f"scales[{i}]")
        levels = []
        for j, level in enumerate(r.items(scale.get("levels"), f"{where}.levels")):
            level, at = r.mapping(level, f"{where}.levels[{j}]"), f"{where}.levels[{j}]"
            rank = level.get("rank", j + 1)
            if isinstance(rank, bool) or not isinstance(rank, int):
                r.problem(f"{at}.rank", f"{rank!r} is not a whole number")
                rank = 0
            levels.append(Level(rank, r.text(level, "name", at), r.text(level, "description", at, required=False)))
        entry = (where, r.text(scale, "code", where), r.text(scale, "name", where), levels)
        doc.scales.append(entry)
        doc.problems += scale_problems(entry[1], entry[2], levels, where)
    doc.skills += [_skill(r, s, f"skills[{i}]", "") for i, s in enumerate(r.items(root.get("skills"), "skills"))]
    for i, school in enumerate(r.items(root.get("schools"), "schools")):
        where, school = f"schools[{i}]", r.mapping(school, f"schools[{i}]")
        school_id = r.text(school, "school_id", where).strip()
        doc.schools.append((where, school_id, r.text(school, "name", where)))
        doc.skills += [_skill(r, s, f"{where}.skills[{j}]", school_id)
                       for j, s in enumerate(r.items(school.get("skills"), f"{where}.skills"))]
    for i, rubric in enumerate(r.items(root.get("rubrics"), "rubrics")):
        where, rubric = f"rubrics[{i}]", r.mapping(rubric, f"rubrics[{i}]")
        criteria = []
        for j, c in enumerate(r.items(rubric.get("criteria"), f"{where}.criteria")):
            c, at = r.mapping(c, f"{where}.criteria[{j}]"), f"{where}.criteria[{j}]"
            cells = {str(k): ("" if v is None else str(v)) for k, v in r.mapping(c.get("cells") or {},
                                                                                 f"{at}.cells").items()}
            criteria.append((r.text(c, "code", at), r.text(c, "name", at), cells))
        doc.rubrics.append(RubricSpec(where, r.text(rubric, "code", where), r.text(rubric, "name", where),
                                      r.text(rubric, "scale", where), r.text(rubric, "skill", where, False), criteria))
    _check_skills(doc)
    return doc


def _check_skills(doc: Document) -> None:
    """Field rules of every skill, and codes unique within each chain (district + one school)."""
    band_codes = [b.code for b in doc.bands]
    scale_codes = {code for _, code, _, _ in doc.scales}
    district_codes: dict[str, str] = {}
    school_codes: dict[tuple[str, str], str] = {}
    for spec in doc.skills:
        doc.problems += skill_problems(spec.fields, band_codes, spec.where)
        if spec.scale_code and spec.scale_code not in scale_codes:
            doc.problems.append(FieldProblem(f"{spec.where}.scale", f"{spec.scale_code!r} is not a scale in this file"))
        code = spec.fields.code
        first = district_codes.get(code) or school_codes.get((spec.school_id, code))
        if spec.school_id and code in district_codes:
            doc.problems.append(FieldProblem(f"{spec.where}.code", f"{code!r} is a district skill "
                                             f"({district_codes[code]}); a school may only add skills"))
        elif first:
            doc.problems.append(FieldProblem(f"{spec.where}.code", f"{code!r} is already used by {first}"))
        elif spec.school_id:
            school_codes[(spec.school_id, code)] = spec.where
        else:
            district_codes[code] = spec.where
    for spec in doc.rubrics:
        doc.problems += code_problems(spec.code, f"{spec.where}.code")
