"""Computed reports kept per process, keyed by what they cover and valid while the read models are unchanged (the
freshness tokens every applying commit renews), or for a bounded time after they changed; one caller computes a
missing entry while the others for the same key wait, and an entry being recomputed is served meanwhile."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any


@dataclass
class _Entry:
    state: Hashable
    at: float
    value: Any


class ResultCache:
    """``get(key, state, compute)``: the value computed for ``key`` when the read models were in ``state``.

    A stored value is served when ``state`` is unchanged, or when it is younger than ``max_stale`` seconds (0: only
    while unchanged). At most ``entries`` keys are kept (least recently used dropped)."""

    def __init__(self, max_stale: float = 0.0, entries: int = 512, clock: Callable[[], float] = time.monotonic):
        self.max_stale, self.entries, self.clock = max_stale, entries, clock
        self._values: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._computing: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()

    def _usable(self, entry: _Entry | None, state: Hashable) -> bool:
        return entry is not None and (entry.state == state or self.clock() - entry.at < self.max_stale)

    def get(self, key: Hashable, state: Hashable, compute: Callable[[], Any]) -> Any:
        while True:
            with self._lock:
                entry = self._values.get(key)
                if self._usable(entry, state):
                    self._values.move_to_end(key)
                    return entry.value
                running = self._computing.get(key)
                if running is None:
                    self._computing[key] = done = threading.Event()
                    break
                if entry is not None:            # being recomputed by another caller: the previous value meanwhile
                    return entry.value
            running.wait()
        try:
            at = self.clock()
            value = compute()
            with self._lock:
                self._values[key] = _Entry(state, at, value)
                self._values.move_to_end(key)
                while len(self._values) > self.entries:
                    self._values.popitem(last=False)
            return value
        finally:
            with self._lock:
                del self._computing[key]
            done.set()
