"""What each role may do in the notifications service, as data: everyone has their own feed and preferences;
teachers approve (only for students they teach now, checked per item); district admins manage district settings
and parked deliveries."""
from __future__ import annotations

from enum import StrEnum

from chassis.access import Role, Viewer
from chassis.errors import PermissionDenied, Unauthenticated


class Action(StrEnum):
    READ_FEED = "read_feed"
    APPROVE = "approve"
    MANAGE_DISTRICT = "manage_district"


ALLOWED: dict[Action, frozenset[str]] = {
    Action.READ_FEED: frozenset({Role.STUDENT, Role.TEACHER, Role.GUARDIAN, Role.SCHOOL_ADMIN, Role.DISTRICT_ADMIN}),
    Action.APPROVE: frozenset({Role.TEACHER}),
    Action.MANAGE_DISTRICT: frozenset({Role.DISTRICT_ADMIN}),
}


def can(viewer: Viewer, action: Action) -> bool:
    return bool(viewer.roles & ALLOWED[action])


def require(viewer: Viewer | None, action: Action) -> Viewer:
    if viewer is None:
        raise Unauthenticated("this call needs an authenticated principal")
    if not can(viewer, action):
        raise PermissionDenied(f"not allowed to {action.value.replace('_', ' ')}")
    return viewer


def viewer_can(viewer: Viewer) -> dict[str, bool]:
    return {"approve": can(viewer, Action.APPROVE), "manage_district": can(viewer, Action.MANAGE_DISTRICT),
            "read_feed": can(viewer, Action.READ_FEED)}
