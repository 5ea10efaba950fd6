"""POST /api/v1/auth/token: exchange a username and password for a signed, expiring bearer token with a server-side
session record; /logout revokes that session, /logout-everywhere every session of the caller."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response

from chassis.context import Principal
from gateway.auth import api_principal, end_session, issue_api_token, session_store
from gateway.schemas import common as schemas
from gateway.schemas.common import NOT_BLANK
from gateway.usecases.login import authenticate

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


Username = Annotated[str, Form(min_length=1, max_length=255, pattern=NOT_BLANK)]
Password = Annotated[str, Form(min_length=1, max_length=1024, pattern=NOT_BLANK)]


def password_grant(username: Username, password: Password,
                   grant_type: Annotated[str | None, Form(pattern="^password$")] = None) -> tuple[str, str]:
    """The OAuth2 password-grant form, both fields filled as the gateway checks them: (username, password)."""
    return username, password


@router.post("/token", response_model=schemas.Token,
             summary="Log in (OAuth2 password grant form) and receive a bearer token",
             responses={401: {"description": "Wrong username or password"},
                        429: {"description": "Too many failed attempts for this username from this address"}})
async def token(request: Request, form: Annotated[tuple[str, str], Depends(password_grant)]) -> schemas.Token:
    principal = await authenticate(request, *form)
    settings = request.app.state.settings
    session_id = session_store(request).create(principal.subject, settings.token_ttl_seconds)
    return schemas.Token(access_token=issue_api_token(principal, settings.session_secret, settings.token_ttl_seconds,
                                                      session_id),
                         expires_in=settings.token_ttl_seconds)


Caller = Annotated[Principal, Depends(api_principal)]
SIGNED_OUT = {204: {"description": "Signed out"}, 401: {"description": "No valid bearer token or session"},
              403: {"description": "A cookie-session call without X-CSRF-Token"}}


@router.post("/logout", status_code=204, responses=SIGNED_OUT,
             summary="Revoke this bearer token (or this web session): copies of it stop working")
async def logout(request: Request, caller: Caller) -> Response:
    session_store(request).revoke(request.state.session_id)
    if "authorization" not in request.headers:      # signed in with the web session cookie: clear it too
        end_session(request)
    return Response(status_code=204)


@router.post("/logout-everywhere", status_code=204, responses=SIGNED_OUT,
             summary="Sign out everywhere: revoke every bearer token and web session of the caller")
async def logout_everywhere(request: Request, caller: Caller) -> Response:
    session_store(request).revoke_subject(caller.subject)
    end_session(request)
    return Response(status_code=204)
