"""Who may do what with a student's portfolio, decided from the viewer's roles and the roster replica's facts.

Rules (tested as a table in tests/unit/test_artifacts_access.py):
- any admin role (school_admin, district_admin) is refused every read and write, whatever other roles it holds;
- a student views their whole portfolio, adds to it, and edits/deletes only artifacts they added;
- a teacher views and adds for students they CURRENTLY teach, and edits/deletes only artifacts they added,
  only while they still teach the student;
- a guardian views their own children's portfolios;
- a service principal may read; nobody else may do anything.
"""
from __future__ import annotations

from enum import StrEnum

from chassis.access import Viewer
from chassis.errors import PermissionDenied
from chassis.roster_replica.standing import (Relation, Span, enrollment_span, in_span,  # noqa: F401 (re-exported)
                                             teaches_now)

STUDENT, TEACHER, GUARDIAN, SERVICE = "student", "teacher", "guardian", "service"
ADMIN_ROLES = frozenset({"school_admin", "district_admin"})
DENIED = "not allowed to access this student's artifacts"      # one message, whether the artifact exists or not


class Action(StrEnum):
    VIEW = "view"
    ADD = "add"
    CHANGE = "change"        # edit, new version, delete


def role_of(viewer: Viewer, student_id: str, relation: Relation) -> str | None:
    """The role the viewer acts in for this student, or None when they have no standing."""
    if viewer.roles & ADMIN_ROLES:
        return None
    if STUDENT in viewer.roles and viewer.subject == student_id:
        return STUDENT
    if TEACHER in viewer.roles and relation.teaches_now:
        return TEACHER
    if GUARDIAN in viewer.roles and relation.guardian_of:
        return GUARDIAN
    if SERVICE in viewer.roles:
        return SERVICE
    return None


def is_allowed(viewer: Viewer, action: Action, student_id: str, relation: Relation, added_by: str = "") -> bool:
    role = role_of(viewer, student_id, relation)
    if role is None:
        return False
    if action is Action.VIEW:
        return True
    if action is Action.ADD:
        return role in (STUDENT, TEACHER)
    return role in (STUDENT, TEACHER) and added_by == viewer.subject


def check(viewer: Viewer, action: Action, student_id: str, relation: Relation, added_by: str = "") -> str:
    """The role the viewer acts in; PermissionDenied (one message) when not allowed."""
    if not is_allowed(viewer, action, student_id, relation, added_by):
        raise PermissionDenied(DENIED)
    return role_of(viewer, student_id, relation) or ""


def is_audited(viewer: Viewer, student_id: str) -> bool:
    """Every read or change by anyone other than the student goes to the audit log."""
    return viewer.subject != student_id
