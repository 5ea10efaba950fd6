"""The district admin's terms page (/admin/progress-terms): each school year's terms for points of progress with
their due dates, and a form to set one (naming an existing term again moves its date). The reflections service
decides who may set them; the page is offered to district admins only."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import InvalidArgument, PermissionDenied
from gateway.clients.backends import Backends, BackendsDep
from gateway.errors import when_refused
from gateway.i18n import N_
from gateway.routes.web.common import Viewer, field_errors
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import points_of_progress as points
from gateway.usecases import portfolio
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
ONLY_DISTRICT = N_("Only a district administrator sets the terms' due dates.")


async def _page(request: Request, backends: Backends, viewer: Principal, status: int = 200, notice: str = "",
                errors: dict | None = None, values: dict | None = None):
    found = await points.terms(backends, viewer)
    if not found.viewer_can_configure:        # the reflections service says who configures terms
        raise PermissionDenied(ONLY_DISTRICT)
    years = await portfolio.school_years(backends, viewer)
    return render(request, "admin_progress_terms.html", status=status, terms=list(found.terms), years=years,
                  titles={y.id: y.title or str(y.year) for y in years}, notice=notice, errors=errors or {},
                  values=values or {})


@router.get("/admin/progress-terms")
async def terms_page(request: Request, backends: BackendsDep, viewer: Viewer, done: str = ""):
    return await _page(request, backends, viewer, notice=N_("The term's due date was saved.") if done else "")


@router.post("/admin/progress-terms", dependencies=[Depends(verify_csrf)])
async def set_term(request: Request, backends: BackendsDep, viewer: Viewer,
                   school_year_id: Annotated[str, Form(max_length=64)] = "",
                   name: Annotated[str, Form(max_length=100)] = "",
                   due_on: Annotated[str, Form(max_length=10)] = ""):
    when_refused(request, ONLY_DISTRICT)
    values = {"school_year_id": school_year_id, "name": name, "due_on": due_on}
    try:
        await points.set_term(backends, viewer, **values)
    except InvalidArgument as domain:
        return await _page(request, backends, viewer, status=422, errors=field_errors(domain.problems),
                           values=values)
    return RedirectResponse("/admin/progress-terms?done=1", status_code=303)
