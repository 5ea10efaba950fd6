"""POST /api/v1/auth/token: exchange a username and password for a signed, expiring bearer token."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

from gateway import schemas
from gateway.auth import issue_api_token
from gateway.login import authenticate
from gateway.schemas import NOT_BLANK

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
    return schemas.Token(access_token=issue_api_token(principal, settings.session_secret, settings.token_ttl_seconds),
                         expires_in=settings.token_ttl_seconds)
