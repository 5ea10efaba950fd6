"""Rights at 18 (FERPA "eligible student"): when a student's rights pass from their guardians to them, under the
district's rule, and whether a guardian still sees the record afterwards. Pure date logic, no I/O."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

AGE_OF_MAJORITY = 18
RULE_ACTOR = "service:roster"          # who ends guardians' access when rights pass (the daily rule)


class GuardianAccessEnds(StrEnum):
    """A district's setting: guardians' access ends when the student turns 18, when they graduate, or never (a
    district that treats its students as dependents keeps guardian access, as FERPA allows)."""

    AGE_18 = "age_18"
    GRADUATION = "graduation"
    NEVER = "never"


def birthday_in(birth_date: dt.date, year: int) -> dt.date:
    """The birthday in ``year``; a 29 February birthday falls on 1 March in a common year (the day the person has
    completed the full years: after the whole of 28 February)."""
    try:
        return birth_date.replace(year=year)
    except ValueError:                      # 29 February in a common year
        return dt.date(year, 3, 1)


def comes_of_age_on(birth_date: dt.date, age: int = AGE_OF_MAJORITY) -> dt.date:
    return birthday_in(birth_date, birth_date.year + age)


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Completed years on ``day``."""
    years = day.year - birth_date.year
    return years if day >= birthday_in(birth_date, day.year) else years - 1


@dataclass(frozen=True)
class RightsPassing:
    """Rights pass to the student on ``on``, because of ``basis`` (age_18 or graduation)."""

    on: dt.date
    basis: GuardianAccessEnds


def rights_pass(rule: GuardianAccessEnds, birth_date: dt.date | None,
                graduated_on: dt.date | None) -> RightsPassing | None:
    """When the district's ``rule`` passes the student's rights to them (None: not under this rule, or the facts it
    needs are unknown). Under the graduation rule a student who turns 18 first still gains their rights at 18 only
    if the district says so; it does not: the rule named is the rule applied."""
    if rule is GuardianAccessEnds.AGE_18 and birth_date is not None:
        return RightsPassing(comes_of_age_on(birth_date), rule)
    if rule is GuardianAccessEnds.GRADUATION and graduated_on is not None:
        return RightsPassing(graduated_on + dt.timedelta(days=1), rule)
    return None


def due(rule: GuardianAccessEnds, birth_date: dt.date | None, graduated_on: dt.date | None,
        today: dt.date) -> RightsPassing | None:
    """The passing of rights that has happened by ``today`` (None when it has not, or never will under ``rule``)."""
    passing = rights_pass(rule, birth_date, graduated_on)
    return passing if passing is not None and passing.on <= today else None


def guardian_sees(guardianship_active: bool, rights_passed: bool, granted: bool | None) -> bool:
    """A guardian sees the student's record while the roster lists the guardianship and either the student's
    rights have not passed, or the student (now holding them) granted access again."""
    return guardianship_active and (not rights_passed or granted is True)
