"""Who may set, change and read goals, and create, prepare, score, complete and read milestones; decided from the
viewer's roles, the roster replica's facts (``Relation``) and, for panellists, their invitation (``Seat``).

Rules (tested as a table in tests/unit/test_goals_milestones_access.py and the integration matrix):
- any admin role is refused everything about a student (a district_admin defines milestone types, about nobody);
- goals: the student sets, changes, links evidence to and closes their own goals; the student, a teacher who
  CURRENTLY teaches them and their guardians read them;
- milestones: a current teacher creates one, invites the panel and records the outcome; the student selects the
  evidence; the student, current teachers and guardians read (and list) them;
- a panellist (a guest "guest:<invitation_id>" with role panel_guest, or the invited educator's own account)
  whose invitation is for this milestone and has not expired reads it and scores it, until the milestone
  completes; an ended invitation is refused with its own message, a missing one with "you are not on this
  milestone's panel".
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from chassis.access import GUEST_PREFIX, Role, Viewer, guest_invitation_id, role_of  # noqa: F401 (re-exported)
from chassis.errors import Conflict, PermissionDenied
from reflections.domain.access import GUARDIAN, STUDENT, TEACHER, Relation
from reflections.domain.milestones import COMPLETED_LINK, expired_message

PANELLIST, PANEL_GUEST = Role.PANELLIST, Role.PANEL_GUEST
TYPE_EDITOR = Role.DISTRICT_ADMIN
GOALS_DENIED = "not allowed to see or change this student's goals"
MILESTONES_DENIED = "not allowed to see or change this student's milestones"
NOT_ON_PANEL = "you are not on this milestone's panel"


class GoalAction(StrEnum):
    READ = "read"
    WRITE = "write"


class MilestoneAction(StrEnum):
    READ = "read"
    LIST = "list"
    CREATE = "create"
    SELECT_EVIDENCE = "select_evidence"
    INVITE = "invite"
    RECORD_OUTCOME = "record_outcome"
    SCORE = "score"


GOAL_ALLOWED: dict[GoalAction, frozenset[Role]] = {
    GoalAction.READ: frozenset({STUDENT, TEACHER, GUARDIAN}),
    GoalAction.WRITE: frozenset({STUDENT}),
}

MILESTONE_ALLOWED: dict[MilestoneAction, frozenset[Role]] = {
    MilestoneAction.READ: frozenset({STUDENT, TEACHER, GUARDIAN, PANELLIST}),
    MilestoneAction.LIST: frozenset({STUDENT, TEACHER, GUARDIAN}),
    MilestoneAction.CREATE: frozenset({TEACHER}),
    MilestoneAction.SELECT_EVIDENCE: frozenset({STUDENT}),
    MilestoneAction.INVITE: frozenset({TEACHER}),
    MilestoneAction.RECORD_OUTCOME: frozenset({TEACHER}),
    MilestoneAction.SCORE: frozenset({PANELLIST}),
}


READS = frozenset({MilestoneAction.READ, MilestoneAction.LIST})     # all a completed milestone still takes


def goal_actions(role: Role | None) -> frozenset[GoalAction]:
    """Every goal action the table allows the role (what replies tell a page it may offer)."""
    return frozenset(action for action, roles in GOAL_ALLOWED.items() if role in roles)


def milestone_actions(roles: frozenset[str], planned: bool) -> frozenset[MilestoneAction]:
    """Every milestone action the table allows these roles; on a completed milestone, reads only."""
    return frozenset(action for action, allowed in MILESTONE_ALLOWED.items()
                     if roles & allowed and (planned or action in READS))


@dataclass(frozen=True)
class Seat:
    """The viewer's invitation to one milestone's panel."""

    invitation_id: str
    expires_at: dt.datetime          # when the link ends: it expires, or its milestone completes (``completed``)
    completed: bool = False


def may_define_types(viewer: Viewer) -> bool:
    return TYPE_EDITOR in viewer.roles


def check_goal(viewer: Viewer, action: GoalAction, student_id: str | None, relation: Relation) -> Role:
    """The role the viewer acts in; one PermissionDenied for an unknown goal (None) and for a refusal."""
    role = role_of(viewer, student_id, relation) if student_id is not None else None
    if role not in GOAL_ALLOWED[action]:
        raise PermissionDenied(GOALS_DENIED)
    return role


def milestone_roles(viewer: Viewer, student_id: str, relation: Relation, seat: Seat | None,
                    now: dt.datetime) -> frozenset[str]:
    """Every role the viewer holds towards this milestone (a current teacher may also sit on its panel)."""
    if viewer.is_admin:
        return frozenset()
    role = role_of(viewer, student_id, relation) if guest_invitation_id(viewer) is None else None
    panel = {PANELLIST} if seat is not None and now < seat.expires_at else set()
    return frozenset({role} - {None}) | panel


def check_milestone(viewer: Viewer, action: MilestoneAction, student_id: str | None, relation: Relation,
                    seat: Seat | None, now: dt.datetime) -> frozenset[str]:
    """The viewer's roles towards the milestone; PermissionDenied (the same for a missing milestone) or, for a
    panellist whose link expired, Conflict saying when."""
    roles = milestone_roles(viewer, student_id, relation, seat, now) if student_id is not None else frozenset()
    if roles & MILESTONE_ALLOWED[action]:
        return roles
    if seat is not None and now >= seat.expires_at and PANELLIST in MILESTONE_ALLOWED[action] \
            and not viewer.is_admin:
        raise Conflict(COMPLETED_LINK if seat.completed else expired_message(seat.expires_at))
    if action is MilestoneAction.SCORE:
        raise PermissionDenied(NOT_ON_PANEL)
    raise PermissionDenied(MILESTONES_DENIED)


def sees_whole_panel(roles: frozenset[str]) -> bool:
    """The student, their teachers and guardians see every panellist and sheet; a panellist only their own."""
    return bool(roles & {STUDENT, TEACHER, GUARDIAN})


def is_audited(viewer: Viewer, student_id: str) -> bool:
    return viewer.subject != student_id
