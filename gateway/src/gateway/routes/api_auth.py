"""POST /api/v1/auth/token: exchange a username and password for a signed, expiring bearer token."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm

from gateway import schemas
from gateway.auth import issue_api_token
from gateway.login import authenticate

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


@router.post("/token", response_model=schemas.Token,
             summary="Log in (OAuth2 password grant form) and receive a bearer token",
             responses={401: {"description": "Wrong username or password"},
                        429: {"description": "Too many failed attempts for this username from this address"}})
async def token(request: Request, form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> schemas.Token:
    principal = await authenticate(request, form.username, form.password)
    settings = request.app.state.settings
    return schemas.Token(access_token=issue_api_token(principal, settings.session_secret, settings.token_ttl_seconds),
                         expires_in=settings.token_ttl_seconds)
