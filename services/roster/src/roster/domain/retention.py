"""The district's retention schedule (pure Python): how long a portfolio and its media are kept after a student
leaves (graduates or withdraws), the grace period after a record is reported due, and which records are due: the
media alone once its years are over (while the portfolio's are not), the whole portfolio once its own are."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chassis.access import Role

# Defaults (documented in the README): a portfolio 5 years after the student left, media 2 years, 30 days' grace.
DEFAULT_PORTFOLIO_YEARS, DEFAULT_MEDIA_YEARS, DEFAULT_GRACE_DAYS = 5, 2, 30
SCHEDULE_ROLES = frozenset({Role.DISTRICT_ADMIN})        # who sets the schedule
HOLD_ROLES = frozenset({Role.PRIVACY_OFFICER})           # who places or lifts a legal hold
PORTFOLIO, MEDIA = "portfolio", "media"                  # what a due record's erasure takes


@dataclass(frozen=True)
class RetentionSchedule:
    portfolio_years: int = DEFAULT_PORTFOLIO_YEARS
    media_years: int = DEFAULT_MEDIA_YEARS
    grace_days: int = DEFAULT_GRACE_DAYS
    updated_by: str = ""

    def problems(self) -> list[tuple[str, str]]:
        out = [(name, "must be between 0 and 100") for name in ("portfolio_years", "media_years")
               if not 0 <= getattr(self, name) <= 100]
        if not 0 <= self.grace_days <= 365:
            out.append(("grace_days", "must be between 0 and 365"))
        if self.media_years > self.portfolio_years:
            out.append(("media_years", "cannot exceed portfolio_years (media belongs to the portfolio)"))
        return out

    def portfolio_due(self, left_on: dt.date) -> dt.date:
        return _add_years(left_on, self.portfolio_years)

    def media_due(self, left_on: dt.date) -> dt.date:
        return _add_years(left_on, self.media_years)

    def due(self, left_on: dt.date, today: dt.date) -> tuple[str, dt.date] | None:
        """What of a leaver's record is past its date today, and since when: the portfolio (media and all), else
        its media alone; None while neither is."""
        if self.portfolio_due(left_on) <= today:
            return PORTFOLIO, self.portfolio_due(left_on)
        if self.media_due(left_on) <= today:
            return MEDIA, self.media_due(left_on)
        return None


@dataclass(frozen=True)
class DueRecord:
    """A student whose portfolio is past its retention date: reported, then erased after the grace period unless
    held."""

    student_id: str
    left_on: dt.date
    due_on: dt.date
    reported_on: dt.date
    erase_after: dt.date
    held: bool = False
    erasure_id: str = ""
    kind: str = PORTFOLIO          # portfolio: the whole record; media: its media objects only


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:                     # 29 February -> 28 February
        return day.replace(year=day.year + years, day=28)
