"""Points of progress on the web: a section's checklist for a term (/sections/{id}/progress: done, missing,
overdue), the form a teacher completes one with (/sections/{id}/progress/{student_id}: the student's work, a level
of a skill's scale, a strength-based comment), and a student's points (/students/{id}/progress). The reflections
service decides who may do what; forms are CSRF-checked posts that redirect back (post/redirect/get)."""
from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import Conflict, InvalidArgument
from gateway.clients.backends import Backends, BackendsDep
from gateway.errors import when_refused
from gateway.i18n import N_
from gateway.routes.web.common import REFUSED, Viewer, field_errors, refusal
from gateway.schemas import common as schemas
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import points_of_progress as points
from gateway.usecases import portfolio
from gateway.web.render import render
from skillfolio.roster.v1 import roster_pb2 as rpb
from skillfolio.skills.v1 import skills_pb2 as spb

router = APIRouter(include_in_schema=False)
SECTION_ONLY_TEXT = N_("Only a current teacher of this section sees its points of progress.")
SECTION_ONLY = refusal(SECTION_ONLY_TEXT)
NOTICES = {"completed": N_("Point of progress completed.")}


async def _levels(backends: Backends, viewer: Principal, school_id: str) -> list[tuple[str, str, str]]:
    """(value "skill_id:rank", skill name, level name) for each live skill with a scale, lowest level first."""
    skills = [s for s in await portfolio.effective_skills(backends, viewer, school_id, include_retired=False)
              if s.scale_id]
    scales = {}
    for scale_id in dict.fromkeys(s.scale_id for s in skills):
        scales[scale_id] = (await backends.skills.get_scale(viewer, spb.GetScaleRequest(scale_id=scale_id))).scale
    return [(f"{s.id}:{level.rank}", s.name, level.name) for s in skills for level in scales[s.scale_id].levels]


@router.get("/sections/{section_id}/progress", dependencies=[SECTION_ONLY])
async def checklist_page(request: Request, backends: BackendsDep, viewer: Viewer, section_id: str, term_id: str = "",
                         done: str = ""):
    found, section = await asyncio.gather(
        points.checklist(backends, viewer, section_id, term_id),
        backends.roster.get_section(viewer, rpb.GetSectionRequest(section_id=section_id)))
    return render(request, "points_checklist.html", checklist=found, section=section.section,
                  term=found.term if found.HasField("term") else None, statuses=points.STATUS_LABELS,
                  notice=NOTICES.get(done, ""))


async def _form(request: Request, backends: Backends, viewer: Principal, section_id: str, student_id: str,
                term_id: str, status: int = 200, errors: dict | None = None, values: dict | None = None):
    found, student, page = await asyncio.gather(
        points.checklist(backends, viewer, section_id, term_id),
        backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=student_id)),
        portfolio.list_portfolio(backends, viewer, student_id, page_size=200))
    person = student.person
    return render(request, "point_new.html", status=status, section_id=section_id, term=found.term,
                  student=schemas.Person.of(person), artifacts=list(page.artifacts),
                  levels=await _levels(backends, viewer, person.primary_school_id), errors=errors or {},
                  values=values or {"artifact_ids": []})


@router.get("/sections/{section_id}/progress/{student_id}", dependencies=[SECTION_ONLY])
async def new_point_page(request: Request, backends: BackendsDep, viewer: Viewer, section_id: str, student_id: str,
                         term_id: str = ""):
    return await _form(request, backends, viewer, section_id, student_id, term_id)


@router.post("/sections/{section_id}/progress/{student_id}", dependencies=[Depends(verify_csrf)])
async def complete(request: Request, backends: BackendsDep, viewer: Viewer, section_id: str, student_id: str,
                   term_id: Annotated[str, Form(max_length=64)] = "",
                   level: Annotated[str, Form(max_length=140)] = "",
                   comment: Annotated[str, Form(max_length=5000)] = "",
                   artifact_ids: Annotated[list[str], Form()] = []):
    when_refused(request, SECTION_ONLY_TEXT)
    values = {"level": level, "comment": comment, "artifact_ids": artifact_ids}
    skill_id, _, rank = level.partition(":")
    try:
        if not skill_id or not rank.isdigit():
            raise InvalidArgument("level: choose a skill and level", [])
        await points.complete(backends, viewer, student_id, section_id=section_id, term_id=term_id,
                              skill_id=skill_id, level_rank=int(rank), comment=comment, artifact_ids=artifact_ids)
    except (InvalidArgument, Conflict) as domain:
        errors = field_errors(domain.problems) or {"level": domain.message}
        for name in ("skill_id", "level_rank"):
            if name in errors:
                errors["level"] = errors.pop(name)
        return await _form(request, backends, viewer, section_id, student_id, term_id, status=422, errors=errors,
                           values=values)
    return RedirectResponse(f"/sections/{section_id}/progress?term_id={term_id}&done=completed", status_code=303)


@router.get("/students/{student_id}/progress", dependencies=[REFUSED])
async def student_points(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str):
    found, student = await asyncio.gather(
        points.of_student(backends, viewer, student_id),
        backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=student_id)))
    return render(request, "points_of_progress.html", points=found, student=schemas.Person.of(student.person),
                  is_self=viewer.subject == student_id)
