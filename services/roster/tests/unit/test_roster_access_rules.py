"""The access rules table, read as a table: for each role and action, which relations grant it."""
from __future__ import annotations

import datetime as dt

import pytest

from roster.domain.access import GRANTS, Action, Viewer, deny, granting_relations, is_allowed, is_today
from roster.domain.access import Relation as R

A = Action
NONE = frozenset()
ALL_RELATIONS = frozenset(R) - {R.ANYONE}

# role -> action -> the relations that must grant it (ANYONE = unconditional, empty = never)
EXPECTED = {
    "student": {A.READ_DIRECTORY: {R.ANYONE}, A.READ_PERSON: {R.SELF}, A.READ_GUARDIANS: {R.SELF},
                A.READ_SECTION: {R.ENROLLED}, A.LIST_OWN_SECTIONS: {R.ANYONE}, A.EXPORT_RECORD: {R.SELF}},
    "teacher": {A.READ_DIRECTORY: {R.ANYONE},
                A.READ_PERSON: {R.SELF, R.CURRENT_STUDENT, R.GUARDIAN_OF_CURRENT_STUDENT},
                A.READ_GUARDIANS: {R.CURRENT_STUDENT}, A.READ_CURRENT_STUDENTS: {R.SELF},
                A.READ_SECTION: {R.TEACHES}, A.READ_SECTION_ROSTER: {R.TEACHES_NOW},
                A.LIST_OWN_SECTIONS: {R.ANYONE}, A.LIST_TEACHER_SECTIONS: {R.SELF}, A.READ_RELATIONSHIP: {R.SELF}},
    "guardian": {A.READ_DIRECTORY: {R.ANYONE}, A.READ_PERSON: {R.SELF, R.CHILD}, A.READ_CHILDREN: {R.SELF},
                 A.READ_RELATIONSHIP: {R.SELF}, A.EXPORT_RECORD: {R.CHILD}},
    "school_admin": {A.READ_DIRECTORY: {R.ANYONE}, A.READ_PERSON: {R.SELF, R.IN_ADMINISTERED_SCHOOL},
                     **{action: {R.IN_ADMINISTERED_SCHOOL} for action in (
                         A.READ_GUARDIANS, A.READ_CHILDREN, A.READ_CURRENT_STUDENTS, A.READ_STUDENTS_ON_OTHER_DATE,
                         A.READ_SECTION, A.READ_SECTION_ROSTER, A.LIST_TEACHER_SECTIONS, A.LIST_SCHOOL_SECTIONS,
                         A.LIST_SCHOOL_PEOPLE)}},
    # admins and services see everything but records requests (the passport export)
    "district_admin": {action: {R.ANYONE} for action in Action if action is not A.EXPORT_RECORD},
    "service": {action: {R.ANYONE} for action in Action if action is not A.EXPORT_RECORD},
    "privacy_officer": {A.READ_DIRECTORY: {R.ANYONE}, A.EXPORT_RECORD: {R.ANYONE}},
    "janitor": {},
}
TABLE = [(role, action, frozenset(EXPECTED[role].get(action, NONE))) for role in EXPECTED for action in Action]


@pytest.mark.parametrize("role,action,granting", TABLE, ids=[f"{r}-{a.value}" for r, a, _ in TABLE])
def test_rules_table(role, action, granting):
    roles = frozenset({role})
    assert granting_relations(roles, action) == granting
    for relation in ALL_RELATIONS:
        assert is_allowed(roles, action, frozenset({relation})) == (relation in granting or R.ANYONE in granting)
    assert is_allowed(roles, action, NONE) == (R.ANYONE in granting)


def test_every_action_has_a_row():
    assert set(GRANTS) == set(Action)


def test_roles_combine_by_union():
    both = frozenset({"teacher", "guardian"})
    assert granting_relations(both, A.READ_PERSON) == {R.SELF, R.CHILD, R.CURRENT_STUDENT,
                                                      R.GUARDIAN_OF_CURRENT_STUDENT}
    assert is_allowed(both, A.READ_CHILDREN, frozenset({R.SELF}))


def test_no_roles_grant_nothing():
    assert not any(is_allowed(frozenset(), action, ALL_RELATIONS) for action in Action)


def test_viewer_and_refusal():
    assert Viewer.of("service:x", ["service"]).unrestricted and not Viewer.of("p", ["teacher"]).unrestricted
    assert deny(A.READ_PERSON).code == "PERMISSION_DENIED"
    assert "read person" in deny(A.READ_PERSON).message


def test_today_tolerates_one_day_of_clock_difference():
    today = dt.date(2026, 10, 15)
    assert is_today(dt.date(2026, 10, 14), today) and is_today(dt.date(2026, 10, 16), today)
    assert not is_today(dt.date(2026, 10, 13), today) and not is_today(dt.date(2025, 10, 15), today)
