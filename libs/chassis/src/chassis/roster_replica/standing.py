"""Pure rules over roster facts: a viewer's standing towards a student, and whether a teacher teaches them today.

Domain modules may import this (no SQLAlchemy): enrollments become :class:`Span` values, ``teaches_now`` compares
them on a given day; a student's in-district transfers (:class:`Move`) bound their enrollments at the schools they
left and joined (:func:`attending_spans`), so access follows the student from the transfer date.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from chassis.access import Role

TEACHER, GUARDIAN = Role.TEACHER, Role.GUARDIAN
X = TypeVar("X")


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


@dataclass(frozen=True)
class Move:
    """An in-district transfer: the student leaves ``from_school`` on ``effective`` (an ISO date) for ``to_school``."""

    effective: str
    from_school: str
    to_school: str


def _day_before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def left_periods(moves: Iterable[Move]) -> dict[str, list[tuple[str, str]]]:
    """For every school a student left, the (first, last) ISO days they were away from it ("" = still away): from
    the move that took them away until the day before a later move brought them back."""
    ordered = sorted(moves, key=lambda m: m.effective)
    away: dict[str, list[tuple[str, str]]] = {}
    for i, move in enumerate(ordered):
        if not move.from_school or move.from_school == move.to_school:
            continue
        back = next((m.effective for m in ordered[i + 1:] if m.to_school == move.from_school), "")
        away.setdefault(move.from_school, []).append((move.effective, _day_before(back) if back else ""))
    return away


def away_from(moves: Iterable[Move], school: str, day: dt.date) -> bool:
    """True when, on ``day``, the moves have taken the student away from ``school``."""
    iso = day.isoformat()
    return any(first <= iso and (not last or iso <= last) for first, last in left_periods(moves).get(school, []))


def _minus(span: Span, first: str, last: str) -> list[Span]:
    """``span`` without the days first..last ("" last = for good): what is left before and after them."""
    kept = []
    if not span.begin or span.begin < first:
        before = _day_before(first)
        kept.append(replace(span, end=before if not span.end or span.end > before else span.end))
    if last:
        after = (dt.date.fromisoformat(last) + dt.timedelta(days=1)).isoformat()
        if not span.end or span.end >= after:
            kept.append(replace(span, begin=max(span.begin, after)))
    return kept


def attending_spans(spans: Iterable[tuple[Span, str, X]], moves: Iterable[Move]) -> list[tuple[Span, X]]:
    """A student's enrollment spans, each with its section's school (and any value carried along, such as the
    school year), bounded by their in-district transfers: an enrollment at a school the student left stops counting
    on the transfer date (until a later transfer brings them back), even while the sending school's records keep it
    open; the receiving school's enrollments count as they are dated, and every other school's are unchanged."""
    away = left_periods(moves)
    out: list[tuple[Span, X]] = []
    for span, school, carried in spans:
        pieces = [span]
        for first, last in away.get(school, []):
            pieces = [kept for piece in pieces for kept in _minus(piece, first, last)]
        out.extend((piece, carried) for piece in pieces)
    return out
