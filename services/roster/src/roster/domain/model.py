"""Roster value objects the service layer returns: schools, school years, people, sections and pages of them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from chassis import access

STUDENT, TEACHER, GUARDIAN = access.Role.STUDENT, access.Role.TEACHER, access.Role.GUARDIAN   # enrollment roles too
PRIVACY_OFFICER = access.Role.PRIVACY_OFFICER   # granted by the operator CLI, not by OneRoster
PERSON_ROLES = tuple(role.value for role in access.PERSON_ROLES)

T = TypeVar("T")


@dataclass(frozen=True)
class School:
    id: str
    sourced_id: str
    name: str
    identifier: str = ""
    district_id: str = ""
    active: bool = True


@dataclass(frozen=True)
class SchoolYear:
    id: str
    sourced_id: str
    title: str
    start_date: dt.date
    end_date: dt.date
    year: int
    active: bool = True

    def contains(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date


@dataclass(frozen=True)
class SchoolCalendar:
    """A district's active school years (newest first) and the current one: the newest that contains the day."""

    district_id: str
    years: list[SchoolYear]
    current: SchoolYear | None

    @classmethod
    def on(cls, district_id: str, years: list[SchoolYear], day: dt.date) -> SchoolCalendar:
        return cls(district_id, years, next((y for y in years if y.active and y.contains(day)), None))


@dataclass(frozen=True)
class Person:
    id: str
    sourced_id: str
    given_name: str
    family_name: str
    email: str = ""
    username: str = ""
    roles: tuple[str, ...] = ()
    grade_level: str = ""
    primary_school_id: str = ""
    active: bool = True

    @property
    def is_student(self) -> bool:
        return STUDENT in self.roles


def student_ids(people: list[Person]) -> list[str]:
    """Ids of the students among ``people`` (whose records the audit log must account for)."""
    return [p.id for p in people if p.is_student]


@dataclass(frozen=True)
class Section:
    id: str
    sourced_id: str
    title: str
    school_id: str
    class_code: str = ""
    course_title: str = ""
    school_year_id: str = ""
    term_ids: tuple[str, ...] = ()
    start_date: dt.date | None = None
    end_date: dt.date | None = None

    def reference_date(self, today: dt.date) -> dt.date:
        """``today`` clamped into the section's term span: the day whose roster "the roster" means."""
        if self.start_date and today < self.start_date:
            return self.start_date
        if self.end_date and today > self.end_date:
            return self.end_date
        return today


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a keyset-paginated list; an empty ``next_page_token`` means the last page."""

    items: list[T] = field(default_factory=list)
    next_page_token: str = ""
