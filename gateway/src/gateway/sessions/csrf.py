"""CSRF protection: a per-session synchronizer token, checked on every form post (hidden field ``csrf_token``) and
on every cookie-authenticated API write (header ``X-CSRF-Token``; pages expose the token in a ``<meta>`` tag).

Bearer-token API calls need no CSRF token: a browser never attaches an Authorization header on its own."""
from __future__ import annotations

import hmac
import secrets

from fastapi import Request

from chassis.errors import PermissionDenied

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _matches(sent: object, request: Request) -> bool:
    expected = request.session.get(FIELD)
    return isinstance(sent, str) and bool(expected) and hmac.compare_digest(sent.encode(), expected.encode())


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
    if not _matches(form.get(FIELD), request):
        raise PermissionDenied("This form has expired or did not come from this site. Please try again.")


def verify_csrf_header(request: Request) -> None:
    """For a request authenticated by the session cookie: 403 unless a write carries the session's token in the
    ``X-CSRF-Token`` header (reads pass)."""
    if request.method in SAFE_METHODS:
        return
    if not _matches(request.headers.get(HEADER), request):
        raise PermissionDenied(f"send the page's CSRF token in the {HEADER} header (from <meta name=\"csrf-token\">) "
                               "with every change made with the session cookie, or use a bearer token")
