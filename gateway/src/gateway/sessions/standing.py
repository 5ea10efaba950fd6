"""The check at use: at most once per ``GATEWAY_STANDING_CHECK_SECONDS`` per session, the gateway asks the roster
about the signed-in person. The roster's admission check refuses an inactive account, or a login older than the
last password change; the gateway's client then revokes every session of that person (gateway.clients), so a
session ends within that interval even if its requests only reach services whose replicas have not heard yet."""
from __future__ import annotations

import time
from collections.abc import Callable

from fastapi import Request

from chassis.context import Principal
from chassis.errors import DomainError, Unauthenticated
from gateway.clients.backends import backends
from gateway.clients.service import AccountRefused
from skillfolio.roster.v1 import roster_pb2

MAX_TRACKED = 50_000


class StandingChecks:
    """When each session is next due for a check (in this gateway process); ``clock`` is injectable for tests."""

    def __init__(self, interval_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval, self._clock = interval_seconds, clock
        self._due: dict[str, float] = {}

    def due(self, session_id: str) -> bool:
        return self.interval <= 0 or session_id not in self._due or self._due[session_id] <= self._clock()

    def checked(self, session_id: str) -> None:
        if len(self._due) >= MAX_TRACKED:
            self._due.clear()
        self._due[session_id] = self._clock() + self.interval


async def confirm_standing(request: Request, principal: Principal, session_id: str) -> None:
    """Raise Unauthenticated (and so end the person's sessions) when the roster refuses the account; any other
    answer (found, not found, not allowed, unavailable) says nothing against the account and the request goes on."""
    checks: StandingChecks = request.app.state.standing_checks
    if principal.subject.startswith("guest:") or not checks.due(session_id):
        return
    try:
        await backends(request).roster.get_person(principal, roster_pb2.GetPersonRequest(
            person_id=principal.subject))
    except AccountRefused as error:
        raise Unauthenticated(error.message) from None
    except DomainError:
        pass
    checks.checked(session_id)
