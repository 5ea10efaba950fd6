"""The district admin's privacy settings page (/admin/privacy): the retention schedule (issue 13 §5) and when rights
over a record pass to the student (§6), each a form. The roster decides who may set them (district admins) and
audits the rule; a refused or invalid form shows the page again with the reason and what was typed."""
from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import InvalidArgument
from gateway.clients.backends import Backends, BackendsDep
from gateway.errors import when_refused
from gateway.i18n import N_, gettext, use_request_language
from gateway.routes.web.common import Viewer, field_errors
from gateway.sessions.csrf import verify_csrf
from gateway.web.render import render
from skillfolio.roster.v1 import privacy_pb2 as ppb

router = APIRouter(include_in_schema=False)
ONLY_DISTRICT = N_("Only a district administrator sets the district's privacy settings.")
RULES = (("age_18", N_("When the student turns 18")), ("graduation", N_("When the student graduates")),
         ("never", N_("Never: guardians keep access (the district treats its students as dependents)")))
WHOLE_NUMBER = N_("Enter a whole number of years or days.")
SAVED = {"rule": N_("When rights pass to students was saved."), "retention": N_("The retention schedule was saved.")}


async def _page(request: Request, backends: Backends, viewer: Principal, status: int = 200, notice: str = "",
                errors: dict | None = None, values: dict | None = None):
    schedule, rule = await asyncio.gather(
        backends.privacy.get_retention_schedule(viewer, ppb.GetRetentionScheduleRequest()),
        backends.privacy.get_rights_rule(viewer, ppb.GetRightsRuleRequest()))
    s = schedule.schedule
    values = {"portfolio_years": s.portfolio_years, "media_years": s.media_years, "grace_days": s.grace_days,
              **(values or {})}
    return render(request, "admin_privacy.html", status=status, rule=rule.rule, rules=RULES, values=values,
                  notice=notice, errors=errors or {})


@router.get("/admin/privacy")
async def settings_page(request: Request, backends: BackendsDep, viewer: Viewer, saved: str = ""):
    when_refused(request, ONLY_DISTRICT)
    return await _page(request, backends, viewer, notice=SAVED.get(saved, ""))


@router.post("/admin/privacy/rights-rule", dependencies=[Depends(verify_csrf)])
async def set_rule(request: Request, backends: BackendsDep, viewer: Viewer,
                   guardian_access_ends: Annotated[str, Form(max_length=16)] = ""):
    when_refused(request, ONLY_DISTRICT)
    try:
        await backends.privacy.set_rights_rule(viewer, ppb.SetRightsRuleRequest(
            guardian_access_ends=guardian_access_ends))
    except InvalidArgument as refused:
        return await _page(request, backends, viewer, 422, errors=field_errors(refused.problems))
    return RedirectResponse("/admin/privacy?saved=rule", status_code=303)


@router.post("/admin/privacy/retention", dependencies=[Depends(verify_csrf)])
async def set_retention(request: Request, backends: BackendsDep, viewer: Viewer,
                        portfolio_years: Annotated[str, Form(max_length=3)] = "",
                        media_years: Annotated[str, Form(max_length=3)] = "",
                        grace_days: Annotated[str, Form(max_length=3)] = ""):
    when_refused(request, ONLY_DISTRICT)
    typed = {"portfolio_years": portfolio_years, "media_years": media_years, "grace_days": grace_days}
    numbers = {name: int(value) for name, value in typed.items() if value.strip().isdigit()}
    if len(numbers) < len(typed):
        use_request_language(request)
        errors = {name: gettext(WHOLE_NUMBER) for name in typed if name not in numbers}
        return await _page(request, backends, viewer, 422, errors=errors, values=typed)
    try:
        await backends.privacy.set_retention_schedule(viewer, ppb.SetRetentionScheduleRequest(
            schedule=ppb.RetentionSchedule(**numbers)))
    except InvalidArgument as refused:
        return await _page(request, backends, viewer, 422, errors=field_errors(refused.problems), values=typed)
    return RedirectResponse("/admin/privacy?saved=retention", status_code=303)
