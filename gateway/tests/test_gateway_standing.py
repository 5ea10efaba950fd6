"""The check at use is rate-limited per session with an injected clock: due at first use, then once per interval."""
from __future__ import annotations

from gateway.sessions.standing import StandingChecks


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_session_is_checked_at_first_use_then_once_per_interval():
    clock = Clock()
    checks = StandingChecks(60, clock)
    assert checks.due("a")
    checks.checked("a")
    assert not checks.due("a") and checks.due("b")
    clock.now += 59.9
    assert not checks.due("a")
    clock.now += 0.1
    assert checks.due("a")


def test_an_interval_of_zero_checks_every_request():
    checks = StandingChecks(0, Clock())
    checks.checked("a")
    assert checks.due("a")
