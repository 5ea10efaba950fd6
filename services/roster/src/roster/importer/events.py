"""Which domain event each changed row raises, written once as rules: the SQLite path builds events from diff rows
in Python (:func:`build`), the PostgreSQL path turns the same rules into one INSERT INTO outbox ... SELECT per table
(:mod:`roster.importer.events_sql`), so a million events never cross the wire twice."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chassis.events import DomainEvent
from roster.domain import events as ev

Row = Mapping[str, Any]


@dataclass(frozen=True)
class EventRule:
    """Events of one diff table: the class per change, and each payload field's diff column and kind.

    Kinds: ``text`` (never NULL), ``opt`` (NULL -> ""; dates as YYYY-MM-DD), ``bool``, ``int``, ``roles`` (the
    person's roles after the import, sorted).
    """

    table: str
    added: type[DomainEvent]
    updated: type[DomainEvent]
    removed: type[DomainEvent] | None
    fields: dict[str, tuple[str, str]]
    only: tuple[str, str] | None = None       # (column, value): rows of other values raise nothing
    by_active: bool = False                   # added when active, removed when not (guardianships)
    id_column: str = field(default="id")


RULES: tuple[EventRule, ...] = (
    EventRule("orgs", ev.SchoolAdded, ev.SchoolUpdated, None, only=("type", "school"), fields={
        "school_id": ("id", "text"), "sourced_id": ("sourced_id", "text"), "name": ("name", "text"),
        "district_id": ("parent_id", "opt")}),
    EventRule("academic_sessions", ev.SchoolYearAdded, ev.SchoolYearUpdated, None, only=("type", "schoolYear"),
              fields={"school_year_id": ("id", "text"), "title": ("title", "text"), "start_date": ("start_date", "opt"),
                      "end_date": ("end_date", "opt"), "year": ("school_year", "int")}),
    EventRule("people", ev.PersonAdded, ev.PersonUpdated, ev.PersonRemoved, fields={
        "person_id": ("id", "text"), "sourced_id": ("sourced_id", "text"), "roles": ("id", "roles"),
        "grade_level": ("grade_level", "text"), "primary_school_id": ("primary_school_id", "opt"),
        "active": ("active", "bool"), "given_name": ("given_name", "text"), "family_name": ("family_name", "text"),
        "email": ("email", "opt"), "preferred_language": ("", "unknown")}),
    EventRule("sections", ev.SectionAdded, ev.SectionUpdated, ev.SectionRemoved, fields={
        "section_id": ("id", "text"), "school_id": ("school_id", "text"), "school_year_id": ("school_year_id", "opt"),
        "title": ("title", "text"), "start_date": ("start_date", "opt"), "end_date": ("end_date", "opt")}),
    EventRule("enrollments", ev.EnrollmentAdded, ev.EnrollmentUpdated, ev.EnrollmentRemoved, fields={
        "enrollment_id": ("id", "text"), "section_id": ("section_id", "text"), "person_id": ("person_id", "text"),
        "role": ("role", "text"), "school_id": ("school_id", "text"), "begin_date": ("begin_date", "opt"),
        "end_date": ("end_date", "opt"), "active": ("active", "bool")}),
    EventRule("guardianships", ev.GuardianshipAdded, ev.GuardianshipAdded, ev.GuardianshipRemoved, by_active=True,
              fields={"guardian_id": ("guardian_id", "text"), "student_id": ("student_id", "text"),
                      "active": ("active", "bool")}),
)


def event_class(rule: EventRule, row: Row) -> type[DomainEvent]:
    if rule.by_active:
        return rule.added if row["active"] else rule.removed
    change = row["change"]
    if change == "added":
        return rule.added
    return rule.removed if change == "removed" and rule.removed is not None else rule.updated


def _value(kind: str, value: Any) -> Any:
    if kind == "unknown":                 # a field OneRoster files do not carry (yet): always ""
        return ""
    if kind == "opt":
        return "" if value is None else str(value)
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    if kind == "roles":
        return sorted(set(value.split(","))) if value else []
    return value


def build(rule: EventRule, row: Row) -> DomainEvent | None:
    """The event a diff row raises (rows carry ``roles`` as a comma-separated string for people)."""
    if rule.only and row[rule.only[0]] != rule.only[1]:
        return None
    kwargs = {name: _value(kind, row["roles"] if kind == "roles" else row[column] if column else None)
              for name, (column, kind) in rule.fields.items()}
    return event_class(rule, row)(**kwargs)
