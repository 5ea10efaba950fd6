"""``wait_for``: the one polling helper of the tests; waits on a fact (a row, a counter, a page), never on time."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_for(fact: Callable[[], T], timeout: float = 30.0, what: str | Callable[[], str] = "", *,
             interval: float = 0.05, ignoring: tuple[type[BaseException], ...] = ()) -> T:
    """Call ``fact`` until it returns something truthy and return that; after ``timeout`` seconds fail, naming
    ``what`` was awaited (a text, or a callable giving one at that moment) and the last value seen.

    Exceptions of the types in ``ignoring`` count as "not yet" (a port not listening, a page not there yet).
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = fact()
        except ignoring as exc:
            value = exc
        else:
            if value:
                return value
        if time.monotonic() >= deadline:
            described = what() if callable(what) else what
            raise AssertionError(f"gave up after {timeout:g}s waiting for {described or fact}; "
                                 f"last saw {repr(value)[:500]}")
        time.sleep(interval)
