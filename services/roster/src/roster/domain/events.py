"""Roster domain events (past tense); payloads match protos/skillfolio/events/v1/roster.proto."""
from __future__ import annotations

from dataclasses import dataclass, field

from chassis.events import DomainEvent


@dataclass(frozen=True)
class _PersonChanged(DomainEvent):
    person_id: str
    sourced_id: str
    roles: list[str] = field(default_factory=list)
    grade_level: str = ""
    primary_school_id: str = ""
    active: bool = True
    given_name: str = ""
    family_name: str = ""
    email: str = ""
    preferred_language: str = ""


class PersonAdded(_PersonChanged):
    pass


class PersonUpdated(_PersonChanged):
    pass


class PersonRemoved(_PersonChanged):
    pass


@dataclass(frozen=True)
class _SchoolChanged(DomainEvent):
    school_id: str
    sourced_id: str
    name: str
    district_id: str = ""


class SchoolAdded(_SchoolChanged):
    pass


class SchoolUpdated(_SchoolChanged):
    pass


@dataclass(frozen=True)
class _SchoolYearChanged(DomainEvent):
    school_year_id: str
    title: str
    start_date: str
    end_date: str
    year: int


class SchoolYearAdded(_SchoolYearChanged):
    pass


class SchoolYearUpdated(_SchoolYearChanged):
    pass


@dataclass(frozen=True)
class _SectionChanged(DomainEvent):
    section_id: str
    school_id: str
    school_year_id: str
    title: str
    start_date: str = ""
    end_date: str = ""


class SectionAdded(_SectionChanged):
    pass


class SectionUpdated(_SectionChanged):
    pass


class SectionRemoved(_SectionChanged):
    pass


@dataclass(frozen=True)
class _EnrollmentChanged(DomainEvent):
    enrollment_id: str
    section_id: str
    person_id: str
    role: str
    school_id: str
    begin_date: str = ""
    end_date: str = ""
    active: bool = True


class EnrollmentAdded(_EnrollmentChanged):
    pass


class EnrollmentUpdated(_EnrollmentChanged):
    pass


class EnrollmentRemoved(_EnrollmentChanged):
    pass


@dataclass(frozen=True)
class _GuardianshipChanged(DomainEvent):
    guardian_id: str
    student_id: str
    active: bool = True


class GuardianshipAdded(_GuardianshipChanged):
    pass


class GuardianshipRemoved(_GuardianshipChanged):
    pass


@dataclass(frozen=True)
class StudentTransferred(DomainEvent):
    student_id: str
    from_school_id: str
    to_school_id: str
    effective_date: str


@dataclass(frozen=True)
class StudentRightsPassed(DomainEvent):
    """The student's rights passed to them (``basis``: age_18 or graduation); ``guardian_ids`` lost access."""

    student_id: str
    basis: str
    effective_date: str
    guardian_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GuardianAccessChanged(DomainEvent):
    """After rights passed: a guardian's access to the student's record, as the student (or the rule) set it."""

    student_id: str
    guardian_id: str
    granted: bool = False
    decided_by: str = ""
