"""Who may reflect, give feedback, comment, hide comments and read an artifact's discussion, decided from the
viewer's roles and the replicas' facts (the artifact's student; teaching and guardianship).

The role a viewer acts in is ``chassis.access.role_of``; this module keeps only the discussion's table of actions
per role (``ALLOWED``). Rules (tested as a table in tests/unit/test_reflections_access.py and tests/integration/...matrix):
- any admin role (school_admin, district_admin) is refused everything about a student, whatever else it holds
  (a district_admin defines the guided prompts, which are about nobody);
- the student reflects on, comments on and reads the discussion of any artifact in their own portfolio;
- a teacher who CURRENTLY teaches the student gives feedback, comments, hides comments and reads;
- a guardian comments on and reads their own child's artifacts;
- assessments: a current teacher assesses, the student self-assesses; the student, current teachers and
  guardians read them (READ) and the student's growth view;
- nobody else may do anything.
"""
from __future__ import annotations

from enum import StrEnum

from chassis.access import Role, Viewer, acting_role, role_of
from chassis.errors import PermissionDenied
from chassis.roster_replica.standing import Relation, Span, enrollment_span, in_span, teaches_now

STUDENT, TEACHER, GUARDIAN = Role.STUDENT, Role.TEACHER, Role.GUARDIAN
PROMPT_EDITOR = Role.DISTRICT_ADMIN
DENIED = "not allowed to discuss this student's artifacts"   # one message, whether the artifact exists or not

__all__ = ["Viewer", "Action", "Relation", "Span", "actions_of", "check", "enrollment_span", "in_span", "is_allowed", "is_audited",
           "role_of", "teaches_now"]


class Action(StrEnum):
    READ = "read"
    REFLECT = "reflect"
    FEEDBACK = "feedback"
    COMMENT = "comment"
    HIDE = "hide"
    ASSESS = "assess"
    SELF_ASSESS = "self_assess"


# The roles (``chassis.access.role_of``) each action is open to.
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.READ: frozenset({STUDENT, TEACHER, GUARDIAN}),
    Action.REFLECT: frozenset({STUDENT}),
    Action.FEEDBACK: frozenset({TEACHER}),
    Action.COMMENT: frozenset({STUDENT, TEACHER, GUARDIAN}),
    Action.HIDE: frozenset({TEACHER}),
    Action.ASSESS: frozenset({TEACHER}),
    Action.SELF_ASSESS: frozenset({STUDENT}),
}


def is_allowed(viewer: Viewer, action: Action, student_id: str, relation: Relation) -> bool:
    return acting_role(viewer, student_id, relation, ALLOWED[action]) is not None


def actions_of(role: Role | None) -> frozenset[Action]:
    """Every action the table above allows the role (what replies tell a page it may offer)."""
    return frozenset(action for action, roles in ALLOWED.items() if role in roles)


def check(viewer: Viewer, action: Action, student_id: str, relation: Relation) -> str:
    """The role the viewer acts in; PermissionDenied (one message) when not allowed."""
    if not is_allowed(viewer, action, student_id, relation):
        raise PermissionDenied(DENIED)
    return acting_role(viewer, student_id, relation, ALLOWED[action]) or ""


def may_define_prompts(viewer: Viewer) -> bool:
    return PROMPT_EDITOR in viewer.roles


def is_audited(viewer: Viewer, student_id: str) -> bool:
    """Every read or change by anyone other than the student goes to the audit log."""
    return viewer.subject != student_id
