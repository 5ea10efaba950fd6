"""The gradebook's rules, the same in every service that answers for a section's grid (artifacts' evidence counts,
reflections' latest levels): who may read it (``ALLOWED``, over the viewer's standing towards the SECTION), a term's
dates as a span of instants, and the read itself (:func:`read_section`: the check, today's students, the service's
own figures and one audit row naming every student)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar

from chassis.access import Role, Viewer
from chassis.errors import FieldProblem, InvalidArgument, PermissionDenied

DENIED = "not allowed to read this section's gradebook"      # one message, whether the section exists or not


class GradebookAction(StrEnum):
    VIEW = "view_gradebook"


# Roles each action is open to: only a teacher who CURRENTLY teaches the section (never an admin, whatever else
# it holds; never a student, guardian, former teacher, panellist or service).
ALLOWED: dict[GradebookAction, frozenset[Role]] = {GradebookAction.VIEW: frozenset({Role.TEACHER})}


def section_role(viewer: Viewer, teaches_section: bool) -> Role | None:
    """The role the viewer acts in towards a section: a current teacher of it, or none."""
    if viewer.is_admin:
        return None
    return Role.TEACHER if Role.TEACHER in viewer.roles and teaches_section else None


def check(viewer: Viewer, action: GradebookAction, teaches_section: bool) -> Role:
    role = section_role(viewer, teaches_section)
    if role not in ALLOWED[action]:
        raise PermissionDenied(DENIED)
    return role


@dataclass(frozen=True)
class Span:
    """Instants [start, end): a term's first day at midnight to the day after its last, in the district's zone."""

    start: dt.datetime | None
    end: dt.datetime | None


def _day(field: str, value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArgument(f"{field}: not an ISO 8601 date", [FieldProblem(field, "not an ISO 8601 date")]) from None


def term_span(from_date: str, to_date: str, zone: dt.tzinfo) -> Span:
    """The instants of the days from ``from_date`` to ``to_date`` inclusive (either empty: unbounded)."""
    first, last = _day("from_date", from_date), _day("to_date", to_date)
    if first and last and last < first:
        raise InvalidArgument("to_date: before from_date", [FieldProblem("to_date", "before from_date")])

    def midnight(day: dt.date | None) -> dt.datetime | None:
        return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC) if day else None
    return Span(midnight(first), midnight(last + dt.timedelta(days=1)) if last else None)


T = TypeVar("T")


class SectionStanding(Protocol):
    """What :func:`read_section` asks of a service's section reads (chassis.roster_replica.section.SectionReads)."""

    def teaches_section_now(self, teacher_id: str, section_id: str, today: dt.date) -> bool: ...

    def students_now(self, section_id: str, today: dt.date) -> list[str]: ...


class AuditingUnit(Protocol):
    def audit(self, viewer: Viewer, action: str, student_ids: list[str], detail: dict) -> object: ...

    def commit(self) -> None: ...


def read_section(uow: AuditingUnit, reads: SectionStanding, viewer: Viewer, section_id: str, today: dt.date,
                 figures: Callable[[list[str]], T], audit_action: str, detail: dict) -> tuple[list[str], T]:
    """In the caller's open unit of work: refuse unless the viewer teaches the section today; read its students
    today and ``figures(students)``; audit the read once for every student (``audit_action``, ``detail``); commit.
    Returns (students, figures)."""
    check(viewer, GradebookAction.VIEW, reads.teaches_section_now(viewer.subject, section_id, today))
    students = reads.students_now(section_id, today)
    found = figures(students)
    if students:
        uow.audit(viewer, audit_action, students, detail)
    uow.commit()
    return students, found
