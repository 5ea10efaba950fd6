"""Reads of the district directory: schools (orgs of type school), school years (sessions of type schoolYear),
a person's district and a district's school years (the years its active sections or courses are in)."""
from __future__ import annotations

from sqlalchemy import and_, bindparam, exists, or_, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session, aliased

from chassis.paging import PageRequest
from roster.adapters.keyset import fetch_page
from roster.adapters.orm import academic_sessions, courses, guardianships, orgs, people, person_roles, sections
from roster.domain.model import Page, School, SchoolYear

SCHOOL, SCHOOL_YEAR, DISTRICT = "school", "schoolYear", "district"
_schools = select(orgs).where(orgs.c.type == SCHOOL)
_years = select(academic_sessions).where(academic_sessions.c.type == SCHOOL_YEAR)
_one_school = _schools.where(orgs.c.id == bindparam("school_id"))     # built once: a request binds the id


class DirectoryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get_school(self, school_id: str) -> School | None:
        row = self.session.execute(_one_school, {"school_id": school_id}).first()
        return _school(row) if row else None

    def schools(self, page: PageRequest, fingerprint: str, active_only: bool = False,
                district_id: str = "") -> Page[School]:
        query = _schools.where(orgs.c.active.is_(True)) if active_only else _schools
        query = query.where(orgs.c.parent_id == district_id) if district_id else query
        rows, token = fetch_page(self.session, query, (orgs.c.name, orgs.c.id), page, fingerprint)
        return Page([_school(r) for r in rows], token)

    def school_years(self, page: PageRequest, fingerprint: str, active_only: bool = False) -> Page[SchoolYear]:
        order = (academic_sessions.c.school_year, academic_sessions.c.id)
        query = _years.where(academic_sessions.c.active.is_(True)) if active_only else _years
        rows, token = fetch_page(self.session, query, order, page, fingerprint)
        return Page([_year(r) for r in rows], token)

    def district_of(self, person_id: str) -> str:
        """The district a person belongs to: their primary school's, else that of an org they hold a role at
        (a district itself, or a school's district), else a child's school's (guardians); "" when none."""
        school = aliased(orgs)
        district = select(school.c.parent_id).where(school.c.type == SCHOOL, school.c.parent_id.is_not(None))
        primary = district.join(people, people.c.primary_school_id == school.c.id).where(people.c.id == person_id)
        for query in (primary,
                      select(orgs.c.id).join(person_roles, person_roles.c.org_id == orgs.c.id).where(
                          person_roles.c.person_id == person_id, orgs.c.type == DISTRICT),
                      district.join(person_roles, person_roles.c.org_id == school.c.id).where(
                          person_roles.c.person_id == person_id),
                      district.join(people, people.c.primary_school_id == school.c.id).join(
                          guardianships, guardianships.c.student_id == people.c.id).where(
                          guardianships.c.guardian_id == person_id, guardianships.c.active.is_(True))):
            found = self.session.scalars(query.order_by(query.selected_columns[0]).limit(1)).first()
            if found:
                return found
        return ""

    def district_years(self, district_id: str) -> list[SchoolYear]:
        """The district's active school years, newest first: those an active section of one of its schools, or an
        active course of the district or its schools, is in. A year no section or course of it uses is not its."""
        year_id = academic_sessions.c.id
        school = aliased(orgs)
        in_section = exists().where(sections.c.school_year_id == year_id, sections.c.active.is_(True),
                                    school.c.id == sections.c.school_id, school.c.parent_id == district_id)
        course_org = aliased(orgs)
        in_course = exists().where(courses.c.school_year_id == year_id, courses.c.active.is_(True),
                                   course_org.c.id == courses.c.org_id,
                                   or_(course_org.c.id == district_id, course_org.c.parent_id == district_id))
        query = _years.where(and_(academic_sessions.c.active.is_(True), or_(in_section, in_course))).order_by(
            academic_sessions.c.start_date.desc(), academic_sessions.c.id)
        return [_year(r) for r in self.session.execute(query)]


def _school(row: Row) -> School:
    return School(id=row.id, sourced_id=row.sourced_id, name=row.name, identifier=row.identifier,
                  district_id=row.parent_id or "", active=row.active)


def _year(row: Row) -> SchoolYear:
    return SchoolYear(id=row.id, sourced_id=row.sourced_id, title=row.title, start_date=row.start_date,
                      end_date=row.end_date, year=row.school_year, active=row.active)
