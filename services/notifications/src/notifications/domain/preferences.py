"""A person's notification preferences and the district's settings: delivery per category (instant, daily or
weekly email, or off: in-app only), the email channel, language, time zone and quiet hours; validation that names
the field; and what applies when a person has chosen nothing (the district's defaults). The critical category
cannot be muted: it is always instant."""
from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, field, replace

from chassis.errors import FieldProblem, InvalidArgument
from notifications.mail.catalogues import SUPPORTED_LANGUAGES
from notifications.mail.model import CATEGORIES, MUTABLE_CATEGORIES

DELIVERIES = ("instant", "daily", "weekly", "off")
CRITICAL = tuple(c for c in CATEGORIES if c not in MUTABLE_CATEGORIES)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d\Z")
DEFAULT_DELIVERY = {"new_work": "daily", "reflections_feedback": "daily", "assessments": "daily",
                    "comments": "instant", "goals_milestones": "instant"}


@dataclass(frozen=True)
class DistrictSettings:
    default_delivery: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_DELIVERY))
    approval_required: bool = False
    school_overrides: dict[str, bool] = field(default_factory=dict)
    digest_hour: int = 18
    weekly_weekday: str = "friday"
    sender_name: str = "Skillfolio"

    def approval_required_at(self, school_id: str) -> bool:
        """A school's own setting wins over the district's."""
        return self.school_overrides.get(school_id, self.approval_required)


@dataclass(frozen=True)
class Preferences:
    """What one person chose; empty values fall back (district defaults, their roster language, district zone)."""

    categories: dict[str, str] = field(default_factory=dict)
    email: bool = True
    language: str = ""
    time_zone: str = ""
    quiet_hours_start: str = ""
    quiet_hours_end: str = ""

    def delivery(self, category: str, district: DistrictSettings) -> str:
        if category in CRITICAL:
            return "instant"
        return self.categories.get(category) or district.default_delivery.get(category, "instant")

    def email_mode(self, category: str, district: DistrictSettings) -> str:
        """How this category's email goes: instant | daily | weekly | none (in-app is always on)."""
        if not self.email and category not in CRITICAL:
            return "none"
        delivery = self.delivery(category, district)
        return "none" if delivery == "off" else delivery


def _problems_of_categories(values: dict[str, str], where: str) -> list[FieldProblem]:
    problems = []
    for category, delivery in values.items():
        if category not in CATEGORIES:
            problems.append(FieldProblem(f"{where}.category", f"unknown category {category!r}; one of "
                                                              f"{', '.join(CATEGORIES)}"))
        elif category in CRITICAL:
            problems.append(FieldProblem(f"{where}.{category}", "a critical category cannot be changed or muted"))
        elif delivery not in DELIVERIES:
            problems.append(FieldProblem(f"{where}.{category}", f"delivery must be one of {', '.join(DELIVERIES)}"))
    return problems


def _raise(problems: list[FieldProblem]) -> None:
    if problems:
        raise InvalidArgument("; ".join(f"{p.field}: {p.reason}" for p in problems), problems)


def valid_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def updated_preferences(current: Preferences, categories: dict[str, str], changes: dict) -> Preferences:
    """``current`` with ``categories`` and the set fields of ``changes`` applied; InvalidArgument names each bad
    field and nothing changes."""
    problems = _problems_of_categories(categories, "categories")
    if "language" in changes and changes["language"] not in SUPPORTED_LANGUAGES:
        problems.append(FieldProblem("language", f"must be one of {', '.join(SUPPORTED_LANGUAGES)}"))
    if "time_zone" in changes and not valid_zone(changes["time_zone"]):
        problems.append(FieldProblem("time_zone", f"{changes['time_zone']!r} is not an IANA time zone name"))
    for name in ("quiet_hours_start", "quiet_hours_end"):
        if changes.get(name) and not _HHMM.match(changes[name]):
            problems.append(FieldProblem(name, "must be HH:MM (24-hour), or empty for no quiet hours"))
    new = replace(current, categories={**current.categories, **categories}, **changes)
    if bool(new.quiet_hours_start) != bool(new.quiet_hours_end):
        problems.append(FieldProblem("quiet_hours_end" if new.quiet_hours_start else "quiet_hours_start",
                                     "quiet hours need both a start and an end"))
    _raise(problems)
    return new


def updated_district(current: DistrictSettings, defaults: dict[str, str], changes: dict,
                     overrides: dict[str, bool], cleared: list[str]) -> DistrictSettings:
    problems = _problems_of_categories(defaults, "default_delivery")
    if "digest_hour" in changes and not 0 <= changes["digest_hour"] <= 23:
        problems.append(FieldProblem("digest_hour", "must be a local hour 0-23"))
    if "weekly_weekday" in changes and changes["weekly_weekday"] not in WEEKDAYS:
        problems.append(FieldProblem("weekly_weekday", f"must be one of {', '.join(WEEKDAYS)}"))
    if "sender_name" in changes and not (0 < len(changes["sender_name"].strip()) <= 80):
        problems.append(FieldProblem("sender_name", "must be 1-80 characters"))
    if any(not school for school in [*overrides, *cleared]):
        problems.append(FieldProblem("school_overrides.school_id", "must name a school"))
    _raise(problems)
    schools = {k: v for k, v in {**current.school_overrides, **overrides}.items() if k not in cleared}
    return replace(current, default_delivery={**current.default_delivery, **defaults}, school_overrides=schools,
                   **changes)
