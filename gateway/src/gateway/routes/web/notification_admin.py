"""Notification pages of the people who hold family news back or deliver it: a teacher's approval queue
(/notifications/approvals: approve some or all), and a district admin's settings (/admin/notifications: default
delivery, teacher approval, digest hour and weekday, sender name) with the parked deliveries and resend. The
notifications service decides who may do what (``viewer_can``); bad input re-shows the form by its field."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.errors import FieldProblem, InvalidArgument, PermissionDenied
from gateway.clients.backends import Backends, BackendsDep
from gateway.errors import when_refused
from gateway.i18n import N_
from gateway.routes.web.common import Viewer, field_errors, refusal
from gateway.routes.web.notifications import delivery_control
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import notifications as uc
from gateway.web import notification_view as view
from gateway.web.render import render
from skillfolio.notifications.v1 import notifications_pb2 as npb

router = APIRouter(include_in_schema=False)
CSRF = [Depends(verify_csrf)]
ONLY_TEACHERS = "Only teachers have an approval queue."
ONLY_DISTRICT = "Only a district administrator can manage notification settings."
DONE = {"approved": N_("Approved: families will hear about it."), "saved": N_("The settings are saved."),
        "resent": N_("Queued to be sent again.")}
Ids = Annotated[list[str], Form(max_length=500)]


@router.get("/notifications/approvals", dependencies=[refusal(ONLY_TEACHERS)])
async def approvals_page(request: Request, backends: BackendsDep, viewer: Viewer, page_token: str = "",
                         done: str = ""):
    reply = await backends.notifications.list_approvals(viewer, npb.ListApprovalsRequest(
        page_size=50, page_token=page_token[:512]))
    if not reply.viewer_can.approve:
        raise PermissionDenied(ONLY_TEACHERS)
    return render(request, "notification_approvals.html", queue=reply, link=view.evidence_link,
                  notice=DONE.get(done, ""))


@router.post("/notifications/approvals/approve", dependencies=[*CSRF, refusal(ONLY_TEACHERS)])
async def approve(request: Request, backends: BackendsDep, viewer: Viewer, ids: Ids):
    await backends.notifications.approve(viewer, npb.ApproveRequest(ids=[i[:64] for i in ids]))
    return RedirectResponse("/notifications/approvals?done=approved", status_code=303)


@router.post("/notifications/approvals/approve-all", dependencies=[*CSRF, refusal(ONLY_TEACHERS)])
async def approve_all(request: Request, backends: BackendsDep, viewer: Viewer):
    await backends.notifications.approve_all(viewer)
    return RedirectResponse("/notifications/approvals?done=approved", status_code=303)


async def _district_page(request: Request, backends: Backends, viewer, status: int = 200, notice: str = "",
                         errors: dict | None = None):
    when_refused(request, ONLY_DISTRICT)
    settings = await backends.notifications.get_district_settings(viewer)
    if not settings.viewer_can.manage_district:
        raise PermissionDenied(ONLY_DISTRICT)
    parked = await backends.notifications.list_parked(viewer, npb.ListParkedRequest(page_size=100))
    return render(request, "admin_notifications.html", status=status, settings=settings.settings,
                  parked=parked, notice=notice, errors=errors or {}, deliveries=uc.DELIVERIES,
                  category_label=view.category_label, delivery_labels=view.DELIVERY_LABELS,
                  weekday_labels=view.WEEKDAY_LABELS)


@router.get("/admin/notifications")
async def district_page(request: Request, backends: BackendsDep, viewer: Viewer, done: str = ""):
    return await _district_page(request, backends, viewer, notice=DONE.get(done, ""))


@router.post("/admin/notifications", dependencies=[*CSRF, refusal(ONLY_DISTRICT)])
async def save_district(request: Request, backends: BackendsDep, viewer: Viewer):
    form = await request.form()
    defaults = {key.removeprefix("delivery-"): str(value)[:16] for key, value in form.multi_items()
                if key.startswith("delivery-")}
    hour = str(form.get("digest_hour", ""))
    try:
        if not hour.isdigit():
            raise InvalidArgument("the digest hour must be a whole hour", [
                FieldProblem("digest_hour", "must be a whole hour from 0 to 23")])
        await uc.update_district(backends, viewer, default_delivery=defaults,
                                 approval_required=form.get("approval_required") == "on", digest_hour=int(hour),
                                 weekly_weekday=str(form.get("weekly_weekday", ""))[:16],
                                 sender_name=str(form.get("sender_name", ""))[:200])
    except InvalidArgument as error:
        return await _district_page(request, backends, viewer, status=422, errors=field_errors(
            [delivery_control(p) for p in error.problems]))
    return RedirectResponse("/admin/notifications?done=saved", status_code=303)


@router.post("/admin/notifications/resend", dependencies=[*CSRF, refusal(ONLY_DISTRICT)])
async def resend(request: Request, backends: BackendsDep, viewer: Viewer, ids: Ids):
    await backends.notifications.resend(viewer, npb.ResendRequest(ids=[i[:64] for i in ids]))
    return RedirectResponse("/admin/notifications?done=resent", status_code=303)
