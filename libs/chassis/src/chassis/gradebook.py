"""The gradebook's rules, the same in every service that answers for a section's grid (artifacts' evidence counts,
reflections' latest levels): who may read it (``ALLOWED``, over the viewer's standing towards the SECTION), and a
term's dates as a span of instants."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

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
