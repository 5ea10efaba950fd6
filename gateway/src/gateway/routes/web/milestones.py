"""One milestone on the web (/milestones/{id}) for the student, their teachers and guardians and its panellists
(panel guests included): the rubric, the evidence, the panel and the score sheets each may see, with the forms
each role uses: the student selects evidence, a teacher invites panellists (the new link shows once, on the reply
page, with its expiry) and records the outcome, a panellist scores each criterion. The service decides."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from gateway.clients.backends import Backends, BackendsDep
from gateway.errors import when_refused
from gateway.i18n import N_, gettext
from gateway.panel import guest_url, refuse_other_milestones
from gateway.routes.web.common import PanelViewer, Viewer
from gateway.routes.web.panel import ASK_AGAIN
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import milestones
from gateway.web import milestone_view
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
NOT_YOURS = N_("You can't open this milestone. It is open to the student, their teachers and guardians, and its "
              "panel.")
NOTICES = {"evidence": N_("Evidence saved."), "scored": N_("Thank you: your scores are saved."),
           "outcome": N_("Outcome recorded. The milestone is complete.")}   # marked, in English; the page translates


async def _page(request: Request, backends: Backends, viewer: Principal, milestone_id: str, status: int = 200, **extra):
    refuse_other_milestones(viewer, milestone_id)
    try:
        context = await milestone_view.load(backends, viewer, milestone_id)
    except (PermissionDenied, NotFound):
        raise PermissionDenied(NOT_YOURS) from None      # whether it exists is not this viewer's to know
    except Conflict as error:     # a panellist's link ended (or expired)
        message = (error.message or "this panel link has ended").rstrip(".")
        return render(request, "panel_refused.html", status=410, title=N_("This panel link has ended"),
                      message=message[:1].upper() + message[1:] + ".", advice=ASK_AGAIN)
    extra.setdefault("errors", {})
    return render(request, "milestone.html", status=status, **context, **extra)


async def _change(request: Request, backends: Backends, viewer: Principal, milestone_id: str, action, notice: str,
                  refused: str):
    """Run ``action`` (a service call); on success back to the page with a notice, else the page with errors (or
    the "not allowed" page saying ``refused``)."""
    when_refused(request, refused)
    try:
        await action
    except (InvalidArgument, Conflict) as domain:
        errors = {p.field: f"{p.field.replace('_', ' ').capitalize()}: {p.reason}" for p in domain.problems}
        return await _page(request, backends, viewer, milestone_id, status=422,
                           errors=errors or {"form": domain.message})
    return RedirectResponse(f"/milestones/{milestone_id}?done={notice}", status_code=303)


@router.get("/milestones/{milestone_id}")
async def milestone_page(request: Request, backends: BackendsDep, viewer: PanelViewer, milestone_id: str,
                         done: str = ""):
    return await _page(request, backends, viewer, milestone_id, notice=NOTICES.get(done, ""))


@router.post("/milestones/{milestone_id}/evidence", dependencies=[Depends(verify_csrf)])
async def select_evidence(request: Request, backends: BackendsDep, viewer: Viewer, milestone_id: str,
                          artifact_ids: Annotated[list[str], Form()] = []):
    action = milestones.select_evidence(backends, viewer, milestone_id, artifact_ids)
    return await _change(request, backends, viewer, milestone_id, action, "evidence",
                         N_("Only the student chooses the evidence of their milestone."))


@router.post("/milestones/{milestone_id}/score", dependencies=[Depends(verify_csrf)])
async def score(request: Request, backends: BackendsDep, viewer: PanelViewer, milestone_id: str,
                comment: Annotated[str, Form(max_length=10000)] = ""):
    refuse_other_milestones(viewer, milestone_id)
    form = await request.form()
    scores = [milestones.Score(key.removeprefix("criterion-"), int(value)) for key, value in form.items()
              if key.startswith("criterion-") and str(value).isdigit()]
    action = milestones.score(backends, viewer, milestone_id, scores, comment)
    return await _change(request, backends, viewer, milestone_id, action, "scored",
                         N_("You are not on this milestone's panel."))


@router.post("/milestones/{milestone_id}/outcome", dependencies=[Depends(verify_csrf)])
async def record_outcome(request: Request, backends: BackendsDep, viewer: Viewer, milestone_id: str,
                         outcome: Annotated[str, Form(max_length=20)] = ""):
    action = milestones.record_outcome(backends, viewer, milestone_id, outcome)
    return await _change(request, backends, viewer, milestone_id, action, "outcome",
                         N_("Only a teacher of the student records the outcome."))


@router.post("/milestones/{milestone_id}/panellists", dependencies=[Depends(verify_csrf)])
async def invite(request: Request, backends: BackendsDep, viewer: Viewer, milestone_id: str,
                 name: Annotated[str, Form(max_length=200)] = "",
                 email: Annotated[str, Form(max_length=320)] = "", kind: Annotated[str, Form(max_length=20)] = "",
                 valid_days: Annotated[int, Form(ge=0, le=365)] = 0):
    """The reply page itself shows the new link (never stored, never redirected through)."""
    when_refused(request, N_("Only a teacher of the student invites the panel."))
    try:
        reply = await milestones.invite_panellist(backends, viewer, milestone_id, name=name,
                                                  email=email, kind=kind, valid_days=valid_days)
    except InvalidArgument as domain:
        errors = {f"invite-{p.field}": f"{p.field.capitalize()}: {p.reason}" for p in domain.problems}
        return await _page(request, backends, viewer, milestone_id, status=422,
                           errors=errors or {"invite": domain.message},
                           invite_values={"name": name, "email": email, "kind": kind, "valid_days": valid_days})
    new_link = {"name": reply.panellist.name, "expires_at": reply.panellist.expires_at,
                "url": guest_url(request, reply.guest_url_token)}
    return await _page(request, backends, viewer, milestone_id, new_link=new_link,
                       notice=gettext("%(name)s is invited.") % {"name": reply.panellist.name})
