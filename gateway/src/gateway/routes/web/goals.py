"""A student's goals on the web (/students/{id}/goals): each goal with its status, skills, success criteria and
linked evidence; the student sets a goal, edits it, links evidence from their portfolio and closes it with a
reflection. Teachers and guardians read. The reflections service decides who may do what."""
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
from gateway.routes.web.common import REFUSED, Viewer, field_errors
from gateway.schemas import common as schemas
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import goals, portfolio
from gateway.web import views
from gateway.web.render import render
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)
NOTICES = {"set": N_("Goal set."), "saved": N_("Goal saved."), "linked": N_("Evidence saved."),
           "closed": N_("Goal closed.")}      # marked, in English; the page translates them
ONLY_STUDENT = N_("Only the student changes their goals. Teachers and guardians can read them.")


async def _page(request: Request, backends: Backends, viewer: Principal, student_id: str, status: int = 200, **extra):
    found, student, page = await asyncio.gather(
        goals.student_goals(backends, viewer, student_id),
        backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=student_id)),
        portfolio.list_portfolio(backends, viewer, student_id, page_size=200))
    student = student.person
    chips = views.palette(await portfolio.effective_skills(backends, viewer, student.primary_school_id))
    extra.setdefault("errors", {})
    extra.setdefault("values", {"skill_ids": []})
    return render(request, "goals.html", status=status, student=schemas.Person.of(student), goals=list(found.goals),
                  can_write=found.viewer_can.write,
                  chips=chips, chips_of=views.chips_of, artifacts=list(page.artifacts),
                  titles={a.id: a.title for a in page.artifacts}, is_self=viewer.subject == student_id,
                  statuses=goals.STATUS_LABELS, closing=goals.CLOSING_STATUSES, **extra)


async def _change(request: Request, backends: Backends, viewer: Principal, student_id: str, action, notice: str,
                  goal_id: str = "", values=None):
    when_refused(request, ONLY_STUDENT)
    try:
        goal = await action
    except (InvalidArgument, Conflict) as domain:
        errors = field_errors(domain.problems) or {"title": domain.message}
        return await _page(request, backends, viewer, student_id, status=422, errors=errors, error_goal=goal_id,
                           values=values or {"skill_ids": []})
    return RedirectResponse(f"/students/{student_id}/goals?done={notice}#goal-{goal.id}", status_code=303)


@router.get("/students/{student_id}/goals", dependencies=[REFUSED])
async def goals_page(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str, done: str = ""):
    return await _page(request, backends, viewer, student_id, notice=NOTICES.get(done, ""))


@router.post("/students/{student_id}/goals", dependencies=[Depends(verify_csrf)])
async def set_goal(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                   title: Annotated[str, Form(max_length=500)] = "",
                   skill_ids: Annotated[list[str], Form()] = [],
                   success_criteria: Annotated[str, Form(max_length=5000)] = ""):
    values = {"title": title, "skill_ids": skill_ids, "success_criteria": success_criteria}
    action = goals.set_goal(backends, viewer, student_id, **values)
    return await _change(request, backends, viewer, student_id, action, "set", values=values)


@router.post("/students/{student_id}/goals/{goal_id}/edit", dependencies=[Depends(verify_csrf)])
async def edit_goal(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str, goal_id: str,
                    title: Annotated[str, Form(max_length=500)] = "", skill_ids: Annotated[list[str], Form()] = [],
                    success_criteria: Annotated[str, Form(max_length=5000)] = ""):
    action = goals.update_goal(backends, viewer, goal_id, title=title, skill_ids=skill_ids,
                               success_criteria=success_criteria)
    return await _change(request, backends, viewer, student_id, action, "saved", goal_id)


@router.post("/students/{student_id}/goals/{goal_id}/evidence", dependencies=[Depends(verify_csrf)])
async def link_evidence(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str, goal_id: str,
                        artifact_ids: Annotated[list[str], Form()] = [], listed: Annotated[list[str], Form()] = []):
    """The form lists the portfolio (``listed``): ticked ones are linked, listed unticked ones are unlinked."""
    current = await goals.get_goal(backends, viewer, goal_id)
    unlink = [a for a in current.evidence_artifact_ids if a in listed and a not in artifact_ids]
    action = goals.link_evidence(backends, viewer, goal_id, artifact_ids=artifact_ids,
                                 unlink_artifact_ids=unlink)
    return await _change(request, backends, viewer, student_id, action, "linked", goal_id)


@router.post("/students/{student_id}/goals/{goal_id}/close", dependencies=[Depends(verify_csrf)])
async def close_goal(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str, goal_id: str,
                     status: Annotated[str, Form(max_length=20)] = "",
                     closing_reflection: Annotated[str, Form(max_length=10000)] = ""):
    action = goals.close_goal(backends, viewer, goal_id, status=status,
                              closing_reflection=closing_reflection)
    return await _change(request, backends, viewer, student_id, action, "closed", goal_id)
