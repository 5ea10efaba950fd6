"""Login throttling: failed attempts per (username, client IP) in a moving window, using the `limits` library.

In-process memory storage: each gateway replica counts on its own, so N replicas allow up to N times the limit.
Point `limits` at Redis/Memcached storage if a district needs one shared count.
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class LoginThrottle:
    """``allowed()`` before checking a password, ``failed()`` after a wrong one; successes are not counted."""

    def __init__(self, rate: str, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._limit = parse(rate)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    @staticmethod
    def _key(username: str, client_ip: str) -> tuple[str, str]:
        return username.strip().lower(), client_ip

    def allowed(self, username: str, client_ip: str) -> bool:
        return self._limiter.test(self._limit, *self._key(username, client_ip))

    def failed(self, username: str, client_ip: str) -> None:
        self._limiter.hit(self._limit, *self._key(username, client_ip))

    def retry_after(self, username: str, client_ip: str) -> int:
        """Seconds until the oldest counted failure leaves the window."""
        reset_at, _remaining = self._limiter.get_window_stats(self._limit, *self._key(username, client_ip))
        return max(1, math.ceil(reset_at - self._clock()))
