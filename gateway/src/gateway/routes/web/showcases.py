"""Showcases on the web: a student's showcases (/students/{id}/showcases) and one showcase (/showcases/{id}), where
the student or a current teacher picks and orders the student's work, writes an introduction, chooses the audience,
shares it with guardians or a milestone's panel, and makes or revokes expiring external links. The artifacts service
decides who may do what; the public view of a link is in routes/web/showcase_link.py."""
from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import DomainError, InvalidArgument, NotFound
from gateway.clients.backends import Backends, BackendsDep
from gateway.errors import when_refused
from gateway.i18n import N_
from gateway.routes.web.common import REFUSED, Viewer, field_errors
from gateway.schemas import common as schemas
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import portfolio, showcases
from gateway.web.render import render
from skillfolio.reflections.v1 import milestones_pb2 as mpb
from skillfolio.roster.v1 import roster_pb2 as rpb

router = APIRouter(include_in_schema=False)
NOTICES = {"created": N_("Showcase created."), "saved": N_("Showcase saved."), "revoked": N_("Link revoked."),
           "deleted": N_("Showcase deleted.")}      # marked, in English; the page translates them
ONLY_CURATORS = N_("Only the student and their current teachers change a showcase.")
CSRF = [Depends(verify_csrf)]


async def _milestones(backends: Backends, viewer: Principal, student_id: str) -> list:
    """The student's milestones to share with (none when the viewer may not list them)."""
    try:
        reply = await backends.milestones.list_milestones(viewer, mpb.ListMilestonesRequest(student_id=student_id))
    except DomainError:
        return []
    return list(reply.milestones)


async def _context(backends: Backends, viewer: Principal, student_id: str, with_portfolio: bool) -> dict:
    student = await backends.roster.get_person(viewer, rpb.GetPersonRequest(person_id=student_id))
    artifacts, milestones = [], []
    if with_portfolio:
        page, milestones = await asyncio.gather(portfolio.list_portfolio(backends, viewer, student_id, page_size=200),
                                                _milestones(backends, viewer, student_id))
        artifacts = list(page.artifacts)
    return {"student": schemas.Person.of(student.person), "artifacts": artifacts, "milestones": milestones,
            "audiences": showcases.AUDIENCES, "is_self": viewer.subject == student_id}


async def _chosen(request: Request) -> list[str]:
    """The ticked artifacts, ordered by the position typed beside each (then by the listing's order)."""
    form = await request.form()
    ticked = [str(v) for v in form.getlist("artifact_ids")]

    def position(pair: tuple[int, str]) -> tuple[float, int]:
        raw = str(form.get(f"position-{pair[1]}", "")).strip()
        return (float(raw) if raw.replace(".", "", 1).isdigit() else float("inf"), pair[0])
    return [a for _, a in sorted(enumerate(ticked), key=position)]


def _fields(values: dict, chosen: list[str]):
    return showcases.fields(title=values["title"], introduction=values["introduction"], audience=values["audience"],
                            milestone_id=values["milestone_id"], share_with_guardians=values["share"],
                            artifact_ids=chosen)


@router.get("/students/{student_id}/showcases", dependencies=[REFUSED])
async def showcases_page(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str, done: str = "",
                         status: int = 200, errors: dict | None = None, values: dict | None = None):
    found = await showcases.student_showcases(backends, viewer, student_id)
    context = await _context(backends, viewer, student_id, found.can_curate)
    return render(request, "showcases.html", status=status, showcases=list(found.showcases),
                  can_curate=found.can_curate, notice=NOTICES.get(done, ""), errors=errors or {},
                  values=values or {"artifact_ids": []}, **context)


