"""Reads of people: one person, filtered lists, a section's roster, a teacher's current students, guardians and
children; each list is keyset-paginated by (family name, given name, id)."""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict

from sqlalchemy import Select, bindparam, func, select, union
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from chassis.paging import PageRequest
from roster.adapters.keyset import PagedQuery, fetch_page, fetch_prepared, paged
from roster.adapters.orm import enrollments, guardianships, people, person_roles, privacy_officers, sections
from roster.adapters.roster_sql import child_ids, current_student_ids, enrollment_in_effect, in_effect, left_school
from roster.domain.model import PRIVACY_OFFICER, STUDENT, Page, Person

ORDER = (people.c.family_name, people.c.given_name, people.c.id)


class PeopleRepository:
    def __init__(self, session: Session, today: dt.date) -> None:
        self.session = session
        self.today = today

    def get(self, person_id: str) -> Person | None:
        row = self.session.execute(select(people).where(people.c.id == person_id)).first()
        return self._with_roles([row])[0] if row else None

    def find_by_username(self, username: str) -> list[Person]:
        rows = self.session.execute(select(people).where(
            func.lower(people.c.username) == username.strip().lower(), people.c.username != "")).all()
        return self._with_roles(rows)

    def filtered(self, page: PageRequest, fingerprint: str, school_ids: list[str] | None = None,
                 role: str = "", grade_level: str = "") -> Page[Person]:
        """People, optionally only: at these schools (a role there today, or it is their primary school), holding
        ``role`` today (at those schools, when given), in ``grade_level``."""
        stmt = select(people)
        roles_held = select(person_roles.c.person_id).where(self._role_in_effect())
        if role:
            roles_held = roles_held.where(person_roles.c.role == role)
        if school_ids is not None:
            roles_held = roles_held.where(person_roles.c.org_id.in_(school_ids))
            if not role:
                primary = people.alias("primary_school_people")
                roles_held = union(roles_held, select(primary.c.id).where(primary.c.primary_school_id.in_(school_ids)))
        if role or school_ids is not None:
            stmt = stmt.where(people.c.id.in_(roles_held))
        if grade_level:
            stmt = stmt.where(people.c.grade_level == grade_level)
        return self._page(stmt, page, fingerprint)

    def current_students(self, teacher_id: str, on: dt.date, page: PageRequest, fingerprint: str) -> Page[Person]:
        stmt = select(people).where(people.c.id.in_(current_student_ids(teacher_id, on)))
        return self._page(stmt, page, fingerprint)

    def section_students(self, section_id: str, on: dt.date, page: PageRequest, fingerprint: str) -> Page[Person]:
        """Students whose enrollment in the section is in effect on ``on`` (and who have not transferred away from
        its school)."""
        rows, next_token = fetch_prepared(self.session, _section_students(), {"section_id": section_id, "on": on},
                                          page, fingerprint)
        return Page(self._with_roles(rows), next_token)

    def guardians(self, student_id: str, page: PageRequest, fingerprint: str) -> Page[Person]:
        guardian_ids = select(guardianships.c.guardian_id).where(guardianships.c.student_id == student_id,
                                                                 guardianships.c.active.is_(True))
        return self._page(select(people).where(people.c.id.in_(guardian_ids)), page, fingerprint)

    def children(self, guardian_id: str, page: PageRequest, fingerprint: str) -> Page[Person]:
        return self._page(select(people).where(people.c.id.in_(child_ids(guardian_id))), page, fingerprint)

    def _page(self, stmt: Select, page: PageRequest, fingerprint: str) -> Page[Person]:
        rows, next_token = fetch_page(self.session, stmt, ORDER, page, fingerprint)
        return Page(self._with_roles(rows), next_token)

    def _role_in_effect(self):
        return in_effect(person_roles.c.begin_date, person_roles.c.end_date, self.today)

    def _with_roles(self, rows: list[Row]) -> list[Person]:
        """Rows to Persons, each with the distinct roles it holds today (OneRoster's, and a privacy officer grant)."""
        if not rows:
            return []
        roles: dict[str, set[str]] = defaultdict(set)
        held, officers = _roles_of()
        ids = [r.id for r in rows]
        for person_id, role in self.session.execute(held, {"ids": ids, "on": self.today}):
            roles[person_id].add(role)
        for person_id in self.session.execute(officers, {"ids": ids}).scalars():
            roles[person_id].add(PRIVACY_OFFICER)
        return [_person(row, tuple(sorted(roles[row.id]))) for row in rows]


@functools.cache
def _section_students() -> PagedQuery:
    """The students of ``section_id`` on the day ``on`` (see PeopleRepository.section_students), built once."""
    on = bindparam("on", type_=enrollments.c.begin_date.type)
    enrolled = (select(enrollments.c.person_id)
                .join(sections, sections.c.id == enrollments.c.section_id)
                .where(enrollments.c.section_id == bindparam("section_id"), enrollment_in_effect(enrollments, STUDENT, on),
                       ~left_school(enrollments.c.person_id, sections.c.school_id, on)))
    return paged(select(people).where(people.c.id.in_(enrolled)), ORDER)


@functools.cache
def _roles_of() -> tuple[Select, Select]:
    """The roles people (``ids``) hold on ``on``, and which of them are privacy officers: built once."""
    ids = bindparam("ids", expanding=True)
    held = select(person_roles.c.person_id, person_roles.c.role).where(
        person_roles.c.person_id.in_(ids),
        in_effect(person_roles.c.begin_date, person_roles.c.end_date,
                  bindparam("on", type_=person_roles.c.begin_date.type)))
    return held, select(privacy_officers.c.person_id).where(privacy_officers.c.person_id.in_(ids))


def _person(row: Row, roles: tuple[str, ...]) -> Person:
    return Person(id=row.id, sourced_id=row.sourced_id, given_name=row.given_name, family_name=row.family_name,
                  email=row.email, username=row.username, roles=roles, grade_level=row.grade_level,
                  primary_school_id=row.primary_school_id or "", active=row.active)
