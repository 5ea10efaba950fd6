"""Rights at 18 in the roster's tables: each district's rule, the students whose rights may pass (birth date,
graduation), the students whose rights have passed, and each guardian's access afterwards."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, exists, func, insert, select, update
from sqlalchemy.orm import Session

from roster.adapters.orm import (
    academic_sessions,
    enrollments,
    guardian_access,
    guardianships,
    orgs,
    people,
    person_roles,
    rights_settings,
    sections,
    student_rights,
)
from roster.domain.rights import GuardianAccessEnds, RightsPassing

FINAL_GRADE = "12"       # a student in grade 12 graduates when the last school year they are enrolled in ends


@dataclass(frozen=True)
class Candidate:
    """An active student whose rights have not passed yet, with the facts the district's rule needs."""

    student_id: str
    district_id: str
    birth_date: dt.date | None
    graduated_on: dt.date | None


@dataclass(frozen=True)
class GuardianStanding:
    """One of a student's guardians (listed active by the roster) and the access the student's decision gives."""

    guardian_id: str
    given_name: str
    family_name: str
    granted: bool | None          # None: nobody decided (rights not passed, or a guardian the rule has not seen)


class RightsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def rules(self) -> dict[str, GuardianAccessEnds]:
        """The districts that chose a rule (the others follow the default setting)."""
        return {r.district_id: GuardianAccessEnds(r.guardian_access_ends)
                for r in self.session.execute(select(rights_settings))}

    def rule_of(self, district_id: str) -> tuple[GuardianAccessEnds, str] | None:
        """(the district's chosen rule, who chose it), or None where it follows the default."""
        row = self.session.execute(select(rights_settings.c.guardian_access_ends, rights_settings.c.updated_by)
                                   .where(rights_settings.c.district_id == district_id)).first()
        return (GuardianAccessEnds(row.guardian_access_ends), row.updated_by) if row else None

    def set_rule(self, district_id: str, rule: GuardianAccessEnds, by: str) -> None:
        table = rights_settings
        done = self.session.execute(update(table).where(table.c.district_id == district_id).values(
            guardian_access_ends=rule.value, updated_by=by, updated_at=func.now())).rowcount
        if not done:
            self.session.execute(insert(table).values(district_id=district_id, guardian_access_ends=rule.value,
                                                      updated_by=by))

    def is_district(self, district_id: str) -> bool:
        return bool(self.session.scalar(select(exists().where(orgs.c.id == district_id, orgs.c.type == "district"))))

    def candidates(self) -> list[Candidate]:
        """Active students without passed rights who have a birth date or are in the final grade."""
        school = orgs.alias("school")
        final_year = (select(func.max(academic_sessions.c.end_date))
                      .select_from(enrollments.join(sections, sections.c.id == enrollments.c.section_id)
                                   .join(academic_sessions, academic_sessions.c.id == sections.c.school_year_id))
                      .where(enrollments.c.person_id == people.c.id, enrollments.c.role == "student",
                             enrollments.c.active.is_(True)).scalar_subquery())
        is_student = exists().where(person_roles.c.person_id == people.c.id, person_roles.c.role == "student")
        passed = exists().where(student_rights.c.student_id == people.c.id)
        rows = self.session.execute(
            select(people.c.id, school.c.parent_id, people.c.birth_date, people.c.grade_level, final_year)
            .outerjoin(school, school.c.id == people.c.primary_school_id)
            .where(people.c.active.is_(True), is_student, ~passed,
                   (people.c.birth_date.is_not(None)) | (people.c.grade_level == FINAL_GRADE)))
        return [Candidate(r[0], r[1] or "", r[2], r[4] if r[3] == FINAL_GRADE else None) for r in rows]

    def record_passed(self, student_id: str, passing: RightsPassing) -> None:
        self.session.execute(insert(student_rights).values(student_id=student_id, passed_on=passing.on,
                                                           basis=passing.basis.value))

    def passed_on(self, student_id: str) -> dt.date | None:
        return self.session.scalar(select(student_rights.c.passed_on).where(student_rights.c.student_id == student_id))

    def guardians(self, student_id: str) -> list[GuardianStanding]:
        """The student's guardians the roster lists as active, with the access decided for each."""
        rows = self.session.execute(
            select(people.c.id, people.c.given_name, people.c.family_name, guardian_access.c.granted)
            .select_from(guardianships.join(people, people.c.id == guardianships.c.guardian_id)
                         .outerjoin(guardian_access, and_(guardian_access.c.guardian_id == guardianships.c.guardian_id,
                                                          guardian_access.c.student_id == guardianships.c.student_id)))
            .where(guardianships.c.student_id == student_id, guardianships.c.active.is_(True))
            .order_by(people.c.family_name, people.c.given_name, people.c.id))
        return [GuardianStanding(r[0], r[1], r[2], r[3]) for r in rows]

    def without_access(self, changed_since: dt.datetime | None = None) -> list[tuple[str, str]]:
        """(guardian, student) pairs of students whose rights passed, listed active by the roster, that the student
        has not granted: those nobody decided on yet, and (``changed_since``) those an import touched since."""
        decided = and_(guardian_access.c.guardian_id == guardianships.c.guardian_id,
                       guardian_access.c.student_id == guardianships.c.student_id)
        granted = exists().where(decided, guardian_access.c.granted.is_(True))
        fresh = ~exists().where(decided)
        if changed_since is not None:
            fresh = fresh | (guardianships.c.updated_at >= changed_since)
        rows = self.session.execute(
            select(guardianships.c.guardian_id, guardianships.c.student_id)
            .join(student_rights, student_rights.c.student_id == guardianships.c.student_id)
            .where(guardianships.c.active.is_(True), ~granted, fresh)
            .order_by(guardianships.c.student_id, guardianships.c.guardian_id))
        return [(r[0], r[1]) for r in rows]

    def set_access(self, guardian_id: str, student_id: str, granted: bool, by: str) -> None:
        table = guardian_access
        done = self.session.execute(update(table).where(table.c.guardian_id == guardian_id,
                                                        table.c.student_id == student_id)
                                    .values(granted=granted, decided_by=by, decided_at=func.now())).rowcount
        if not done:
            self.session.execute(insert(table).values(guardian_id=guardian_id, student_id=student_id,
                                                      granted=granted, decided_by=by))
