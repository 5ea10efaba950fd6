"""Pure rules over roster facts: a viewer's standing towards a student, and whether a teacher teaches them today.

Domain modules may import this (no SQLAlchemy): enrollments become :class:`Span` values, ``teaches_now`` compares
them on a given day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chassis.access import Role

TEACHER, GUARDIAN = Role.TEACHER, Role.GUARDIAN


@dataclass(frozen=True)
class Relation:
    """What the roster replica knows about the viewer and one student (and, where a service keeps a replica of
    milestone panels, whether the viewer sits on a live panel that one record was selected for)."""

    teaches_now: bool = False
    guardian_of: bool = False
    panel_reader: bool = False


@dataclass(frozen=True)
class Span:
    """One enrollment in a section, with the dates that bound it (ISO dates; empty = unbounded)."""

    section_id: str
    begin: str
    end: str
    active: bool = True


def enrollment_span(section_id: str, section_start: str, section_end: str, begin: str, end: str,
                    active: bool) -> Span:
    """An enrollment's span inside its section: the later start and the earlier end (empty = unbounded)."""
    starts, ends = [d for d in (section_start, begin) if d], [d for d in (section_end, end) if d]
    return Span(section_id, max(starts) if starts else "", min(ends) if ends else "", active)


def in_span(span: Span, today: dt.date) -> bool:
    day = today.isoformat()
    return span.active and (not span.begin or span.begin <= day) and (not span.end or day <= span.end)


def teaches_now(teacher: list[Span], student: list[Span], today: dt.date) -> bool:
    """True when an active teacher enrollment and an active student enrollment share a section, today."""
    taught = {s.section_id for s in teacher if in_span(s, today)}
    return any(s.section_id in taught and in_span(s, today) for s in student)
