"""The artifact page's assessments, shaped for the templates: per skill of the artifact, its instrument (scale
levels and rubric criteria, what the assess forms offer) and the teacher's and the student's own assessments side by
side with level names, comments and rubric criterion levels; plus the form controls' ids for errors."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from chassis.context import Principal
from chassis.errors import DomainError, InvalidArgument, PermissionDenied
from gateway.clients.backends import Backends
from gateway.i18n import gettext
from gateway.usecases import assessments as assessing
from gateway.usecases import discussion
from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.reflections.v1 import assessments_pb2 as pb

log = logging.getLogger(__name__)
KINDS = {"assess": "teacher", "self": "student"}       # form kind -> the assessor role it records


@dataclass
class SkillPanel:
    skill_id: str
    skill_name: str
    instrument: pb.Instrument | None             # None: the skill has no proficiency scale yet
    teacher: list[dict] = field(default_factory=list)     # newest first
    own: list[dict] = field(default_factory=list)         # the student's self-assessments, newest first


def control(kind: str, skill_id: str, part: str) -> str:
    """The id of one control of a skill's assess (``kind`` "assess") or self-assess ("self") form."""
    return f"{kind}-{skill_id}-{part}"


async def _instrument(backends: Backends, viewer: Principal, artifact_id: str, skill_id: str):
    try:
        return (await assessing.instruments(backends, viewer, artifact_id, [skill_id]))[skill_id]
    except InvalidArgument:     # no scale yet, or not (yet) known as tagged
        return None


def _shown(item: pb.Assessment, instrument: pb.Instrument | None, viewer: Principal, names: dict) -> dict:
    levels = {level.rank: level.name for level in instrument.levels} if instrument else {}
    criteria = {c.code: c.name for c in instrument.criteria} if instrument else {}
    by = gettext("You") if item.assessor_id == viewer.subject else (
        names.get(item.assessor_id) or gettext(discussion.ROLE_LABELS.get(item.assessor_role, discussion.SOMEONE)))
    return {"level_name": item.level_name or levels.get(item.level_rank, str(item.level_rank)),
            "level_rank": item.level_rank, "max_rank": max(levels, default=0), "comment": item.comment, "by": by,
            "assessed_at": item.assessed_at, "id": item.id, "disagreements": list(item.disagreements),
            "amended": item.amended, "own": item.assessor_id == viewer.subject, "hidden": False,
            "criteria": [(criteria.get(c.criterion_code, c.criterion_code), levels.get(c.level_rank, str(c.level_rank)))
                         for c in item.criterion_levels]}


async def load(backends: Backends, viewer: Principal, artifact: apb.Artifact) -> list[SkillPanel] | None:
    """The artifact's assessment panels, or None while the reflections service cannot answer for it."""
    try:
        skills = await assessing.list_assessments(backends, viewer, artifact.id)
        found = await asyncio.gather(*(_instrument(backends, viewer, artifact.id, s.skill_id) for s in skills))
    except DomainError as error:     # PERMISSION_DENIED: the replica has not heard of the artifact yet
        level = logging.INFO if isinstance(error, PermissionDenied) else logging.WARNING
        log.log(level, "assessments of %s unavailable: %s", artifact.id, error.code)
        return None
    assessors = {a.assessor_id for s in skills for a in (*s.teacher_assessments, *s.self_assessments)}
    names = await discussion.people_names(backends, viewer, assessors - {viewer.subject})
    return [SkillPanel(s.skill_id, s.skill_name, instrument,
                       [_shown(a, instrument, viewer, names) for a in reversed(s.teacher_assessments)],
                       [_shown(a, instrument, viewer, names) for a in reversed(s.self_assessments)])
            for s, instrument in zip(skills, found)]


def form_errors(kind: str, skill_id: str, criterion_codes: list[str], problems, message: str) -> dict[str, str]:
    """{control id: sentence} for a skill's assess form; criterion_levels[i] problems go to the i-th criterion sent."""
    level = control(kind, skill_id, "level")
    errors: dict[str, str] = {}
    for problem in problems:
        head = problem.field.split(".", 1)[0]
        if head.startswith("criterion_levels[") and head[17:-1].isdigit() and int(head[17:-1]) < len(criterion_codes):
            code = criterion_codes[int(head[17:-1])]
            target, label = control(kind, skill_id, f"crit-{code}"), gettext("Criterion")
        elif problem.field == "comment":
            target, label = control(kind, skill_id, "comment"), gettext("Comment")
        else:
            target, label = level, gettext("Level")
        errors.setdefault(target, f"{label}: {problem.reason}.".replace("..", "."))
    return errors or {level: message}
