"""Domain events for the rows an import changed: one function per diff table, row mapping in, event (or None) out."""
from __future__ import annotations

from typing import Any, Callable, Mapping

from chassis.events import DomainEvent
from roster.domain import events as ev

Row = Mapping[str, Any]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _kind(row: Row, added, updated, removed=None):
    change = row["change"]
    if change == "added":
        return added
    if change == "removed" and removed is not None:
        return removed
    return updated


def school(row: Row) -> DomainEvent | None:
    if row["type"] != "school":
        return None
    cls = _kind(row, ev.SchoolAdded, ev.SchoolUpdated)
    return cls(school_id=row["id"], sourced_id=row["sourced_id"], name=row["name"], district_id=_text(row["parent_id"]))


def school_year(row: Row) -> DomainEvent | None:
    if row["type"] != "schoolYear":
        return None
    cls = _kind(row, ev.SchoolYearAdded, ev.SchoolYearUpdated)
    return cls(school_year_id=row["id"], title=row["title"], start_date=_text(row["start_date"]),
               end_date=_text(row["end_date"]), year=int(row["school_year"]))


def person(row: Row) -> DomainEvent:
    cls = _kind(row, ev.PersonAdded, ev.PersonUpdated, ev.PersonRemoved)
    roles = sorted(set(row["roles"].split(","))) if row["roles"] else []
    return cls(person_id=row["id"], sourced_id=row["sourced_id"], roles=roles, grade_level=row["grade_level"],
               primary_school_id=_text(row["primary_school_id"]), active=bool(row["active"]),
               given_name=row["given_name"], family_name=row["family_name"])


def section(row: Row) -> DomainEvent:
    cls = _kind(row, ev.SectionAdded, ev.SectionUpdated, ev.SectionRemoved)
    return cls(section_id=row["id"], school_id=row["school_id"], school_year_id=_text(row["school_year_id"]),
               title=row["title"], start_date=_text(row["start_date"]), end_date=_text(row["end_date"]))


def enrollment(row: Row) -> DomainEvent:
    cls = _kind(row, ev.EnrollmentAdded, ev.EnrollmentUpdated, ev.EnrollmentRemoved)
    return cls(enrollment_id=row["id"], section_id=row["section_id"], person_id=row["person_id"], role=row["role"],
               school_id=row["school_id"], begin_date=_text(row["begin_date"]), end_date=_text(row["end_date"]),
               active=bool(row["active"]))


def guardianship(row: Row) -> DomainEvent:
    cls = ev.GuardianshipAdded if row["active"] else ev.GuardianshipRemoved
    return cls(guardian_id=row["guardian_id"], student_id=row["student_id"], active=bool(row["active"]))


def transfer(row: Row, effective_date: str) -> DomainEvent | None:
    """A student (same identity) whose primary school changed from one school to another."""
    old, new = row["old_primary_school_id"], row["primary_school_id"]
    if row["change"] != "updated" or not old or not new or old == new or "student" not in (row["roles"] or ""):
        return None
    return ev.StudentTransferred(student_id=row["id"], from_school_id=old, to_school_id=new,
                                 effective_date=effective_date)


# diff table -> event builder, in the order consumers should see them (schools before people before sections...)
BUILDERS: dict[str, Callable[[Row], DomainEvent | None]] = {
    "orgs": school, "academic_sessions": school_year, "people": person, "sections": section,
    "enrollments": enrollment, "guardianships": guardianship,
}
