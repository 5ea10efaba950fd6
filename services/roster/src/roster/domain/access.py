"""Who may see whom in the roster: least-privilege rules as data plus pure functions over them.

A rule grants an ``Action`` on a target to a ``role`` when the viewer holds one of the listed ``Relation``s to
that target. The service layer establishes the relations (from the roster's own data); nothing here does I/O.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from chassis import access as chassis_access
from chassis.access import Role
from chassis.errors import PermissionDenied

STUDENT, TEACHER, GUARDIAN, SCHOOL_ADMIN = Role.STUDENT, Role.TEACHER, Role.GUARDIAN, Role.SCHOOL_ADMIN
PRIVACY_OFFICER = Role.PRIVACY_OFFICER


class Action(StrEnum):
    READ_DIRECTORY = "read_directory"                  # schools and school years
    READ_PERSON = "read_person"                        # target: a person
    READ_GUARDIANS = "read_guardians"                  # target: a student
    READ_CHILDREN = "read_children"                    # target: a guardian
    READ_CURRENT_STUDENTS = "read_current_students"    # target: a teacher
    READ_STUDENTS_ON_OTHER_DATE = "read_students_on_other_date"  # target: a teacher; a date other than today
    READ_SECTION = "read_section"                      # target: a section
    READ_SECTION_ROSTER = "read_section_roster"        # target: a section
    LIST_OWN_SECTIONS = "list_own_sections"            # no target: sections the viewer is enrolled in
    LIST_TEACHER_SECTIONS = "list_teacher_sections"    # target: a teacher
    LIST_SCHOOL_SECTIONS = "list_school_sections"      # target: a school
    LIST_ALL_SECTIONS = "list_all_sections"
    LIST_SCHOOL_PEOPLE = "list_school_people"          # target: a school
    LIST_ALL_PEOPLE = "list_all_people"
    READ_RELATIONSHIP = "read_relationship"            # target: the teacher or guardian asked about (a student too)
    EXPORT_RECORD = "export_record"                    # target: a student (their passport; a records request)


class Relation(StrEnum):
    ANYONE = "anyone"                                  # unconditional: no relation needed
    SELF = "self"                                      # the target person is the viewer
    CHILD = "child"                                    # the viewer is the target's guardian
    CURRENT_STUDENT = "current_student"                # the viewer teaches the target today
    GUARDIAN_OF_CURRENT_STUDENT = "guardian_of_current_student"
    IN_ADMINISTERED_SCHOOL = "in_administered_school"  # the target (person/section/school) is in a school
                                                       # the viewer administers
    ENROLLED = "enrolled"                              # the viewer is a student of the target section
    TEACHES = "teaches"                                # the viewer teaches the target section (any date)
    TEACHES_NOW = "teaches_now"                        # ... and does so today


R = Relation
_ADMIN = frozenset({R.IN_ADMINISTERED_SCHOOL})
_EVERYONE = {role: frozenset({R.ANYONE}) for role in (STUDENT, TEACHER, GUARDIAN, SCHOOL_ADMIN, PRIVACY_OFFICER)}
# District admins and trusted services see everything; they are added to every row below but the records requests
# (an export of a student's record): the student, their guardian and a privacy officer (with a reason) only.
UNRESTRICTED_ROLES = (Role.DISTRICT_ADMIN, Role.SERVICE)
RECORDS_REQUESTS = frozenset({"export_record"})

GRANTS: dict[Action, dict[Role, frozenset[Relation]]] = {
    Action.READ_DIRECTORY: _EVERYONE,
    Action.READ_PERSON: {STUDENT: frozenset({R.SELF}),
                         TEACHER: frozenset({R.SELF, R.CURRENT_STUDENT, R.GUARDIAN_OF_CURRENT_STUDENT}),
                         GUARDIAN: frozenset({R.SELF, R.CHILD}),
                         SCHOOL_ADMIN: frozenset({R.SELF, R.IN_ADMINISTERED_SCHOOL})},
    Action.READ_GUARDIANS: {STUDENT: frozenset({R.SELF}), TEACHER: frozenset({R.CURRENT_STUDENT}),
                            SCHOOL_ADMIN: _ADMIN},
    Action.READ_CHILDREN: {GUARDIAN: frozenset({R.SELF}), SCHOOL_ADMIN: _ADMIN},
    Action.READ_CURRENT_STUDENTS: {TEACHER: frozenset({R.SELF}), SCHOOL_ADMIN: _ADMIN},
    Action.READ_STUDENTS_ON_OTHER_DATE: {SCHOOL_ADMIN: _ADMIN},
    Action.READ_SECTION: {STUDENT: frozenset({R.ENROLLED}), TEACHER: frozenset({R.TEACHES}),
                          SCHOOL_ADMIN: _ADMIN},
    Action.READ_SECTION_ROSTER: {TEACHER: frozenset({R.TEACHES_NOW}), SCHOOL_ADMIN: _ADMIN},
    Action.LIST_OWN_SECTIONS: {STUDENT: frozenset({R.ANYONE}), TEACHER: frozenset({R.ANYONE})},
    Action.LIST_TEACHER_SECTIONS: {TEACHER: frozenset({R.SELF}), SCHOOL_ADMIN: _ADMIN},
    Action.LIST_SCHOOL_SECTIONS: {SCHOOL_ADMIN: _ADMIN},
    Action.LIST_ALL_SECTIONS: {},
    Action.LIST_SCHOOL_PEOPLE: {SCHOOL_ADMIN: _ADMIN},
    Action.LIST_ALL_PEOPLE: {},
    Action.READ_RELATIONSHIP: {TEACHER: frozenset({R.SELF}), GUARDIAN: frozenset({R.SELF})},
    Action.EXPORT_RECORD: {STUDENT: frozenset({R.SELF}), GUARDIAN: frozenset({R.CHILD}),
                           PRIVACY_OFFICER: frozenset({R.ANYONE})},
}


# The order in which the service layer tries relations: the cheapest to establish first.
CHEAPEST_FIRST = (R.ANYONE, R.SELF, R.CHILD, R.ENROLLED, R.TEACHES, R.TEACHES_NOW, R.CURRENT_STUDENT,
                  R.IN_ADMINISTERED_SCHOOL, R.GUARDIAN_OF_CURRENT_STUDENT)


class TargetKind(StrEnum):
    PERSON = "person"
    SECTION = "section"
    SCHOOL = "school"
    NONE = "none"


@dataclass(frozen=True)
class Target:
    """What an action is about: a person, a section, a school, or nothing (the viewer's own things)."""

    kind: TargetKind
    id: str = ""


NO_TARGET = Target(TargetKind.NONE)


@dataclass(frozen=True)
class Viewer(chassis_access.Viewer):
    """The caller as the roster's rules see it, plus whether its roles bypass relation checks."""

    @property
    def unrestricted(self) -> bool:
        return bool(self.roles & set(UNRESTRICTED_ROLES))


def granting_relations(roles: frozenset[str], action: Action) -> frozenset[Relation]:
    """Every relation that would let a viewer with ``roles`` do ``action`` (``{ANYONE}`` if none is needed)."""
    if action in RECORDS_REQUESTS and roles & {SCHOOL_ADMIN, Role.DISTRICT_ADMIN}:
        return frozenset()                              # admins never see an individual record
    if roles & set(UNRESTRICTED_ROLES) and action not in RECORDS_REQUESTS:
        return frozenset({R.ANYONE})
    rules = GRANTS[action]
    found = frozenset().union(*(rules.get(role, frozenset()) for role in roles))
    return frozenset({R.ANYONE}) if R.ANYONE in found else found


def is_allowed(roles: frozenset[str], action: Action, held: frozenset[Relation]) -> bool:
    """True when some role of the viewer grants ``action`` through a relation the viewer holds."""
    granting = granting_relations(roles, action)
    return R.ANYONE in granting or bool(granting & held)


# "Today" differs by up to a day between the caller's clock and the district's calendar (time zones), so a date
# that close to the roster's today is still today; further away it needs READ_STUDENTS_ON_OTHER_DATE.
TODAY_TOLERANCE_DAYS = 1


def is_today(on: dt.date, today: dt.date) -> bool:
    return abs((on - today).days) <= TODAY_TOLERANCE_DAYS


def deny(action: Action) -> PermissionDenied:
    """The one refusal, worded so it reveals nothing about whether the target exists."""
    return PermissionDenied(f"not allowed to {action.value.replace('_', ' ')} for this target")
