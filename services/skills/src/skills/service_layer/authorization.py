"""Applies domain/access.py with the school-admin replica: raise Unauthenticated / PermissionDenied or return."""
from __future__ import annotations

from chassis.access import Role
from chassis.errors import Unauthenticated
from skills.domain import access
from skills.domain.access import Action, Viewer
from skills.service_layer.unit_of_work import SkillsUnitOfWork


def authenticated(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise Unauthenticated("this call needs an authenticated principal")
    return viewer


def authorize_write(uow: SkillsUnitOfWork, viewer: Viewer | None, school_id: str = "") -> Viewer:
    """A writer of the district framework (``school_id`` "") or of that school's framework."""
    viewer = authenticated(viewer)
    action = Action.WRITE_SCHOOL if school_id else Action.WRITE_DISTRICT
    administered = (uow.replicas.administered_schools(viewer.subject)
                    if school_id and Role.SCHOOL_ADMIN in viewer.roles else frozenset())
    if not access.is_allowed(viewer, action, school_id, administered):
        raise access.deny(action)
    return viewer
