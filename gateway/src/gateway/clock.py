"""The gateway's clock (epoch seconds), one per app: sessions, their server-side expiry, panel-link expiry and the
login throttle read it, so tests advance a fake clock instead of sleeping."""
from __future__ import annotations

import time
from collections.abc import Callable

import itsdangerous
from fastapi import Request
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp

Clock = Callable[[], float]
system_clock: Clock = time.time


def clock(request: Request) -> Clock:
    """The app's clock (``create_app(clock=...)``)."""
    return request.app.state.clock


class ClockedSessionMiddleware(SessionMiddleware):
    """Starlette's signed-cookie sessions, whose idle expiry (the signature's timestamp) reads ``clock``."""

    def __init__(self, app: ASGIApp, *, clock: Clock = system_clock, **options) -> None:
        super().__init__(app, **options)
        secret = self.signer.secret_keys[-1]

        class Signer(itsdangerous.TimestampSigner):
            def get_timestamp(self) -> int:
                return int(clock())

        self.signer = Signer(secret)