@router.post("/students/{student_id}/showcases", dependencies=CSRF)
async def create_showcase(request: Request, backends: BackendsDep, viewer: Viewer, student_id: str,
                          title: Annotated[str, Form(max_length=200)] = "",
                          introduction: Annotated[str, Form(max_length=5000)] = "",
                          audience: Annotated[str, Form(max_length=20)] = "family",
                          milestone_id: Annotated[str, Form(max_length=64)] = "",
                          share_with_guardians: Annotated[str, Form(max_length=10)] = ""):
    when_refused(request, ONLY_CURATORS)
    values = {"title": title, "introduction": introduction, "audience": audience, "milestone_id": milestone_id,
              "share": bool(share_with_guardians)}
    chosen = await _chosen(request)
    try:
        made = await showcases.create_showcase(backends, viewer, student_id, _fields(values, chosen))
    except InvalidArgument as domain:
        return await showcases_page(request, backends, viewer, student_id, status=422,
                                    errors=field_errors(domain.problems) or {"title": domain.message},
                                    values={**values, "artifact_ids": chosen})
    return RedirectResponse(f"/showcases/{made.id}?done=created", status_code=303)


async def _showcase_page(request: Request, backends: Backends, viewer: Principal, showcase_id: str,
                         status: int = 200, **extra):
    showcase = await showcases.get_showcase(backends, viewer, showcase_id)
    context = await _context(backends, viewer, showcase.student_id, showcase.viewer_can.curate)
    extra.setdefault("errors", {})
    return render(request, "showcase.html", status=status, showcase=showcase, **context, **extra)


@router.get("/showcases/{showcase_id}", dependencies=[REFUSED])
async def showcase_page(request: Request, backends: BackendsDep, viewer: Viewer, showcase_id: str, done: str = ""):
    return await _showcase_page(request, backends, viewer, showcase_id, notice=NOTICES.get(done, ""))


@router.post("/showcases/{showcase_id}/edit", dependencies=CSRF)
async def edit_showcase(request: Request, backends: BackendsDep, viewer: Viewer, showcase_id: str,
                        title: Annotated[str, Form(max_length=200)] = "",
                        introduction: Annotated[str, Form(max_length=5000)] = "",
                        audience: Annotated[str, Form(max_length=20)] = "family",
                        milestone_id: Annotated[str, Form(max_length=64)] = "",
                        share_with_guardians: Annotated[str, Form(max_length=10)] = ""):
    when_refused(request, ONLY_CURATORS)
    values = {"title": title, "introduction": introduction, "audience": audience, "milestone_id": milestone_id,
              "share": bool(share_with_guardians)}
    try:
        await showcases.update_showcase(backends, viewer, showcase_id, _fields(values, await _chosen(request)))
    except InvalidArgument as domain:
        return await _showcase_page(request, backends, viewer, showcase_id, status=422,
                                    errors=field_errors(domain.problems) or {"title": domain.message})
    return RedirectResponse(f"/showcases/{showcase_id}?done=saved", status_code=303)


@router.post("/showcases/{showcase_id}/delete", dependencies=CSRF)
async def delete_showcase(request: Request, backends: BackendsDep, viewer: Viewer, showcase_id: str):
    when_refused(request, ONLY_CURATORS)
    student_id = (await showcases.get_showcase(backends, viewer, showcase_id)).student_id
    await showcases.delete_showcase(backends, viewer, showcase_id)
    return RedirectResponse(f"/students/{student_id}/showcases?done=deleted", status_code=303)


@router.post("/showcases/{showcase_id}/links", dependencies=CSRF)
async def create_link(request: Request, backends: BackendsDep, viewer: Viewer, showcase_id: str,
                      valid_days: Annotated[int, Form(ge=1, le=90)] = 14):
    """The new link's URL is shown on this answer only (only its hash is kept)."""
    when_refused(request, ONLY_CURATORS)
    made = await showcases.create_link(backends, viewer, showcase_id, valid_days)
    return await _showcase_page(request, backends, viewer, showcase_id, status=201,
                                new_link=showcases.link_url(request, made.token))


@router.post("/showcases/{showcase_id}/links/{link_id}/revoke", dependencies=CSRF)
async def revoke_link(request: Request, backends: BackendsDep, viewer: Viewer, showcase_id: str, link_id: str):
    when_refused(request, ONLY_CURATORS)
    try:
        await showcases.revoke_link(backends, viewer, showcase_id, link_id)
    except NotFound:
        pass                                 # already gone: the page shows the links as they are
    return RedirectResponse(f"/showcases/{showcase_id}?done=revoked", status_code=303)
