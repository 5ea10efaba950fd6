"""An in-memory fake of the points of progress repository (its real interface: adapters/progress_repository.py),
reading the section facts from the fake roster replica's rows, for the fake unit of work."""
from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from chassis.roster_replica.standing import Span, enrollment_span
from reflections.domain.progress import PointOfProgress, Term


class FakeProgress:
    def __init__(self, replicas, catalog) -> None:
        self.term_rows: dict[str, Term] = {}
        self.rows: dict[str, PointOfProgress] = {}
        self._roster = lambda: replicas.rows            # a function: snapshots copy the rows, not the replica
        self._years = lambda: catalog.years

    def put_term(self, school_year_id: str, name: str, due_on: dt.date, by: str, at: dt.datetime) -> Term:
        found = next((t for t in self.term_rows.values() if (t.school_year_id, t.name) == (school_year_id, name)),
                     None)
        term = Term(found.id if found else str(uuid.uuid4()), school_year_id, name, due_on, at)
        self.term_rows[term.id] = term
        return term

    def term(self, term_id: str) -> Term | None:
        return self.term_rows.get(term_id)

    def terms(self, school_year_id: str = "") -> list[Term]:
        return sorted((t for t in self.term_rows.values() if not school_year_id or t.school_year_id == school_year_id),
                      key=lambda t: (t.school_year_id, t.due_on, t.name))

    def school_year_span(self, school_year_id: str) -> tuple[str, str] | None:
        return None

    def add(self, point: PointOfProgress) -> None:
        self.rows[point.id] = point

    def save(self, point: PointOfProgress) -> None:
        self.rows[point.id] = dataclasses.replace(point)

    def exists(self, student_id: str, section_id: str, term_id: str) -> bool:
        return any((p.student_id, p.section_id, p.term_id) == (student_id, section_id, term_id)
                   for p in self.rows.values())

    def get(self, point_id: str, for_update: bool = False) -> PointOfProgress | None:
        return self.rows.get(point_id)

    def of_student(self, student_id: str) -> list[PointOfProgress]:
        return sorted((p for p in self.rows.values() if p.student_id == student_id),
                      key=lambda p: p.completed_at, reverse=True)

    def of_section(self, section_id: str, term_ids: list[str]) -> list[PointOfProgress]:
        return [p for p in self.rows.values() if p.section_id == section_id and p.term_id in term_ids]

    def section_year(self, section_id: str) -> str | None:
        row = self._roster()["sections"].get((section_id,))
        return row["school_year_id"] if row else None

    def section_students(self, section_id: str) -> list[tuple[str, Span]]:
        rows = self._roster()
        section = rows["sections"].get((section_id,))
        return [(e["person_id"], enrollment_span(section_id, section["start_date"], section["end_date"],
                                                 e["begin_date"], e["end_date"], e["active"]))
                for e in rows["enrollments"].values() if e["section_id"] == section_id and e["role"] == "student"]
