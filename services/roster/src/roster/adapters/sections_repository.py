"""Reads of sections (OneRoster classes) with their course title and terms; lists keyset-paginated by
(title, id)."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Select, bindparam, exists, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from chassis.paging import PageRequest
from roster.adapters.keyset import fetch_page
from roster.adapters.orm import courses, enrollments, section_terms, sections
from roster.domain.model import TEACHER, Page, Section

ORDER = (sections.c.title, sections.c.id)
_COLUMNS = select(sections, courses.c.title.label("course_title")).select_from(
    sections.join(courses, courses.c.id == sections.c.course_id))
_ONE = _COLUMNS.where(sections.c.id == bindparam("section_id"))     # built once: a request binds the id
_TERMS = (select(section_terms.c.section_id, section_terms.c.session_id)
          .where(section_terms.c.section_id.in_(bindparam("section_ids", expanding=True)))
          .order_by(section_terms.c.section_id, section_terms.c.session_id))


class SectionsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, section_id: str) -> Section | None:
        row = self.session.execute(_ONE, {"section_id": section_id}).first()
        return self._with_terms([row])[0] if row else None

    def filtered(self, page: PageRequest, fingerprint: str, school_ids: list[str] | None = None,
                 teacher_id: str = "", school_year_id: str = "", member_id: str = "") -> Page[Section]:
        """Sections, optionally only: at these schools, taught by ``teacher_id`` (an active teacher enrollment,
        any date), in a school year, or with any active enrollment of ``member_id``."""
        stmt: Select = _COLUMNS
        if school_ids is not None:
            stmt = stmt.where(sections.c.school_id.in_(school_ids))
        if school_year_id:
            stmt = stmt.where(sections.c.school_year_id == school_year_id)
        if teacher_id:
            stmt = stmt.where(exists(_enrollment_of(teacher_id).where(enrollments.c.role == TEACHER)))
        if member_id:
            stmt = stmt.where(exists(_enrollment_of(member_id)))
        rows, next_token = fetch_page(self.session, stmt, ORDER, page, fingerprint)
        return Page(self._with_terms(rows), next_token)

    def _with_terms(self, rows: list[Row]) -> list[Section]:
        if not rows:
            return []
        terms: dict[str, list[str]] = defaultdict(list)
        for section_id, session_id in self.session.execute(_TERMS, {"section_ids": [r.id for r in rows]}):
            terms[section_id].append(session_id)
        return [_section(row, tuple(terms[row.id])) for row in rows]


def _enrollment_of(person_id: str) -> Select:
    return select(enrollments.c.id).where(enrollments.c.section_id == sections.c.id,
                                          enrollments.c.person_id == person_id, enrollments.c.active.is_(True))


def _section(row: Row, term_ids: tuple[str, ...]) -> Section:
    return Section(id=row.id, sourced_id=row.sourced_id, title=row.title, school_id=row.school_id,
                   class_code=row.class_code, course_title=row.course_title,
                   school_year_id=row.school_year_id or "", term_ids=term_ids,
                   start_date=row.start_date, end_date=row.end_date)
