"""Web login and logout: a CSRF-protected form, accessible error messages, a signed expiring session cookie."""
from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.errors import DomainError, InvalidArgument, Unauthenticated
from gateway import i18n
from gateway.auth import end_session, is_guest, session_principal, session_store, start_session
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import notifications
from gateway.usecases.login import TooManyAttempts, authenticate
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)


def safe_next(target: str) -> str:
    """Only same-site paths: no scheme, no host, no protocol-relative or backslash tricks."""
    if target.startswith("/") and not target.startswith(("//", "/\\")) and "\\" not in target:
        return target
    return "/"


@router.get("/login")
async def login_form(request: Request, next: str = "/", logged_out: bool = False):
    current = session_principal(request)
    if current is not None and not is_guest(current):     # a panel guest may log in with a real account
        return RedirectResponse(safe_next(next), status_code=303)
    notice = "You have logged out." if logged_out else ""
    return render(request, "login.html", next=safe_next(next), username="", errors={}, message="", notice=notice)


@router.post("/login", dependencies=[Depends(verify_csrf)])
async def login(request: Request, username: Annotated[str, Form(max_length=255)] = "",
                password: Annotated[str, Form(max_length=1024)] = "", next: Annotated[str, Form()] = "/"):
    target = safe_next(next)
    try:
        principal = await authenticate(request, username, password)
    except InvalidArgument as error:
        errors = {p.field: f"Enter your {p.field}." for p in error.problems}
        return _again(request, 422, username, target, "Please correct the highlighted fields.", errors)
    except Unauthenticated:
        errors = {"password": "The username or password is not right. Check both and try again."}
        return _again(request, 401, username, target, "Wrong username or password.", errors)
    except TooManyAttempts as error:
        response = _again(request, 429, username, target, error.message, {})
        response.headers["Retry-After"] = str(error.retry_after)
        return response
    start_session(request, principal)
    await remember_language(request, principal)
    return RedirectResponse(target, status_code=303)


async def remember_language(request: Request, principal) -> None:
    """Pages follow the person's notifications language preference from login on (read once per session); while
    the notifications service cannot answer, the picker's choice or the browser's language is used."""
    try:
        language = await notifications.remember_language(request.app.state.backends, principal)
    except DomainError as error:
        log.info("language preference not read at login (%s): pages follow the browser's", error.code)
        return
    if language:
        request.session[i18n.SESSION_KEY] = language


def _again(request: Request, status: int, username: str, target: str, message: str, errors: dict):
    return render(request, "login.html", status=status, next=target, username=username, errors=errors,
                  message=message, notice="")


@router.post("/logout", dependencies=[Depends(verify_csrf)])
async def logout(request: Request):
    end_session(request)
    return RedirectResponse("/login?logged_out=1", status_code=303)


@router.post("/logout/everywhere", dependencies=[Depends(verify_csrf)])
async def logout_everywhere(request: Request):
    """Sign out everywhere: every session and bearer token of the signed-in person stops working."""
    principal = session_principal(request)
    if principal is not None:
        session_store(request).revoke_subject(principal.subject)
    end_session(request)
    return RedirectResponse("/login?logged_out=1", status_code=303)
