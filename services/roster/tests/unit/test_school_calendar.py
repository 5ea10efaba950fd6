"""The school calendar rule: the current year is the newest active year containing the day."""
from __future__ import annotations

import datetime as dt

from roster.domain.model import SchoolCalendar, SchoolYear

D = dt.date


def _year(key: str, start: dt.date, end: dt.date, active: bool = True) -> SchoolYear:
    return SchoolYear(id=key, sourced_id=key, title=key, start_date=start, end_date=end, year=end.year, active=active)


def test_the_current_year_is_the_newest_active_year_containing_the_day():
    summer = _year("summer", D(2026, 6, 1), D(2026, 8, 31))
    new = _year("new", D(2026, 8, 1), D(2027, 6, 30))
    retired = _year("retired", D(2026, 9, 1), D(2027, 6, 30), active=False)
    years = [retired, new, summer]
    assert SchoolCalendar.on("d", years, D(2026, 8, 15)).current == new
    assert SchoolCalendar.on("d", years, D(2026, 7, 1)).current == summer
    assert SchoolCalendar.on("d", years, D(2027, 7, 1)).current is None
    assert SchoolCalendar.on("", [], D(2026, 8, 15)).current is None
