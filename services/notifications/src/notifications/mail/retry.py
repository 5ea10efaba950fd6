"""When to try an email again: exponential backoff with jitter (tenacity's ``wait_exponential_jitter``), and after
``max_attempts`` failed attempts no next time: the caller parks the notification with its last error."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import SimpleNamespace

from tenacity import wait_exponential_jitter

from notifications.mail.model import require


@dataclass(frozen=True)
class RetryPolicy:
    """Attempt n (1-based, already failed) waits ``base * 2**(n-1)`` seconds plus up to ``base`` of jitter, at most
    ``cap``; the defaults spread 8 attempts over about 2 hours (30 s, 1, 2, 4, 8, 16, 32 min, then park)."""
    max_attempts: int = 8
    base_seconds: float = 30
    cap_seconds: float = 3600
    _wait: wait_exponential_jitter = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        require(isinstance(self.max_attempts, int) and self.max_attempts >= 1, "max_attempts", "must be >= 1")
        require(self.base_seconds > 0, "base_seconds", "must be > 0")
        require(self.cap_seconds >= self.base_seconds, "cap_seconds", "must be >= base_seconds")
        object.__setattr__(self, "_wait", wait_exponential_jitter(
            initial=self.base_seconds, max=self.cap_seconds, exp_base=2, jitter=self.base_seconds))

    def delay_seconds(self, attempt: int) -> float:
        """The wait after failed attempt number ``attempt`` (jittered)."""
        require(isinstance(attempt, int) and attempt >= 1, "attempt", "must be >= 1 (attempts already made)")
        return float(self._wait(SimpleNamespace(attempt_number=attempt)))

    def next_attempt_at(self, attempt: int, now: datetime) -> datetime | None:
        """When to try again after ``attempt`` failed attempts; ``None`` when the notification is to be parked."""
        if attempt >= self.max_attempts:
            return None
        return now + timedelta(seconds=self.delay_seconds(attempt))
