"""Rights at 18, the pure date rules (roster.domain.rights): leap-day birthdays, the district's rule, who still sees."""
from __future__ import annotations

import datetime as dt

import pytest

from roster.domain.rights import (
    GuardianAccessEnds,
    RightsPassing,
    age_on,
    comes_of_age_on,
    due,
    guardian_sees,
    rights_pass,
)

AGE_18, GRADUATION, NEVER = GuardianAccessEnds.AGE_18, GuardianAccessEnds.GRADUATION, GuardianAccessEnds.NEVER


@pytest.mark.parametrize("born, of_age", [
    (dt.date(2008, 6, 15), dt.date(2026, 6, 15)),
    (dt.date(2008, 2, 29), dt.date(2026, 3, 1)),      # a leap-day birthday in a common year: 1 March
    (dt.date(2004, 2, 29), dt.date(2022, 3, 1)),
    (dt.date(2010, 2, 28), dt.date(2028, 2, 28)),     # 2028 is a leap year: 28 February stays 28 February
    (dt.date(2000, 2, 29), dt.date(2018, 3, 1)),      # 18 is no multiple of 4: never a 29 February
    (dt.date(2008, 12, 31), dt.date(2026, 12, 31)),
    (dt.date(2008, 1, 1), dt.date(2026, 1, 1)),
])
def test_a_student_comes_of_age_on_the_eighteenth_birthday(born, of_age):
    assert comes_of_age_on(born) == of_age
    assert age_on(born, of_age) == 18
    assert age_on(born, of_age - dt.timedelta(days=1)) == 17


def test_a_leap_day_child_is_17_on_28_february_and_18_on_1_march():
    born = dt.date(2008, 2, 29)
    assert age_on(born, dt.date(2026, 2, 28)) == 17 and age_on(born, dt.date(2026, 3, 1)) == 18
    assert age_on(born, dt.date(2012, 2, 29)) == 4 and age_on(born, dt.date(2013, 2, 28)) == 4


def test_the_districts_rule_decides_what_passes_rights_and_when():
    born, graduated = dt.date(2008, 5, 10), dt.date(2026, 6, 5)
    assert rights_pass(AGE_18, born, graduated) == RightsPassing(dt.date(2026, 5, 10), AGE_18)
    assert rights_pass(GRADUATION, born, graduated) == RightsPassing(dt.date(2026, 6, 6), GRADUATION)
    assert rights_pass(NEVER, born, graduated) is None
    assert rights_pass(AGE_18, None, graduated) is None            # no birth date imported: nothing to apply
    assert rights_pass(GRADUATION, born, None) is None             # not graduated


def test_rights_are_due_from_the_day_they_pass_never_before():
    born = dt.date(2008, 2, 29)
    assert due(AGE_18, born, None, dt.date(2026, 2, 28)) is None
    assert due(AGE_18, born, None, dt.date(2026, 3, 1)) == RightsPassing(dt.date(2026, 3, 1), AGE_18)
    assert due(AGE_18, born, None, dt.date(2027, 1, 1)) is not None
    assert due(NEVER, born, None, dt.date(2040, 1, 1)) is None


@pytest.mark.parametrize("active, passed, granted, sees", [
    (True, False, None, True),       # a minor's guardian
    (True, True, None, False),       # rights passed: access ended
    (True, True, False, False),      # ... or the student withdrew it
    (True, True, True, True),        # the adult student granted it again
    (False, True, True, False),      # the roster no longer lists the guardianship: nothing to grant
    (False, False, None, False),
])
def test_who_still_sees_the_record(active, passed, granted, sees):
    assert guardian_sees(active, passed, granted) is sees
