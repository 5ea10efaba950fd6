"""What the milestone page shows, shaped for milestone.html: the milestone, its rubric (criteria with one
descriptor per level), evidence titles, what this viewer may do (select evidence, invite, score, record the
outcome) and their own score sheet. A panel guest reads only the milestone and its selected evidence's titles."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

from chassis.context import Principal
from chassis.errors import NotFound, PermissionDenied
from gateway.auth import is_guest
from gateway.clients.backends import Backends
from gateway.usecases import milestones, portfolio
from skillfolio.roster.v1 import roster_pb2 as rpb


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    descriptors: dict[int, str]


async def _or_none(call):
    """A lookup a viewer may not be allowed (an educator panellist who does not teach the student): None."""
    try:
        return await call
    except (PermissionDenied, NotFound):
        return None


def criteria_of(milestone, rubric) -> list[Criterion]:
    """The rubric's criteria in its order (names and descriptors from the skills service, else the codes)."""
    if rubric is None or not rubric.criteria:
        return [Criterion(code, code.replace("-", " ").capitalize(), {}) for code in milestone.type.criteria]
    return [Criterion(c.code, c.name, {cell.level_rank: cell.descriptor for cell in c.cells}) for c in rubric.criteria]


def own_sheet(viewer: Principal, milestone):
    """The viewer's own score sheet (a guest's by invitation id, an educator's by their account), or None."""
    mine = {p.invitation_id for p in milestone.panellists if p.person_id and p.person_id == viewer.subject}
    if is_guest(viewer):
        mine.add(viewer.subject.removeprefix("guest:"))
    return next((s for s in milestone.score_sheets if s.invitation_id in mine), None)


async def load(backends: Backends, viewer: Principal, milestone_id: str) -> dict:
    milestone = await milestones.get_milestone(backends, viewer, milestone_id)
    guest = is_guest(viewer)
    rubric_call = milestones.rubric(backends, viewer, milestone.type.rubric_id)
    if guest:      # the artifacts service lets a panellist read the selected evidence, nothing else
        rubric, *evidence = await asyncio.gather(rubric_call, *(
            _or_none(portfolio.get_artifact(backends, viewer, a)) for a in milestone.evidence_artifact_ids))
        student, page = None, None
    else:
        rubric, student, page = await asyncio.gather(
            rubric_call,
            _or_none(backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=milestone.student_id))),
            _or_none(portfolio.list_portfolio(backends, viewer, milestone.student_id, page_size=200)))
    artifacts = list(page.artifacts) if page else [a for a in evidence if a is not None]
    titles = {a.id: a.title for a in artifacts}
    own = own_sheet(viewer, milestone)
    is_student = viewer.subject == milestone.student_id
    return {
        "milestone": milestone, "criteria": criteria_of(milestone, rubric), "levels": list(milestone.type.levels),
        "student": student.person if student else None, "artifacts": artifacts, "titles": titles,
        "is_guest": guest, "is_student": is_student,
        "can_select": milestone.viewer_can.select_evidence,           # the reflections service's viewer_can
        "can_manage": milestone.viewer_can.invite or milestone.viewer_can.record_outcome,
        "can_score": milestone.viewer_can.score, "own_sheet": own,
        "own_levels": {s.criterion_code: s.level_rank for s in own.scores} if own else {},
        "outcomes": milestones.OUTCOMES, "kinds": milestones.PANELLIST_KINDS,
        "statuses": milestones.STATUS_LABELS}
