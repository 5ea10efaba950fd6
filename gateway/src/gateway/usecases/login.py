"""Checking a username and password with the roster (public Authenticate RPC), throttled per username and IP."""
from __future__ import annotations

import logging

from fastapi import Request

from chassis.context import Principal
from chassis.errors import DomainError, FieldProblem, InvalidArgument, NotFound, Unauthenticated
from gateway.auth import principal_from_person
from gateway.clients.backends import backends
from skillfolio.roster.v1 import roster_pb2

log = logging.getLogger(__name__)
WRONG_CREDENTIALS = "Wrong username or password."


class TooManyAttempts(DomainError):
    """Too many failed logins for this username from this address; ``retry_after`` in seconds."""

    code = "RESOURCE_EXHAUSTED"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed attempts. Try again in {retry_after} seconds.")
        self.retry_after = retry_after


def client_ip(request: Request) -> str:
    """The peer address (uvicorn has already applied X-Forwarded-For from trusted proxies only)."""
    return request.client.host if request.client else "unknown"


def check_filled(username: str, password: str) -> None:
    problems = [FieldProblem(name, "required") for name, value in (("username", username), ("password", password))
                if not value.strip()]
    if problems:
        raise InvalidArgument("enter a username and a password", problems)


async def authenticate(request: Request, username: str, password: str) -> Principal:
    """The principal of a correct username and password; Unauthenticated, TooManyAttempts or a service error."""
    check_filled(username, password)
    throttle = request.app.state.throttle
    ip = client_ip(request)
    if not throttle.allowed(username, ip):
        log.warning("login throttled", extra={"client_ip": ip})
        raise TooManyAttempts(throttle.retry_after(username, ip))
    roster = backends(request).roster
    try:
        reply = await roster.authenticate(None, roster_pb2.AuthenticateRequest(
            username=username.strip(), password=password))
    except (Unauthenticated, NotFound):
        throttle.failed(username, ip)
        log.info("login failed", extra={"client_ip": ip})
        raise Unauthenticated(WRONG_CREDENTIALS) from None
    return principal_from_person(reply.person)
