"""Applies the access rules of domain/access.py: find the relations that would grant an action, and check them
against the roster's data cheapest first, stopping at the first that holds."""
from __future__ import annotations

from chassis.errors import Unauthenticated
from roster.domain import access
from roster.domain.access import NO_TARGET, Action, Target, Viewer
from roster.service_layer.unit_of_work import RosterUnitOfWork


def may(uow: RosterUnitOfWork, viewer: Viewer, action: Action, target: Target = NO_TARGET) -> bool:
    granting = access.granting_relations(viewer.roles, action)
    for relation in access.CHEAPEST_FIRST:
        if relation in granting and uow.facts.holds(viewer, relation, target):
            return True
    return False


def authorize(uow: RosterUnitOfWork, viewer: Viewer | None, action: Action, target: Target = NO_TARGET) -> None:
    """Return if ``viewer`` may do ``action`` on ``target``; raise Unauthenticated or PermissionDenied."""
    if viewer is None:
        raise Unauthenticated("this call needs an authenticated principal")
    if not may(uow, viewer, action, target):
        raise access.deny(action)
