"""One artifact on the web: its page (media preview, skills, versions, and the discussion: see routes.web.discussion), the
edit form, the delete confirmation and the "Upload a new version" page. The artifacts service says what the viewer
may do (``viewer_can``): edit/delete controls and their pages are offered only when it allows the change."""
from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import InvalidArgument, PermissionDenied
from gateway.clients.backends import Backends, BackendsDep
from gateway.i18n import N_
from gateway.routes.web.common import REFUSED, Viewer, field_errors, refusal
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import portfolio
from gateway.web import assessment_view, discussion_view, exemplar_view, views
from gateway.web.render import render, render_error
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)
CHANGE_PAGES = {"artifact_edit.html": N_("Only the person who added this artifact can change it."),
                "artifact_delete.html": N_("Only the person who added this artifact can delete it."),
                "version_new.html": N_("Only the person who added this artifact can upload a new version.")}


async def _load(backends: Backends, viewer: Principal, artifact_id: str, include_retired: bool = True) -> dict:
    """The artifact with what its pages show: the student's name, skill chips and school year names."""
    artifact = await portfolio.get_artifact(backends, viewer, artifact_id)
    student, skills, years = await asyncio.gather(
        backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=artifact.student_id)),
        portfolio.effective_skills(backends, viewer, artifact.school_id, include_retired=include_retired),
        portfolio.year_choices(backends, viewer, keep=artifact.school_year_id))
    chips = views.palette(skills)
    return {"artifact": artifact, "student": student.person, "chips": chips, "years": years.years,
            "year_names": views.year_names(years.every), "tags": views.chips_of(artifact.skill_ids, chips),
            "can_change": artifact.viewer_can.change, "kind_labels": views.KIND_LABELS}


async def _page(request: Request, backends: Backends, viewer: Principal, artifact_id: str, template: str, **extra):
    context = await _load(backends, viewer, artifact_id, include_retired=template == "artifact.html")
    if template in CHANGE_PAGES and not context["can_change"]:
        raise PermissionDenied(CHANGE_PAGES[template])
    if template == "artifact.html":
        artifact = context["artifact"]
        talk, panels = await asyncio.gather(discussion_view.load(backends, viewer, artifact),
                                            assessment_view.load(backends, viewer, artifact))
        context.update(can=talk.can, talk=talk, panels=panels, safe_link=views.safe_link,
                       exemplars=await exemplar_view.load(backends, viewer, panels, talk.can),
                       recordings_processing=talk.available and discussion_view.processing(talk))
    return render(request, template, **context, **extra)


async def artifact_page_with(request: Request, backends: Backends, viewer: Principal, artifact_id: str,
                             status: int = 200, notice: str = "",
                             **discussion_forms):
    """The artifact page (e.g. re-shown with one discussion form's errors and values, status 422)."""
    page = await _page(request, backends, viewer, artifact_id, "artifact.html", notice=notice,
                       errors=discussion_forms.pop("errors", {}), **discussion_forms)
    if page.status_code == 200:
        page.status_code = status
    return page


@router.get("/artifacts/{artifact_id}", dependencies=[REFUSED])
async def artifact_page(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str, saved: bool = False,
                        done: str = ""):
    notice = N_("Changes saved.") if saved else discussion_view.DONE.get(done, "")
    return await artifact_page_with(request, backends, viewer, artifact_id, notice=notice)


@router.get("/artifacts/{artifact_id}/edit", dependencies=[REFUSED])
async def edit_form(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str):
    return await _page(request, backends, viewer, artifact_id, "artifact_edit.html", errors={}, values=None)


@router.post("/artifacts/{artifact_id}/edit",
             dependencies=[Depends(verify_csrf), refusal(CHANGE_PAGES["artifact_edit.html"])])
async def save_edit(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str,
                    title: Annotated[str, Form(max_length=500)] = "",
                    description: Annotated[str, Form(max_length=20000)] = "",
                    skill_ids: Annotated[list[str], Form()] = [], school_year_id: Annotated[str, Form()] = ""):
    values = {"title": title, "description": description, "skill_ids": skill_ids, "school_year_id": school_year_id}
    try:
        await portfolio.update_artifact(backends, viewer, artifact_id, values)
        return RedirectResponse(f"/artifacts/{artifact_id}?saved=1", status_code=303)
    except InvalidArgument as domain:
        errors = field_errors(domain.problems) or {"title": domain.message}
    page = await _page(request, backends, viewer, artifact_id, "artifact_edit.html", errors=errors, values=values)
    page.status_code = 422
    return page


@router.get("/artifacts/{artifact_id}/delete", dependencies=[REFUSED])
async def confirm_delete(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str):
    return await _page(request, backends, viewer, artifact_id, "artifact_delete.html")


@router.post("/artifacts/{artifact_id}/delete",
             dependencies=[Depends(verify_csrf), refusal(CHANGE_PAGES["artifact_delete.html"])])
async def delete(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str):
    artifact = await portfolio.get_artifact(backends, viewer, artifact_id)
    await portfolio.delete_artifact(backends, viewer, artifact_id)
    return RedirectResponse(f"/students/{artifact.student_id}?deleted=1", status_code=303)


@router.get("/artifacts/{artifact_id}/versions/new", dependencies=[REFUSED])
async def new_version(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str):
    return await _page(request, backends, viewer, artifact_id, "version_new.html")


@router.post("/artifacts/{artifact_id}/versions/new",
             dependencies=[Depends(verify_csrf), refusal(CHANGE_PAGES["version_new.html"])])
async def add_link_version_without_javascript(request: Request, backends: BackendsDep, viewer: Viewer,
                                              artifact_id: str, link_url: Annotated[str, Form(max_length=4000)] = ""):
    """The plain form post (no JavaScript): a new version of a link; files need the browser upload."""
    try:
        await portfolio.add_version(backends, viewer, artifact_id, link_url=link_url)
    except InvalidArgument as domain:
        return render_error(request, 422, "; ".join(field_errors(domain.problems).values()) or domain.message,
                            title=N_("The new version was not saved"))
    return RedirectResponse(f"/artifacts/{artifact_id}", status_code=303)
