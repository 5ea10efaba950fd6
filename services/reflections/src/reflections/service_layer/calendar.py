"""The district's calendar: now (UTC, from a clock) and today in the district's time zone."""
from __future__ import annotations

import datetime as dt
from typing import Callable

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class DistrictCalendar:
    """Now (UTC, from the clock) and today in the district's time zone, which decides who teaches whom."""

    def __init__(self, clock: Clock = utc_now, zone: dt.tzinfo = dt.timezone.utc) -> None:
        self.clock, self.zone = clock, zone

    def today(self) -> dt.date:
        return self.clock().astimezone(self.zone).date()
