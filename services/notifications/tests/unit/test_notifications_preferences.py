"""Preferences with a clock the test controls: instant, daily, weekly, off, critical, quiet hours (including one
over midnight), the district's defaults, and validation that names the field and changes nothing."""
from __future__ import annotations

import datetime as dt

import pytest
from notifications.domain.preferences import DistrictSettings, Preferences, updated_district, updated_preferences
from notifications.domain.timing import digest_due, instant_due, period_key, quiet_until

from chassis.errors import InvalidArgument

LOU = "America/Kentucky/Louisville"           # UTC-5 in December
DISTRICT = DistrictSettings()
NO_DELAY = dt.timedelta(0)


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


@pytest.mark.parametrize(("choice", "mode"), [("instant", "instant"), ("daily", "daily"), ("weekly", "weekly"),
                                              ("off", "none")])
def test_each_delivery_choice_is_the_email_mode(choice, mode):
    prefs = Preferences(categories={"new_work": choice})
    assert prefs.email_mode("new_work", DISTRICT) == mode


def test_critical_is_always_instant_even_with_email_off():
    prefs = Preferences(categories={"new_work": "off"}, email=False)
    assert prefs.email_mode("critical", DISTRICT) == "instant"
    assert prefs.email_mode("comments", DISTRICT) == "none"        # email off mutes every other category


def test_nothing_chosen_follows_the_district_defaults():
    district = DistrictSettings(default_delivery={**DISTRICT.default_delivery, "assessments": "weekly"})
    assert Preferences().email_mode("assessments", district) == "weekly"
    assert Preferences(categories={"assessments": "instant"}).email_mode("assessments", district) == "instant"


def test_critical_cannot_be_muted_and_bad_fields_are_named():
    with pytest.raises(InvalidArgument) as refused:
        updated_preferences(Preferences(), {"critical": "off", "new_work": "hourly"},
                            {"language": "fr", "time_zone": "Mars/Olympus", "quiet_hours_start": "25:00"})
    fields = {p.field for p in refused.value.problems}
    assert fields == {"categories.critical", "categories.new_work", "language", "time_zone", "quiet_hours_start",
                      "quiet_hours_end"}


def test_a_valid_update_keeps_other_choices():
    prefs = updated_preferences(Preferences(categories={"comments": "weekly"}), {"new_work": "daily"},
                                {"language": "es", "quiet_hours_start": "21:00", "quiet_hours_end": "07:00"})
    assert prefs.categories == {"comments": "weekly", "new_work": "daily"}
    assert (prefs.language, prefs.quiet_hours_start, prefs.quiet_hours_end) == ("es", "21:00", "07:00")


def test_district_settings_validate_and_school_overrides_win():
    with pytest.raises(InvalidArgument, match="digest_hour"):
        updated_district(DISTRICT, {}, {"digest_hour": 24}, {}, [])
    with pytest.raises(InvalidArgument, match="weekly_weekday"):
        updated_district(DISTRICT, {}, {"weekly_weekday": "someday"}, {}, [])
    settings = updated_district(DISTRICT, {"new_work": "weekly"}, {"approval_required": True}, {"school-b": False}, [])
    assert settings.approval_required_at("school-a") and not settings.approval_required_at("school-b")
    assert not updated_district(settings, {}, {}, {}, ["school-b"]).school_overrides


def test_instant_email_outside_quiet_hours_goes_after_the_delay():
    noon = utc(2026, 12, 5, 17, 0)                               # 12:00 local
    assert instant_due(noon, LOU, "21:00", "07:00", dt.timedelta(minutes=2)) == noon + dt.timedelta(minutes=2)
    assert instant_due(noon, LOU, "", "", NO_DELAY) == noon


@pytest.mark.parametrize(("local_hour", "ends"), [(22, utc(2026, 12, 6, 12, 0)), (3, utc(2026, 12, 5, 12, 0))])
def test_instant_email_in_overnight_quiet_hours_waits_for_their_end(local_hour, ends):
    moment = dt.datetime(2026, 12, 5, local_hour, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert quiet_until(moment, LOU, "21:00", "07:00") == ends     # 07:00 local = 12:00 UTC
    assert instant_due(moment, LOU, "21:00", "07:00", NO_DELAY) == ends


def test_daytime_quiet_hours():
    assert quiet_until(utc(2026, 12, 5, 15, 0), LOU, "09:00", "15:00") == utc(2026, 12, 5, 20, 0)
    assert quiet_until(utc(2026, 12, 5, 21, 0), LOU, "09:00", "15:00") is None


def test_daily_digest_is_the_next_local_digest_hour_in_the_recipients_zone():
    assert digest_due(utc(2026, 12, 5, 17, 0), "daily", LOU, 18, "friday") == utc(2026, 12, 5, 23, 0)
    assert digest_due(utc(2026, 12, 5, 23, 0), "daily", LOU, 18, "friday") == utc(2026, 12, 6, 23, 0)
    assert digest_due(utc(2026, 12, 5, 17, 0), "daily", "Europe/Madrid", 18, "friday") == utc(2026, 12, 6, 17, 0)


def test_weekly_digest_is_on_the_district_weekday():
    saturday = utc(2026, 12, 5, 17, 0)
    due = digest_due(saturday, "weekly", LOU, 18, "friday")
    assert due == utc(2026, 12, 11, 23, 0) and due.astimezone(dt.UTC).weekday() == 4
    assert period_key(due, "weekly", LOU) == "2026-W50"
    assert period_key(utc(2026, 12, 6, 3, 0), "daily", LOU) == "2026-12-05"     # still the 5th in Louisville
