"""Who may read and write skills: reading needs only authentication; writes need an admin of the framework.

Rules as data (``WRITERS``) plus pure functions; the service layer supplies which schools a viewer administers
(from its replica of roster school-admin roles).
"""
from __future__ import annotations

from enum import StrEnum

from chassis.access import Role, Viewer
from chassis.errors import PermissionDenied


class Action(StrEnum):
    READ = "read"                                    # skills, scales, rubrics, frameworks
    WRITE_DISTRICT = "write_district"                # the district framework, bands, scales, rubrics
    WRITE_SCHOOL = "write_school"                    # a school framework's additions


class Scope(StrEnum):
    ANY = "any"
    OWN_SCHOOL = "own_school"                        # only a school the viewer administers


WRITERS: dict[Action, dict[Role, Scope]] = {
    Action.WRITE_DISTRICT: {Role.DISTRICT_ADMIN: Scope.ANY, Role.SERVICE: Scope.ANY},
    Action.WRITE_SCHOOL: {Role.DISTRICT_ADMIN: Scope.ANY, Role.SERVICE: Scope.ANY, Role.SCHOOL_ADMIN: Scope.OWN_SCHOOL},
}


def is_allowed(viewer: Viewer, action: Action, school_id: str = "",
               administered: frozenset[str] = frozenset()) -> bool:
    """True when ``viewer`` may do ``action`` (on ``school_id``'s framework, given the schools it administers)."""
    if action is Action.READ:
        return True
    for role in viewer.roles:
        scope = WRITERS[action].get(role)
        if scope is Scope.ANY or (scope is Scope.OWN_SCHOOL and school_id and school_id in administered):
            return True
    return False


def deny(action: Action) -> PermissionDenied:
    return PermissionDenied(f"not allowed to {action.value.replace('_', ' ')} skill frameworks")


SCHOOL_CANNOT_CHANGE_DISTRICT = ("a school framework may add skills but never change the district's; "
                                 "ask a district admin")
