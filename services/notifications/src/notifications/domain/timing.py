"""When an email may go: instant email waits out the person's quiet hours; a daily digest goes at the district's
local hour in the recipient's time zone, a weekly one at that hour on the district's weekday. Pure functions of a
moment (UTC) and the settings, so tests control the clock."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from notifications.domain.preferences import WEEKDAYS

COALESCE_WINDOW = dt.timedelta(minutes=10)   # one actor's same kind of news about one student within 10 min: one


def _hhmm(value: str) -> dt.time:
    hours, minutes = value.split(":")
    return dt.time(int(hours), int(minutes))


def quiet_until(moment: dt.datetime, zone: str, start: str, end: str) -> dt.datetime | None:
    """The end of the quiet hours ``moment`` falls in (UTC), or None when it is outside them (or none are set).
    A span whose end is before its start runs overnight (22:00-07:00)."""
    if not start or not end or start == end:
        return None
    tz = ZoneInfo(zone)
    local = moment.astimezone(tz)
    begin, finish, now = _hhmm(start), _hhmm(end), local.time()
    overnight = finish < begin
    inside = (begin <= now or now < finish) if overnight else (begin <= now < finish)
    if not inside:
        return None
    day = local.date() + dt.timedelta(days=1) if overnight and now >= begin else local.date()
    return dt.datetime.combine(day, finish, tzinfo=tz).astimezone(dt.UTC)


def instant_due(moment: dt.datetime, zone: str, start: str, end: str, delay: dt.timedelta) -> dt.datetime:
    """When an instant email about something at ``moment`` goes: after the coalescing delay, and never inside quiet
    hours."""
    due = moment + delay
    return quiet_until(due, zone, start, end) or due


def digest_due(moment: dt.datetime, period: str, zone: str, hour: int, weekday: str) -> dt.datetime:
    """The first digest time strictly after ``moment`` (UTC): ``hour``:00 local daily, or on ``weekday`` weekly."""
    tz = ZoneInfo(zone)
    local = moment.astimezone(tz)
    day = local.date()
    for _ in range(9):
        at = dt.datetime.combine(day, dt.time(hour), tzinfo=tz)
        if at > local and (period == "daily" or at.weekday() == WEEKDAYS.index(weekday)):
            return at.astimezone(dt.UTC)
        day += dt.timedelta(days=1)
    raise AssertionError("a digest time is always within 8 days")


def period_key(due: dt.datetime, period: str, zone: str) -> str:
    """The digest a notification due at ``due`` belongs to: one per recipient per period (local date or ISO week)."""
    local = due.astimezone(ZoneInfo(zone)).date()
    if period == "weekly":
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    return local.isoformat()
