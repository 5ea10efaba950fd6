"""Who may see, issue and revoke a student's Open Badges and CLR, and define the district's badges.

Rules (tested as a table in tests/unit/test_credential_access.py and the integration matrix):
- the student, their guardians and a teacher who CURRENTLY teaches them read the student's credentials and CLR
  (a trusted service too: the passport export); a former teacher, another family and any admin do not;
- badges are issued automatically when a milestone completes at its badge's threshold outcome; a district admin
  defines badges (for a milestone type or a skill), awards a skill badge to a student and revokes any credential
  (each act about a student audited); nobody else issues or revokes.
"""
from __future__ import annotations

from enum import StrEnum

from chassis.access import Role, Viewer, role_of
from chassis.errors import PermissionDenied
from chassis.roster_replica.standing import Relation

DENIED = "not allowed to see this student's credentials"
ADMIN_ONLY = "only a district admin defines, awards and revokes badges"


class CredentialAction(StrEnum):
    READ = "read"
    DEFINE = "define"
    AWARD = "award"
    REVOKE = "revoke"


READERS = frozenset({Role.STUDENT, Role.TEACHER, Role.GUARDIAN, Role.SERVICE})
DISTRICT_ACTIONS = frozenset({CredentialAction.DEFINE, CredentialAction.AWARD, CredentialAction.REVOKE})


def may_read(viewer: Viewer, student_id: str, relation: Relation) -> bool:
    return role_of(viewer, student_id, relation) in READERS


def check_read(viewer: Viewer, student_id: str, relation: Relation) -> Role:
    """The role the viewer reads in; PermissionDenied (one message) otherwise."""
    role = role_of(viewer, student_id, relation)
    if role not in READERS:
        raise PermissionDenied(DENIED)
    return role


def check_district(viewer: Viewer, action: CredentialAction) -> None:
    if action not in DISTRICT_ACTIONS or Role.DISTRICT_ADMIN not in viewer.roles:
        raise PermissionDenied(ADMIN_ONLY)


def viewer_can(viewer: Viewer) -> frozenset[CredentialAction]:
    """What a reply tells a page the viewer may offer on credentials (revoke: district admins)."""
    return DISTRICT_ACTIONS if Role.DISTRICT_ADMIN in viewer.roles else frozenset()


def is_audited(viewer: Viewer, student_id: str) -> bool:
    return viewer.subject != student_id
