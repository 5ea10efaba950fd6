"""Reads of the district directory: schools (orgs of type school) and school years (sessions of type
schoolYear)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from roster.adapters.keyset import fetch_page
from roster.adapters.orm import academic_sessions, orgs
from roster.domain.model import Page, School, SchoolYear
from chassis.paging import PageRequest

SCHOOL, SCHOOL_YEAR = "school", "schoolYear"
_schools = select(orgs).where(orgs.c.type == SCHOOL)
_years = select(academic_sessions).where(academic_sessions.c.type == SCHOOL_YEAR)


class DirectoryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get_school(self, school_id: str) -> School | None:
        row = self.session.execute(_schools.where(orgs.c.id == school_id)).first()
        return _school(row) if row else None

    def schools(self, page: PageRequest, fingerprint: str) -> Page[School]:
        rows, token = fetch_page(self.session, _schools, (orgs.c.name, orgs.c.id), page, fingerprint)
        return Page([_school(r) for r in rows], token)

    def school_years(self, page: PageRequest, fingerprint: str) -> Page[SchoolYear]:
        order = (academic_sessions.c.school_year, academic_sessions.c.id)
        rows, token = fetch_page(self.session, _years, order, page, fingerprint)
        return Page([_year(r) for r in rows], token)


def _school(row: Row) -> School:
    return School(id=row.id, sourced_id=row.sourced_id, name=row.name, identifier=row.identifier,
                  district_id=row.parent_id or "")


def _year(row: Row) -> SchoolYear:
    return SchoolYear(id=row.id, sourced_id=row.sourced_id, title=row.title, start_date=row.start_date,
                      end_date=row.end_date, year=row.school_year)
