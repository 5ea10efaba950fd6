"""Establishes, from the roster's own tables, whether a viewer holds a relation to a target (see
domain/access.py for which relations grant what)."""
from __future__ import annotations

import datetime as dt
import functools

from sqlalchemy import Select, bindparam, exists, select, union
from sqlalchemy.orm import Session

from chassis.access import Role
from roster.adapters.orm import enrollments, guardianships, people, person_roles, sections
from roster.adapters.roster_sql import child_ids, current_section_ids, current_student_ids, in_effect
from roster.domain.access import Relation, Target, TargetKind, Viewer
from roster.domain.model import STUDENT, TEACHER

R = Relation


class AccessFacts:
    def __init__(self, session: Session, today: dt.date) -> None:
        self.session = session
        self.today = today

    def holds(self, viewer: Viewer, relation: Relation, target: Target) -> bool:
        me, kind = viewer.subject, target.kind
        if relation is R.ANYONE:
            return True
        if relation is R.IN_ADMINISTERED_SCHOOL:
            return self._in_administered_school(me, target)
        if kind is TargetKind.PERSON:
            if relation is R.SELF:
                return target.id == me
            if relation is R.CHILD:
                return self._exists(child_ids(me).where(guardianships.c.student_id == target.id))
            if relation is R.CURRENT_STUDENT:
                return self._exists(current_student_ids(me, self.today, student_id=target.id))
            if relation is R.GUARDIAN_OF_CURRENT_STUDENT:
                return self._exists(select(guardianships.c.student_id).where(
                    guardianships.c.guardian_id == target.id, guardianships.c.active.is_(True),
                    guardianships.c.student_id.in_(current_student_ids(me, self.today))))
        if kind is TargetKind.SECTION:
            if relation is R.ENROLLED:
                return self._enrolled(me, target.id, STUDENT)
            if relation is R.TEACHES:
                return self._enrolled(me, target.id, TEACHER)
            if relation is R.TEACHES_NOW:
                return bool(self.session.scalar(_teaches_now(), {"person": me, "section": target.id,
                                                                 "on": self.today}))
        return False

    def relationship(self, viewer_id: str, student_id: str, on: dt.date) -> tuple[bool, bool]:
        """(teaches the student on ``on``, is their active guardian); an inactive viewer holds neither."""
        if not self._exists(select(people.c.id).where(people.c.id == viewer_id, people.c.active.is_(True))):
            return False, False
        return (self._exists(current_student_ids(viewer_id, on, student_id=student_id)),
                self._exists(child_ids(viewer_id).where(guardianships.c.student_id == student_id)))

    def administered_school_ids(self, person_id: str) -> list[str]:
        """Schools where ``person_id`` holds the school_admin role today."""
        query = select(person_roles.c.org_id).where(
            person_roles.c.person_id == person_id, person_roles.c.role == Role.SCHOOL_ADMIN,
            in_effect(person_roles.c.begin_date, person_roles.c.end_date, self.today))
        return sorted(self.session.scalars(query))

    def _in_administered_school(self, me: str, target: Target) -> bool:
        administered = self.administered_school_ids(me)
        if not administered:
            return False
        if target.kind is TargetKind.SCHOOL:
            return target.id in administered
        if target.kind is TargetKind.SECTION:
            return self._exists(select(sections.c.id).where(sections.c.id == target.id,
                                                            sections.c.school_id.in_(administered)))
        if target.kind is TargetKind.PERSON:
            schools = self._person_school_ids(target.id)
            return self._exists(select(schools.c.school_id).where(schools.c.school_id.in_(administered)))
        return False

    def _person_school_ids(self, person_id: str):
        """A person's schools: their primary school, orgs of roles in effect, and (guardians) their children's."""
        primary = select(people.c.primary_school_id.label("school_id")).where(people.c.id == person_id)
        roles = select(person_roles.c.org_id).where(
            person_roles.c.person_id == person_id,
            in_effect(person_roles.c.begin_date, person_roles.c.end_date, self.today))
        children = select(people.c.primary_school_id).where(people.c.id.in_(child_ids(person_id)))
        return union(primary, roles, children).subquery()

    def _enrolled(self, person_id: str, section_id: str, role: str) -> bool:
        return bool(self.session.scalar(_enrolled(), {"person": person_id, "section": section_id, "role": role}))

    def _exists(self, query) -> bool:
        return bool(self.session.scalar(select(exists(query))))


# The section relations every section read checks, as statements built once (a request only binds its values).
@functools.cache
def _enrolled() -> Select:
    return select(exists(select(enrollments.c.id).where(
        enrollments.c.person_id == bindparam("person"), enrollments.c.section_id == bindparam("section"),
        enrollments.c.role == bindparam("role"), enrollments.c.active.is_(True))))


@functools.cache
def _teaches_now() -> Select:
    on = bindparam("on", type_=enrollments.c.begin_date.type)
    return select(exists(current_section_ids(bindparam("person"), on).where(
        enrollments.c.section_id == bindparam("section"))))
