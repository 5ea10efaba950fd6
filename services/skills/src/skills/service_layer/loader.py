"""Load a district's skills file all-or-nothing: read and check everything, then apply it in ONE transaction.

Idempotent by code: reloading an unchanged file changes nothing and raises no events. Every problem is
reported as ``FieldProblem("<file>: <path>", reason)``; if there is any, nothing is written.
"""
from __future__ import annotations

import json
import pathlib
from dataclasses import dataclass, replace
from typing import Any

import yaml

from chassis.errors import DomainError, FieldProblem, InvalidArgument
from skills.domain.access import Viewer
from skills.domain.document import Document, read_document
from skills.domain.model import Criterion
from skills.service_layer import definition_writes, skill_writes
from skills.service_layer.unit_of_work import SkillsUnitOfWork, UowFactory


@dataclass(frozen=True)
class LoadReport:
    district_id: str
    skills: int
    scales: int
    rubrics: int
    events: int            # 0 when the file changed nothing


def parse_file(path: pathlib.Path) -> Any:
    """The file's data (YAML or JSON by suffix); syntax errors become problems with line and column."""
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise InvalidArgument(f"{path.name} is not valid JSON",
                              [FieldProblem(f"{path.name}:{exc.lineno}:{exc.colno}", exc.msg)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}:{mark.column + 1}" if mark else path.name
        raise InvalidArgument(f"{path.name} is not valid YAML",
                              [FieldProblem(where, str(getattr(exc, "problem", exc)))]) from None


def _attempt(problems: list[FieldProblem], at: str, write, *args, **kwargs):
    """``write(...)``, or None with its problems recorded (the transaction is rolled back later)."""
    try:
        return write(*args, **kwargs)
    except DomainError as exc:
        problems.extend(exc.problems or [FieldProblem(at, exc.message)])
        return None


def _apply(uow: SkillsUnitOfWork, viewer: Viewer, doc: Document) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    district = doc.district_id
    if _attempt(problems, "framework", skill_writes.put_framework, uow, viewer, district, "",
                doc.framework_name, doc.bands, where="framework") is None:
        return problems
    scales = {}
    for where, code, name, levels in doc.scales:
        scales[code] = _attempt(problems, where, definition_writes.put_scale, uow, viewer, district, code, name,
                                levels, where=where)
    for where, school_id, name in doc.schools:
        _attempt(problems, where, skill_writes.put_framework, uow, viewer, district, school_id, name, [], where=where)
    skills = {}
    for spec in doc.skills:
        scale = scales.get(spec.scale_code)
        fields = replace(spec.fields, scale_id=scale.id if scale else "")
        skill = _attempt(problems, spec.where, skill_writes.put_skill, uow, viewer, district, spec.school_id,
                         fields, where=spec.where)
        if skill is not None and not spec.school_id:
            skills[skill.code] = skill
    for spec in doc.rubrics:
        scale = scales.get(spec.scale_code)
        if scale is None:
            problems.append(FieldProblem(f"{spec.where}.scale", f"{spec.scale_code!r} is not a scale in this file"))
            continue
        if spec.skill_code and spec.skill_code not in skills:
            problems.append(FieldProblem(f"{spec.where}.skill",
                                         f"{spec.skill_code!r} is not a district skill in this file"))
            continue
        ranks = {level.name: level.rank for level in scale.levels}
        criteria = []
        for j, (code, name, cells) in enumerate(spec.criteria):
            for level in sorted(set(cells) - set(ranks)):
                problems.append(FieldProblem(f"{spec.where}.criteria[{j}].cells.{level}",
                                             f"{level!r} is not a level of scale {scale.code!r}"))
            criteria.append(Criterion(code, name, {ranks[k]: v for k, v in cells.items() if k in ranks}))
        skill = skills.get(spec.skill_code)
        _attempt(problems, spec.where, definition_writes.put_rubric, uow, viewer, district, spec.code, spec.name,
                 scale.id, skill.id if skill else "", criteria, where=spec.where)
    return problems


def load_document(uow_factory: UowFactory, viewer: Viewer, raw: Any, source: str) -> LoadReport:
    """Apply a parsed file; InvalidArgument listing every ``<source>: <path>`` problem, and nothing written."""
    doc = read_document(raw)
    problems = list(doc.problems)
    events = 0
    if not problems:
        with uow_factory() as uow:
            problems = _apply(uow, viewer, doc)
            if not problems:
                events = uow.raised
                uow.commit()
    if problems:
        raise InvalidArgument(f"{source}: {len(problems)} problem(s); nothing was loaded",
                              [FieldProblem(f"{source}: {p.field}", p.reason) for p in problems])
    return LoadReport(doc.district_id, len(doc.skills), len(doc.scales), len(doc.rubrics), events)


def load_file(uow_factory: UowFactory, viewer: Viewer, path: pathlib.Path) -> LoadReport:
    return load_document(uow_factory, viewer, parse_file(path), path.name)

