"""CSRF protection for the web forms: a per-session synchronizer token, checked on every form post."""
from __future__ import annotations

import hmac
import secrets

from fastapi import Request

from chassis.errors import PermissionDenied

FIELD = "csrf_token"


def csrf_token(request: Request) -> str:
    """The session's CSRF token, minted on first use (templates put it in a hidden field)."""
    token = request.session.get(FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[FIELD] = token
    return token


async def verify_csrf(request: Request) -> None:
    """FastAPI dependency for form posts: 403 unless the form's token matches the session's."""
    form = await request.form()
    sent = form.get(FIELD)
    expected = request.session.get(FIELD)
    if not (isinstance(sent, str) and expected and hmac.compare_digest(sent, expected)):
        raise PermissionDenied("This form has expired or did not come from this site. Please try again.")
