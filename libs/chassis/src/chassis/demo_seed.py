"""What the services' demo seeds pass each other (through the CLI, never through each other's tables): who the
demo cast is, the school-year spans they share, and a clock each seed sets to the moment a thing happened."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Who does something in the demo data; each seed maps these to the cast's people.
STUDENT, TEACHER, FORMER_TEACHER, GUARDIAN = "student", "teacher", "former teacher", "guardian"
PREVIOUS, CURRENT = "previous", "current"     # school years
SEED_HOUR = dt.time(14, 30, tzinfo=dt.UTC)   # mid-morning in the Americas, afternoon in Europe


@dataclass(frozen=True)
class Span:
    """A section the two people shared, with its school year and dates."""

    section_id: str
    school_year_id: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Cast:
    """The demo logins' people, chosen by the roster's seed."""

    student_id: str
    teacher_id: str            # teaches the student this school year
    former_teacher_id: str     # taught the student last school year, and does not teach them now
    current: Span              # the section the student shares with the teacher
    previous: Span             # the section the student shared with the former teacher
    current_year_title: str
    previous_year_title: str

    def span(self, year: str) -> Span:
        return self.current if year == CURRENT else self.previous


class SeedClock:
    """A seeding app's clock: each thing is created at ``moment``."""

    def __init__(self) -> None:
        self.moment = dt.datetime.now(dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.moment


@dataclass(frozen=True)
class DemoClass:
    """A current-year class of the demo district (not the demo student's) that the seeds fill with evidence, so
    the district dashboard shows real, unsuppressed figures per skill, school and grade."""

    section_id: str
    school_id: str
    school_year_id: str
    teacher_id: str
    student_ids: tuple[str, ...]
    start: dt.date
