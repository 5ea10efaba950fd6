"""Who may do what with a student's portfolio, decided from the viewer's roles and the roster replica's facts.

The role a viewer acts in is ``chassis.access.role_of``; this module keeps only the artifacts' table of actions per
role (``ALLOWED``). Rules (tested as a table in tests/unit/test_artifacts_access.py):
- any admin role (school_admin, district_admin) is refused every read and write, whatever other roles it holds;
- a student views their whole portfolio, adds to it, and edits/deletes only artifacts they added;
- a teacher views and adds for students they CURRENTLY teach, and edits/deletes only artifacts they added,
  only while they still teach the student;
- a guardian views their own children's portfolios;
- a milestone panellist (a guest "guest:<invitation_id>" with role panel_guest, or an invited educator account)
  views one artifact the student selected for that milestone, until the invitation expires (``panel_reader``,
  decided per artifact from the panel replica); never a whole portfolio, never a change;
- a service principal may read;
- the passport export (EXPORT, ``chassis.records_request``): the student, their guardian, or a district privacy
  officer stating a reason; the import of another district's transfer package (IMPORT): a privacy officer only, as
  read-only history (no other act is open to a privacy officer; admins never);
- nobody else may do anything.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chassis.access import Role, Viewer, acting_role, guest_invitation_id, role_of  # noqa: F401 (re-exported)
from chassis.errors import PermissionDenied
from chassis.records_request import EXPORTERS
from chassis.roster_replica.standing import Relation, Span, enrollment_span, in_span, teaches_now  # noqa: F401 (re-exported)

STUDENT, TEACHER, GUARDIAN, SERVICE = Role.STUDENT, Role.TEACHER, Role.GUARDIAN, Role.SERVICE
PANELLIST, PANEL_GUEST = Role.PANELLIST, Role.PANEL_GUEST
DENIED = "not allowed to access this student's artifacts"      # one message, whether the artifact exists or not


class Action(StrEnum):
    VIEW = "view"
    ADD = "add"
    CHANGE = "change"        # edit, new version, delete
    EXPORT = "export"        # the student's passport (a records request)
    IMPORT = "import"        # another district's transfer package, attached as read-only history


# The roles (``chassis.access.role_of``) each action is open to; the panellist's view is decided per artifact.
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.VIEW: frozenset({STUDENT, TEACHER, GUARDIAN, SERVICE, PANELLIST}),
    Action.ADD: frozenset({STUDENT, TEACHER}),
    Action.CHANGE: frozenset({STUDENT, TEACHER}),
    Action.EXPORT: EXPORTERS,
    Action.IMPORT: frozenset({Role.PRIVACY_OFFICER}),
}
OWN_ONLY = frozenset({Action.CHANGE})      # ... and only on an artifact the viewer added


def is_allowed(viewer: Viewer, action: Action, student_id: str, relation: Relation, added_by: str = "") -> bool:
    return (acting_role(viewer, student_id, relation, ALLOWED[action]) is not None
            and (action not in OWN_ONLY or added_by == viewer.subject))


def check(viewer: Viewer, action: Action, student_id: str, relation: Relation, added_by: str = "") -> str:
    """The role the viewer acts in; PermissionDenied (one message) when not allowed."""
    if not is_allowed(viewer, action, student_id, relation, added_by):
        raise PermissionDenied(DENIED)
    return acting_role(viewer, student_id, relation, ALLOWED[action]) or ""


@dataclass(frozen=True)
class ViewerCan:
    """What the viewer may do, from the table above (replies carry it; pages offer only these actions)."""

    add: bool = False        # add to the student's portfolio
    change: bool = False     # edit, new version, delete this artifact
    export: bool = False     # download the student's passport


def viewer_can(viewer: Viewer, student_id: str, relation: Relation, added_by: str | None = None,
               read_only: bool = False) -> ViewerCan:
    """The actions open to the viewer on this portfolio (``added_by``: and on this artifact; ``read_only``: an
    imported one, which nobody changes)."""
    return ViewerCan(add=is_allowed(viewer, Action.ADD, student_id, relation),
                     export=added_by is None and is_allowed(viewer, Action.EXPORT, student_id, relation),
                     change=added_by is not None and not read_only
                     and is_allowed(viewer, Action.CHANGE, student_id, relation, added_by))


def is_audited(viewer: Viewer, student_id: str) -> bool:
    """Every read or change by anyone other than the student goes to the audit log."""
    return viewer.subject != student_id
