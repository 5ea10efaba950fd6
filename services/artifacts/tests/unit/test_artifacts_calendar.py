""""Today" is the district's calendar day (ARTIFACTS_TIME_ZONE), not UTC's: an evening in Louisville is still
the last day of a section even when UTC has moved on."""
from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from pydantic import ValidationError

from artifacts.config import ArtifactsOptions
from artifacts.domain.access import Span, teaches_now
from artifacts.service_layer.commands import DistrictCalendar

LAST_DAY = Span("sec", "2026-08-10", "2027-05-28")
EVENING = dt.datetime(2027, 5, 29, 1, 30, tzinfo=dt.UTC)           # 21:30 on May 28 in Louisville


def test_the_district_day_decides_who_teaches():
    louisville = DistrictCalendar(lambda: EVENING, zoneinfo.ZoneInfo("America/Kentucky/Louisville"))
    utc = DistrictCalendar(lambda: EVENING)
    assert louisville.today() == dt.date(2027, 5, 28) and utc.today() == dt.date(2027, 5, 29)
    assert teaches_now([LAST_DAY], [LAST_DAY], louisville.today())
    assert not teaches_now([LAST_DAY], [LAST_DAY], utc.today())


def test_time_zone_setting(monkeypatch):
    monkeypatch.setenv("ARTIFACTS_TIME_ZONE", "America/Kentucky/Louisville")
    assert ArtifactsOptions().time_zone == "America/Kentucky/Louisville"
    monkeypatch.setenv("ARTIFACTS_TIME_ZONE", "Mars/Olympus_Mons")
    with pytest.raises(ValidationError, match="not an IANA time zone"):
        ArtifactsOptions()
