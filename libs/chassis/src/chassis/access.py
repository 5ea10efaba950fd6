"""The caller as every service's access rules see it, and the roles written once: the ``Role`` enum and ``role_of``,
the role a viewer acts in towards one student (pure Python; domain modules may import it)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar

from chassis.context import principal_var

V = TypeVar("V", bound="Viewer")


class Role(StrEnum):
    """Every role a principal holds (the roster's person roles, trusted services, milestone panel guests), and the
    one role only ever acted in: ``PANELLIST``, a guest or an invited educator reading a panel's evidence."""

    STUDENT = "student"
    TEACHER = "teacher"
    GUARDIAN = "guardian"
    SCHOOL_ADMIN = "school_admin"
    DISTRICT_ADMIN = "district_admin"
    SERVICE = "service"
    PANEL_GUEST = "panel_guest"
    PANELLIST = "panellist"
    PRIVACY_OFFICER = "privacy_officer"   # acts on records requests (export) for any student, with a stated reason


PERSON_ROLES = (Role.STUDENT, Role.TEACHER, Role.GUARDIAN, Role.SCHOOL_ADMIN, Role.DISTRICT_ADMIN,
                Role.PRIVACY_OFFICER)                                 # the roster's (the last granted by the CLI)

ADMIN_ROLES = frozenset({Role.SCHOOL_ADMIN, Role.DISTRICT_ADMIN})     # counts only: never an individual record
GUEST_PREFIX = "guest:"                                               # a panel guest's subject: guest:<invitation>


@dataclass(frozen=True)
class Viewer:
    """A person id (or ``service:<name>``) and the roles it holds."""

    subject: str
    roles: frozenset[str]

    @classmethod
    def of(cls: type[V], subject: str, roles: Iterable[str]) -> V:
        return cls(subject=subject, roles=frozenset(roles))

    @property
    def is_admin(self) -> bool:
        return bool(self.roles & ADMIN_ROLES)


class Standing(Protocol):
    """What a service's replicas know about the viewer and one student (``chassis.roster_replica.standing``)."""

    @property
    def teaches_now(self) -> bool: ...
    @property
    def guardian_of(self) -> bool: ...
    @property
    def panel_reader(self) -> bool: ...


def role_of(viewer: Viewer, student_id: str, relation: Standing) -> Role | None:
    """The role the viewer acts in for this student, or None when they have no standing. An admin role has none,
    whatever else it holds; then the student themself, a teacher who teaches them now, their guardian, a trusted
    service, then a panellist (a panel guest, or an invited teacher, on a live panel this record serves), and last a
    privacy officer, whom each service's table allows records requests only (export, with a stated reason)."""
    if viewer.is_admin:
        return None
    if Role.STUDENT in viewer.roles and viewer.subject == student_id:
        return Role.STUDENT
    if Role.TEACHER in viewer.roles and relation.teaches_now:
        return Role.TEACHER
    if Role.GUARDIAN in viewer.roles and relation.guardian_of:
        return Role.GUARDIAN
    if Role.SERVICE in viewer.roles:
        return Role.SERVICE
    if relation.panel_reader and viewer.roles & {Role.PANEL_GUEST, Role.TEACHER}:
        return Role.PANELLIST
    if Role.PRIVACY_OFFICER in viewer.roles:
        return Role.PRIVACY_OFFICER
    return None


def guest_invitation_id(viewer: Viewer) -> str | None:
    """The invitation a panel guest principal stands for; None for anyone else."""
    if Role.PANEL_GUEST in viewer.roles and viewer.subject.startswith(GUEST_PREFIX):
        return viewer.subject[len(GUEST_PREFIX):]
    return None


def current_viewer(viewer_type: type[V] = Viewer) -> V | None:
    """The viewer of the request being served (set by the chassis gRPC interceptor), or None outside one."""
    principal = principal_var.get()
    return viewer_type.of(principal.subject, principal.roles) if principal is not None else None
