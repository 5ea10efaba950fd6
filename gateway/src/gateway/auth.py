"""Who is calling: principals built from roster people, API bearer tokens, and web sessions that expire."""
from __future__ import annotations

import math
import time

import jwt
from fastapi import Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from chassis.access import Role
from chassis.context import Principal
from chassis.errors import PermissionDenied, Unauthenticated
from chassis.grpc.roles import role_names
from gateway.sessions.csrf import verify_csrf_header
from gateway.sessions.standing import confirm_standing
from gateway.sessions.store import SessionStore
from skillfolio.roster.v1 import roster_pb2

API_AUDIENCE = "skillfolio-api"
TOKEN_ALGORITHM = "HS256"
bearer_scheme = HTTPBearer(auto_error=False, description="A token from POST /api/v1/auth/token")


def principal_from_person(person: roster_pb2.Person) -> Principal:
    name = f"{person.given_name} {person.family_name}".strip()
    return Principal(subject=person.id, roles=tuple(role_names(person.roles)), display_name=name)


def issue_api_token(principal: Principal, secret: str, ttl_seconds: int, session_id: str) -> str:
    """A signed bearer token (JWT, HS256, audience skillfolio-api) valid for ``ttl_seconds``, naming its server-side
    session record (``sid``) so that logout, sign out everywhere and deactivation can revoke it, and the login time
    (``auth_time``) that the roster compares with the last password change."""
    now = time.time()
    claims = {"sub": principal.subject, "roles": list(principal.roles), "name": principal.display_name,
              "sid": session_id, "auth_time": now, "aud": API_AUDIENCE, "iat": int(now),
              "exp": int(now) + ttl_seconds}
    return jwt.encode(claims, secret, algorithm=TOKEN_ALGORITHM)


def read_api_token(token: str, secret: str) -> tuple[Principal, str]:
    """The principal a bearer token asserts and its session id (not yet checked against the session store)."""
    try:
        claims = jwt.decode(token, secret, algorithms=[TOKEN_ALGORITHM], audience=API_AUDIENCE,
                            options={"require": ["sub", "sid", "aud", "iat", "exp"]})
    except jwt.ExpiredSignatureError as exc:
        raise Unauthenticated("the bearer token has expired; request a new one") from exc
    except jwt.PyJWTError as exc:
        raise Unauthenticated("the bearer token is not valid") from exc
    principal = Principal(subject=claims["sub"], roles=tuple(claims.get("roles", ())),
                          display_name=claims.get("name", ""), authenticated_at=float(claims.get("auth_time", 0)))
    return principal, str(claims["sid"])


def session_store(request: Request) -> SessionStore:
    return request.app.state.sessions


REVOKED = ("the bearer token has been revoked (logged out, signed out everywhere, or the account was deactivated); "
           "request a new one")
GUEST_ROLE = Role.PANEL_GUEST
GUEST_LIMIT = "a panel link opens its milestone's page only; log in with a Skillfolio account for anything else"


def is_guest(principal: Principal) -> bool:
    """A panel guest (subject ``guest:<invitation_id>``): may open and score one milestone, nothing else."""
    return principal.has_role(GUEST_ROLE)


async def _api_caller(request: Request) -> Principal:
    credentials: HTTPAuthorizationCredentials | None = await bearer_scheme(request)
    if credentials is not None:
        principal, session_id = read_api_token(credentials.credentials, request.app.state.settings.session_secret)
        if not session_store(request).live(session_id, principal.subject):
            raise Unauthenticated(REVOKED)
        request.state.principal, request.state.session_id = principal, session_id
        await confirm_standing(request, principal, session_id)
        return principal
    if "authorization" not in request.headers:         # a malformed Authorization header never falls back
        principal = session_principal(request)
        if principal is not None:
            verify_csrf_header(request)
            await confirm_standing(request, principal, request.state.session_id)
            return principal
    raise Unauthenticated("send an Authorization: Bearer token from POST /api/v1/auth/token (or log in)")


async def api_principal(request: Request) -> Principal:
    """FastAPI dependency for /api/v1: the principal of a valid ``Authorization: Bearer`` token, else of the web
    session cookie (whose writes must carry the ``X-CSRF-Token`` header), else 401. Panel guests get 403."""
    principal = await _api_caller(request)
    if is_guest(principal):
        raise PermissionDenied(GUEST_LIMIT)
    return principal


async def panel_api_principal(request: Request) -> Principal:
    """Like :func:`api_principal` but panel guests pass too: only for the milestone routes a panellist uses."""
    return await _api_caller(request)


# --- web sessions (Starlette SessionMiddleware: signed cookie, HttpOnly, SameSite=Lax, idle expiry; each one
# names its server-side record, which logout, sign out everywhere and deactivation revoke) ---

def start_session(request: Request, principal: Principal, expires_at: float | None = None) -> None:
    """Replace whatever the session held (no fixation) with ``principal``, a new server-side session record and a
    fresh CSRF token. ``expires_at`` (epoch seconds) ends the session sooner than its absolute lifetime (a guest's
    panel link expiry); ``principal.extra`` is kept (a guest's milestone)."""
    end_session(request)
    now = request.app.state.clock()
    lifetime = min(float(request.app.state.settings.session_absolute_seconds),
                   (float(expires_at) - now) if expires_at is not None else math.inf)
    session_id = session_store(request).create(principal.subject, max(lifetime, 1.0))
    request.session.update({"sub": principal.subject, "roles": list(principal.roles), "sid": session_id,
                            "name": principal.display_name, "login_at": now})
    if expires_at is not None:
        request.session["expires_at"] = float(expires_at)
    if principal.extra:
        request.session["extra"] = dict(principal.extra)


def end_session(request: Request) -> None:
    """Log out: revoke the session's server-side record (a copy of the cookie stops working) and clear it."""
    session_id = request.session.get("sid")
    if session_id:
        session_store(request).revoke(str(session_id))
    request.session.clear()
    request.state.session_principal = None


def session_principal(request: Request) -> Principal | None:
    """The logged-in principal, or None when there is no session, it is past its absolute lifetime (or the earlier
    end it was started with), or its server-side record was revoked (checked once per request)."""
    session = request.session
    if "sub" not in session:
        return None
    if getattr(request.state, "session_principal", None) is not None:
        return request.state.session_principal
    max_age = request.app.state.settings.session_absolute_seconds
    ends_at = min(float(session.get("login_at", 0)) + max_age, float(session.get("expires_at", math.inf)))
    session_id = str(session.get("sid") or "")
    if ends_at < request.app.state.clock() or not session_id or not session_store(request).live(session_id,
                                                                                                session["sub"]):
        session.clear()
        return None
    principal = Principal(subject=session["sub"], roles=tuple(session.get("roles", ())),
                          display_name=session.get("name", ""), extra=dict(session.get("extra") or {}),
                          authenticated_at=float(session.get("login_at", 0)))
    request.state.principal = request.state.session_principal = principal
    request.state.session_id = session_id
    return principal
