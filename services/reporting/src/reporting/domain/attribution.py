"""Where a student was: evidence counts in the school and grade the student was in when it was added.

A student's history is the list of roster facts about them (person events with school and grade; transfers with
the new school from their effective date). The state at a moment is the newest fact at or before it (the earliest
fact when the evidence predates them all). A mid-year transfer: evidence added before the effective date stays
with the old school, evidence after it counts for the new one; the student is enrolled (a participation
denominator) in both schools for that year, and counts once in district totals.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class State:
    at: str                 # sortable UTC ISO timestamp (or an ISO date for a transfer)
    school_id: str
    grade_level: str        # "" : unchanged (a transfer)


@dataclass(frozen=True)
class Year:
    school_year_id: str
    start_date: str
    end_date: str


def timeline(states: list[State]) -> list[State]:
    """The history in time order with each grade filled in from the fact before it."""
    out: list[State] = []
    for state in sorted(states, key=lambda s: (s.at, s.grade_level == "")):
        grade = state.grade_level or (out[-1].grade_level if out else "")
        school = state.school_id or (out[-1].school_id if out else "")
        out.append(State(state.at, school, grade))
    return out


def state_at(states: list[State], at: str) -> State | None:
    """The student's school and grade at ``at`` (the earliest known when ``at`` predates the history)."""
    line = timeline(states)
    if not line:
        return None
    current = line[0]
    for state in line:
        if state.at <= at:
            current = state
        else:
            break
    return current


def year_of(years: list[Year], day: str) -> str:
    """The school year whose dates contain ``day`` (an ISO date or timestamp), or ""."""
    day = day[:10]
    for year in years:
        if year.start_date <= day <= year.end_date:
            return year.school_year_id
    return ""


def enrolments(states: list[State], years: list[Year]) -> set[tuple[str, str, str]]:
    """``(school_year_id, school_id, grade_level)`` for every school and grade the student was in during each
    year: a state counts from its moment until the next one."""
    line = timeline(states)
    out: set[tuple[str, str, str]] = set()
    for index, state in enumerate(line):
        start = "0000-01-01" if index == 0 else state.at[:10]    # the earliest fact also stands for before it
        end = line[index + 1].at[:10] if index + 1 < len(line) else "9999-12-31"
        for year in years:
            if start <= year.end_date and end >= year.start_date and state.school_id:
                out.add((year.school_year_id, state.school_id, state.grade_level))
    return out
