"""Storage of the district's terms and of points of progress with their referenced work (SQLAlchemy Core), and the
roster replica's facts about one section that the checklist needs (its school year, its students)."""
from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from chassis.messaging.replica import upsert_statement
from chassis.roster_replica.standing import Span, enrollment_span
from reflections.adapters.orm import enrollments, school_years, sections
from reflections.adapters.progress_tables import point_of_progress_artifacts, points_of_progress, progress_terms
from reflections.domain.progress import PointOfProgress, Term

_points = points_of_progress


def _term(row) -> Term:
    return Term(row.id, row.school_year_id, row.name, dt.date.fromisoformat(row.due_on), row.updated_at)


class ProgressRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- terms ---
    def put_term(self, school_year_id: str, name: str, due_on: dt.date, by: str, at: dt.datetime) -> Term:
        """Insert the term, or give an existing (school year, name) the new due date; the stored term."""
        values = {"due_on": due_on.isoformat(), "updated_by": by, "updated_at": at}
        statement = upsert_statement(self.session, progress_terms).values(
            id=str(uuid.uuid4()), school_year_id=school_year_id, name=name, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=["school_year_id", "name"], set_=values))
        row = self.session.execute(select(progress_terms).where(progress_terms.c.school_year_id == school_year_id,
                                                                progress_terms.c.name == name)).one()
        return _term(row)

    def term(self, term_id: str) -> Term | None:
        row = self.session.execute(select(progress_terms).where(progress_terms.c.id == term_id)).first()
        return _term(row) if row else None

    def terms(self, school_year_id: str = "") -> list[Term]:
        query = select(progress_terms).order_by(progress_terms.c.school_year_id, progress_terms.c.due_on,
                                                progress_terms.c.name)
        if school_year_id:
            query = query.where(progress_terms.c.school_year_id == school_year_id)
        return [_term(r) for r in self.session.execute(query)]

    def school_year_span(self, school_year_id: str) -> tuple[str, str] | None:
        row = self.session.execute(select(school_years.c.start_date, school_years.c.end_date).where(
            school_years.c.school_year_id == school_year_id)).first()
        return (row.start_date, row.end_date) if row else None

    # --- points ---
    def add(self, point: PointOfProgress) -> None:
        self.session.execute(insert(_points).values(
            id=point.id, student_id=point.student_id, section_id=point.section_id, term_id=point.term_id,
            teacher_id=point.teacher_id, skill_id=point.skill_id, level_rank=point.level_rank,
            level_name=point.level_name, comment=point.comment, completed_at=point.completed_at,
            updated_at=point.updated_at))
        self._set_artifacts(point)

    def save(self, point: PointOfProgress) -> None:
        self.session.execute(update(_points).where(_points.c.id == point.id).values(
            level_rank=point.level_rank, level_name=point.level_name, comment=point.comment,
            updated_at=point.updated_at))
        self._set_artifacts(point)

    def _set_artifacts(self, point: PointOfProgress) -> None:
        links = point_of_progress_artifacts
        self.session.execute(delete(links).where(links.c.point_id == point.id))
        self.session.execute(insert(links), [{"point_id": point.id, "artifact_id": a, "position": i}
                                             for i, a in enumerate(point.artifact_ids)])

    def exists(self, student_id: str, section_id: str, term_id: str) -> bool:
        return self.session.execute(select(_points.c.id).where(
            _points.c.student_id == student_id, _points.c.section_id == section_id,
            _points.c.term_id == term_id)).first() is not None

    def get(self, point_id: str, for_update: bool = False) -> PointOfProgress | None:
        query = select(_points).where(_points.c.id == point_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return self._complete([row])[0] if row else None

    def of_student(self, student_id: str) -> list[PointOfProgress]:
        return self._complete(self.session.execute(select(_points).where(_points.c.student_id == student_id)
                                                   .order_by(_points.c.completed_at.desc(), _points.c.id)).all())

    def of_section(self, section_id: str, term_ids: list[str]) -> list[PointOfProgress]:
        if not term_ids:
            return []
        return self._complete(self.session.execute(select(_points).where(
            _points.c.section_id == section_id, _points.c.term_id.in_(term_ids))).all())

    def _complete(self, rows) -> list[PointOfProgress]:
        if not rows:
            return []
        links, found = point_of_progress_artifacts, defaultdict(list)
        for r in self.session.execute(select(links).where(links.c.point_id.in_([r.id for r in rows]))
                                      .order_by(links.c.position)):
            found[r.point_id].append(r.artifact_id)
        return [PointOfProgress(r.id, r.student_id, r.section_id, r.term_id, r.teacher_id, r.skill_id, r.level_rank,
                                r.level_name, r.comment, tuple(found[r.id]), r.completed_at, r.updated_at)
                for r in rows]

    # --- the roster replica's facts about a section ---
    def section_year(self, section_id: str) -> str | None:
        """The section's school year ("" when the roster gave none); None when the replica lacks the section."""
        return self.session.execute(select(sections.c.school_year_id)
                                    .where(sections.c.section_id == section_id)).scalar()

    def section_students(self, section_id: str) -> list[tuple[str, Span]]:
        """(student id, enrollment span) of each student enrollment in the section."""
        rows = self.session.execute(
            select(enrollments.c.person_id, enrollments.c.begin_date, enrollments.c.end_date, enrollments.c.active,
                   sections.c.start_date, sections.c.end_date.label("section_end"))
            .join(sections, sections.c.section_id == enrollments.c.section_id)
            .where(enrollments.c.section_id == section_id, enrollments.c.role == "student"))
        return [(r.person_id, enrollment_span(section_id, r.start_date, r.section_end, r.begin_date, r.end_date,
                                              r.active)) for r in rows]
