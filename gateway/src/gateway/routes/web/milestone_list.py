"""A student's milestones on the web (/students/{id}/milestones): each with its type, date, status and outcome,
and for a teacher of the student the "Plan a milestone" form (type, title, date). The service decides."""
from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import Conflict, InvalidArgument
from gateway.clients.backends import Backends, BackendsDep
from gateway.i18n import N_
from gateway.routes.web.common import REFUSED, Viewer, refusal
from gateway.schemas import common as schemas
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import milestones
from gateway.web.render import render
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)


async def _page(request: Request, backends: Backends, viewer: Principal, student_id: str, status: int = 200, **extra):
    found, student = await asyncio.gather(
        milestones.student_milestones(backends, viewer, student_id),
        backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=student_id)))
    can_plan = found.viewer_can.create          # the reflections service says who may plan one
    types = await milestones.list_types(backends, viewer) if can_plan else []
    extra.setdefault("errors", {})
    extra.setdefault("values", {})
    return render(request, "milestones.html", status=status, student=schemas.Person.of(student.person),
                  milestones=list(found.milestones), types=types, can_plan=can_plan, is_self=viewer.subject == student_id,
                  outcomes=milestones.OUTCOMES, statuses=milestones.STATUS_LABELS, **extra)


@router.get("/students/{student_id}/milestones", dependencies=[REFUSED])
async def milestone_list(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str):
    return await _page(request, backends, viewer, student_id)


@router.post("/students/{student_id}/milestones", dependencies=[
    Depends(verify_csrf), refusal(N_("Only a teacher who teaches this student now plans their milestones."))])
async def plan_milestone(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                         type_id: Annotated[str, Form(max_length=64)] = "",
                         title: Annotated[str, Form(max_length=500)] = "",
                         scheduled_on: Annotated[str, Form(max_length=10)] = ""):
    try:
        created = await milestones.create_milestone(backends, viewer, student_id, type_id=type_id,
                                                    title=title, scheduled_on=scheduled_on)
    except (InvalidArgument, Conflict) as domain:
        errors = {p.field: f"{p.field.replace('_', ' ').capitalize()}: {p.reason}" for p in domain.problems}
        return await _page(request, backends, viewer, student_id, status=422,
                           errors=errors or {"title": domain.message},
                           values={"type_id": type_id, "title": title, "scheduled_on": scheduled_on})
    return RedirectResponse(f"/milestones/{created.id}", status_code=303)
