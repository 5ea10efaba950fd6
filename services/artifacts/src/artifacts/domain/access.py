"""Who may do what with a student's portfolio, decided from the viewer's roles and the roster replica's facts.

Rules (tested as a table in tests/unit/test_artifacts_access.py):
- any admin role (school_admin, district_admin) is refused every read and write, whatever other roles it holds;
- a student views their whole portfolio, adds to it, and edits/deletes only artifacts they added;
- a teacher views and adds for students they CURRENTLY teach, and edits/deletes only artifacts they added,
  only while they still teach the student;
- a guardian views their own children's portfolios;
- a milestone panellist (a guest "guest:<invitation_id>" with role panel_guest, or an invited educator account)
  views one artifact the student selected for that milestone, until the invitation expires (``panel_reader``,
  decided per artifact from the panel replica); never a whole portfolio, never a change;
- a service principal may read; nobody else may do anything.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chassis.access import Viewer
from chassis.errors import PermissionDenied
from chassis.roster_replica.standing import Relation as RosterRelation
from chassis.roster_replica.standing import (Span, enrollment_span, in_span,  # noqa: F401 (re-exported)
                                             teaches_now)

STUDENT, TEACHER, GUARDIAN, SERVICE = "student", "teacher", "guardian", "service"
PANELLIST, PANEL_GUEST, GUEST_PREFIX = "panellist", "panel_guest", "guest:"
ADMIN_ROLES = frozenset({"school_admin", "district_admin"})
DENIED = "not allowed to access this student's artifacts"      # one message, whether the artifact exists or not


class Action(StrEnum):
    VIEW = "view"
    ADD = "add"
    CHANGE = "change"        # edit, new version, delete


@dataclass(frozen=True)
class Relation(RosterRelation):
    """The viewer's roster standing towards the student and, for one artifact, whether they sit on a live
    milestone panel it was selected for (from the artifacts service's panel replica)."""

    panel_reader: bool = False


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
    if relation.panel_reader and viewer.roles & {PANEL_GUEST, TEACHER}:
        return PANELLIST
    return None


def guest_invitation_id(viewer: Viewer) -> str:
    """The invitation a panel guest principal stands for; empty for anyone else."""
    if PANEL_GUEST in viewer.roles and viewer.subject.startswith(GUEST_PREFIX):
        return viewer.subject[len(GUEST_PREFIX):]
    return ""


def is_allowed(viewer: Viewer, action: Action, student_id: str, relation: Relation, added_by: str = "") -> bool:
    role = role_of(viewer, student_id, relation)
    if role is None:
        return False
    if action is Action.VIEW:
        return True                      # every role, the panellist included (checked per artifact)
    if action is Action.ADD:
        return role in (STUDENT, TEACHER)
    return role in (STUDENT, TEACHER) and added_by == viewer.subject


def check(viewer: Viewer, action: Action, student_id: str, relation: Relation, added_by: str = "") -> str:
    """The role the viewer acts in; PermissionDenied (one message) when not allowed."""
    if not is_allowed(viewer, action, student_id, relation, added_by):
        raise PermissionDenied(DENIED)
    return role_of(viewer, student_id, relation) or ""


@dataclass(frozen=True)
class ViewerCan:
    """What the viewer may do, from the table above (replies carry it; pages offer only these actions)."""

    add: bool = False        # add to the student's portfolio
    change: bool = False     # edit, new version, delete this artifact


def viewer_can(viewer: Viewer, student_id: str, relation: Relation, added_by: str | None = None) -> ViewerCan:
    """The actions open to the viewer on this portfolio (``added_by``: and on this artifact)."""
    return ViewerCan(add=is_allowed(viewer, Action.ADD, student_id, relation),
                     change=added_by is not None and is_allowed(viewer, Action.CHANGE, student_id, relation,
                                                                added_by))


def is_audited(viewer: Viewer, student_id: str) -> bool:
    """Every read or change by anyone other than the student goes to the audit log."""
    return viewer.subject != student_id
