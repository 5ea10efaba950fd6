"""A person's notification pages: the feed (/notifications: unread counts, mark read, mark all read, a link to the
evidence that marks the item read) and preferences (/notifications/preferences: delivery per category, email,
language, time zone, quiet hours), and the language picker every page shows (POST /language). The notifications
service decides what each person may see and change; bad input re-shows the form with the problem by its field."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse

from chassis.errors import FieldProblem, InvalidArgument
from gateway import i18n
from gateway.auth import is_guest, session_principal
from gateway.clients.backends import Backends, BackendsDep
from gateway.routes.web.auth import safe_next
from gateway.routes.web.common import Viewer, field_errors
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import notifications as uc
from gateway.web import notification_view as view
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
CSRF = [Depends(verify_csrf)]
DONE = {"read": i18n.N_("Marked as read."), "all-read": i18n.N_("Every notification is marked as read."),
        "saved": i18n.N_("Your preferences are saved.")}


@router.get("/notifications")
async def feed_page(request: Request, backends: BackendsDep, viewer: Viewer, page_token: str = "",
                    done: str = ""):
    reply = await uc.feed(backends, viewer, page_size=20, page_token=page_token[:512])
    return render(request, "notifications.html", feed=reply, link=view.evidence_link,
                  category_label=view.category_label, notice=DONE.get(done, ""))


@router.post("/notifications/read", dependencies=CSRF)
async def mark_read(request: Request, backends: BackendsDep, viewer: Viewer,
                    ids: Annotated[list[str], Form(max_length=100)]):
    await uc.mark_read(backends, viewer, [i[:64] for i in ids])
    return RedirectResponse("/notifications?done=read", status_code=303)


@router.post("/notifications/read-all", dependencies=CSRF)
async def mark_all_read(request: Request, backends: BackendsDep, viewer: Viewer):
    await uc.mark_all_read(backends, viewer)
    return RedirectResponse("/notifications?done=all-read", status_code=303)


@router.get("/notifications/{notification_id}/open")
async def open_evidence(request: Request, backends: BackendsDep, viewer: Viewer, notification_id: str,
                        to: Annotated[str, Query(max_length=2048)] = "/notifications"):
    """Following a notification's link marks it read (only the viewer's own; harmless if forged), then opens its
    evidence, a path on this site."""
    await uc.mark_read(backends, viewer, [notification_id[:64]])
    return RedirectResponse(view.evidence_link(to) or "/notifications", status_code=303)


def delivery_control(problem: FieldProblem) -> FieldProblem:
    """A category's problem (``categories.<category>``) shown at its select (``delivery-<category>``)."""
    head, dot, category = problem.field.partition(".")
    return FieldProblem(f"delivery-{category}", problem.reason) if head in ("categories", "default_delivery") and \
        dot and category != "category" else problem


async def _preferences_page(request: Request, backends: Backends, viewer, status: int = 200, notice: str = "",
                            errors: dict | None = None, reply=None):
    reply = reply or await backends.notifications.get_preferences(viewer)
    return render(request, "notification_preferences.html", status=status, view=reply, notice=notice,
                  errors=errors or {}, deliveries=uc.DELIVERIES, category_label=view.category_label,
                  delivery_labels=view.DELIVERY_LABELS, language_name=i18n.language_name)


@router.get("/notifications/preferences")
async def preferences_page(request: Request, backends: BackendsDep, viewer: Viewer, done: str = ""):
    return await _preferences_page(request, backends, viewer, notice=DONE.get(done, ""))


@router.post("/notifications/preferences", dependencies=CSRF)
async def save_preferences(request: Request, backends: BackendsDep, viewer: Viewer):
    form = await request.form()
    categories = {key.removeprefix("delivery-"): str(value)[:16] for key, value in form.multi_items()
                  if key.startswith("delivery-")}
    fields = {name: str(form.get(name, ""))[:64] for name in ("language", "time_zone", "quiet_hours_start",
                                                               "quiet_hours_end")}
    fields["time_zone"] = fields["time_zone"].strip() or None    # empty: keep following the district's zone
    try:
        await uc.update_preferences(backends, viewer, categories=categories, email=form.get("email") == "on",
                                    **fields)
    except InvalidArgument as error:
        return await _preferences_page(request, backends, viewer, status=422, errors=field_errors(
            [delivery_control(p) for p in error.problems]))
    request.session[i18n.SESSION_KEY] = fields["language"]
    return RedirectResponse("/notifications/preferences?done=saved", status_code=303)


@router.post("/language", dependencies=CSRF)
async def pick_language(request: Request, backends: BackendsDep, language: Annotated[str, Form(max_length=16)] = "",
                        next: Annotated[str, Form(max_length=2048)] = "/"):
    """The picker: this browser's language (a cookie), and a signed-in person's preference (emails follow it)."""
    if language not in i18n.SUPPORTED_LANGUAGES:
        raise InvalidArgument(f"language: must be one of {', '.join(i18n.SUPPORTED_LANGUAGES)}", [
            FieldProblem("language", f"must be one of {', '.join(i18n.SUPPORTED_LANGUAGES)}")])
    principal = session_principal(request)
    if principal is not None and not is_guest(principal):
        await uc.update_preferences(backends, principal, language=language)
        request.session[i18n.SESSION_KEY] = language
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(i18n.LANGUAGE_COOKIE, language, max_age=365 * 24 * 3600, samesite="lax", httponly=True,
                        secure=request.app.state.settings.cookie_secure)
    return response
