"""A student's portfolio on the web: the gallery with filters kept in the URL, and the "Add artifact" page.

Pages call the services as the session's principal through gateway.usecases.portfolio; the artifacts service
decides who may see or add and says so (``viewer_can``): the page offers only that, and a refusal renders a friendly
403 page (gateway.errors). The file upload itself runs in the browser (upload.js): JSON to the REST API, bytes
straight to the store, then "complete". Links also work without JavaScript.
"""
from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import InvalidArgument, PermissionDenied
from gateway.clients.backends import Backends, BackendsDep
from gateway.i18n import N_
from gateway.routes.web.common import REFUSED, Viewer, field_errors
from gateway.schemas import common as schemas
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import portfolio
from gateway.web import views
from gateway.web.render import render
from skillfolio.roster.v1 import roster_pb2 as rpb

DISCLOSURE_READERS = {"guardian", "privacy_officer"}
router = APIRouter(include_in_schema=False)
PAGE_SIZE = 24
CANNOT_ADD = "Only the student and the teachers who teach them now can add artifacts to this portfolio."


async def _student(backends: Backends, viewer: Principal, student_id: str) -> rpb.Person:
    reply = await backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=student_id))
    return reply.person


async def _palette(backends: Backends, viewer: Principal, school_ids) -> dict[str, views.SkillChip]:
    lists = await asyncio.gather(*(portfolio.effective_skills(backends, viewer, s) for s in dict.fromkeys(school_ids)))
    return views.palette({skill.id: skill for skills in lists for skill in skills}.values())



@router.get("/students/{student_id}", dependencies=[REFUSED])
async def gallery(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                  q: Annotated[str, Query(max_length=200)] = "",
                  skill: Annotated[list[str], Query()] = [], year: str = "", page_token: str = "",
                  deleted: bool = False):
    filters = views.GalleryFilters(q=q.strip(), skills=[s for s in skill if s], year=year)
    page, student = await asyncio.gather(
        portfolio.list_portfolio(backends, viewer, student_id, title_query=filters.q, skill_ids=filters.skills,
                                 school_year_id=filters.year, page_size=PAGE_SIZE, page_token=page_token),
        _student(backends, viewer, student_id))
    chips, years = await asyncio.gather(
        _palette(backends, viewer, [student.primary_school_id, *(a.school_id for a in page.artifacts)]),
        portfolio.year_choices(backends, viewer, keep=filters.year))
    return render(request, "portfolio.html", student=schemas.Person.of(student), artifacts=page.artifacts,
                  next_page_token=page.next_page_token, filters=filters, chips=chips, chips_of=views.chips_of,
                  years=years.years, year_names=views.year_names(years.every), can_add=page.viewer_can.add,
                  can_export=page.viewer_can.export,
                  is_self=viewer.subject == student_id, kind_labels=views.KIND_LABELS,
                  # a hint only (the services decide): who may read the record of disclosures
                  show_disclosures=viewer.subject == student_id or bool(set(viewer.roles) & DISCLOSURE_READERS),
                  notice=N_("Artifact deleted.") if deleted else "")


async def _form_context(backends: Backends, viewer: Principal, student_id: str) -> dict:
    student = await _student(backends, viewer, student_id)
    skills, years = await asyncio.gather(
        portfolio.effective_skills(backends, viewer, student.primary_school_id, include_retired=False),
        portfolio.year_choices(backends, viewer))
    return {"student": schemas.Person.of(student), "chips": views.palette(skills), "years": years.years,
            "current_year_id": years.current_id, "kinds": views.UPLOAD_KINDS, "kind_labels": views.KIND_LABELS}


@router.get("/students/{student_id}/artifacts/new", dependencies=[REFUSED])
async def new_artifact(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str):
    """The form, only to a viewer the artifacts service lets add here (anyone else: the 403 page)."""
    if not (await portfolio.viewer_can(backends, viewer, student_id)).add:
        raise PermissionDenied(CANNOT_ADD)
    context = await _form_context(backends, viewer, student_id)
    values = {"kind": "image", "skill_ids": [], "school_year_id": context["current_year_id"]}
    return render(request, "artifact_new.html", values=values, errors={}, **context)


@router.post("/students/{student_id}/artifacts/new", dependencies=[Depends(verify_csrf), REFUSED])
async def add_link_without_javascript(
        request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
        title: Annotated[str, Form(max_length=500)] = "",
        description: Annotated[str, Form(max_length=20000)] = "", kind: Annotated[str, Form()] = "link",
        skill_ids: Annotated[list[str], Form()] = [], school_year_id: Annotated[str, Form()] = "",
        link_url: Annotated[str, Form(max_length=4000)] = ""):
    """The plain form post (no JavaScript): links only, since file bytes go from the browser to the store."""
    values = {"title": title, "description": description, "kind": kind, "skill_ids": skill_ids,
              "school_year_id": school_year_id, "link_url": link_url}
    errors = {}
    if kind != "link":
        errors["file"] = "Uploading a file needs JavaScript turned on. Turn it on, or add a link instead."
    else:
        try:
            created = await portfolio.create_artifact(
                backends, viewer, student_id, title=title, description=description, kind=kind,
                skill_ids=skill_ids, school_year_id=school_year_id, link_url=link_url)
            return RedirectResponse(f"/artifacts/{created.artifact.id}", status_code=303)
        except InvalidArgument as domain:
            errors = field_errors(domain.problems) or {"title": domain.message}
    context = await _form_context(backends, viewer, student_id)
    return render(request, "artifact_new.html", status=422, values=values, errors=errors, **context)
