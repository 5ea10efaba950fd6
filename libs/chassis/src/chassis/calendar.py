"""The district's calendar, shared by the services whose rules depend on the day: now (UTC, from an injectable
clock), a moment's and today's date in the district's time zone (who teaches whom today; which school year a new
artifact belongs to), and the settings type that accepts only IANA time zone names."""
from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from typing import Annotated

from pydantic import AfterValidator

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _known_zone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{value!r} is not an IANA time zone name") from exc
    return value


TimeZoneName = Annotated[str, AfterValidator(_known_zone)]   # a settings field: e.g. America/Kentucky/Louisville


class DistrictCalendar:
    """Now (UTC, from the clock) and today in the district's time zone, which decides who teaches whom."""

    def __init__(self, clock: Clock = utc_now, zone: dt.tzinfo = dt.UTC) -> None:
        self.clock, self.zone = clock, zone

    def day_of(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.zone).date()

    def today(self) -> dt.date:
        return self.day_of(self.clock())
