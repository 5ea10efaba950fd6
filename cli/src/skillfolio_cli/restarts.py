"""When the embedded platform's supervisor restarts a child that exited: exponential backoff per child, and giving
up when one child keeps crashing (more than ``max_crashes`` exits within ``window`` seconds)."""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Decision:
    """Restart after ``delay`` seconds, or give up (``give_up``): ``crashes`` is the child's count in the window."""

    delay: float
    crashes: int
    give_up: bool = False


@dataclass
class RestartPolicy:
    """Backoff ``base_delay`` * 2**(n-1), at most ``max_delay``, where n counts this child's exits in the last
    ``window`` seconds; the ``max_crashes``+1-th exit within the window gives up. Times come from the caller's clock
    (monotonic seconds), so the policy never sleeps and tests inject time."""

    base_delay: float = 0.5
    max_delay: float = 30.0
    max_crashes: int = 5
    window: float = 120.0
    _exits: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque), repr=False)

    def on_exit(self, name: str, now: float) -> Decision:
        exits = self._exits[name]
        exits.append(now)
        while exits and exits[0] <= now - self.window:
            exits.popleft()
        crashes = len(exits)
        if crashes > self.max_crashes:
            return Decision(0.0, crashes, give_up=True)
        return Decision(min(self.base_delay * 2 ** (crashes - 1), self.max_delay), crashes)
