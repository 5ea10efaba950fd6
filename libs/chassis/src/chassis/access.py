"""The caller as every service's access rules see it, and the roles written once: the ``Role`` enum, ``role_of``, the
role a viewer acts in towards one student, and ``acting_role``, the one they act in for an action (pure Python;
domain modules may import it)."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
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


def roles_of(viewer: Viewer, student_id: str, relation: Standing) -> Iterator[Role]:
    """Every role the viewer has standing in for this student, the preferred first. An admin role has none, whatever
    else it holds; then the student themself, a teacher who teaches them now, their guardian, a trusted service, a
    panellist (a panel guest, or an invited teacher, on a live panel this record serves), and last a privacy
    officer, whom each service's table allows records requests only (export, with a stated reason)."""
    if viewer.is_admin:
        return
    if Role.STUDENT in viewer.roles and viewer.subject == student_id:
        yield Role.STUDENT
    if Role.TEACHER in viewer.roles and relation.teaches_now:
        yield Role.TEACHER
    if Role.GUARDIAN in viewer.roles and relation.guardian_of:
        yield Role.GUARDIAN
    if Role.SERVICE in viewer.roles:
        yield Role.SERVICE
    if relation.panel_reader and viewer.roles & {Role.PANEL_GUEST, Role.TEACHER}:
        yield Role.PANELLIST
    if Role.PRIVACY_OFFICER in viewer.roles:
        yield Role.PRIVACY_OFFICER


def role_of(viewer: Viewer, student_id: str, relation: Standing) -> Role | None:
    """The role the viewer acts in for this student (the first of :func:`roles_of`), or None without standing."""
    return next(roles_of(viewer, student_id, relation), None)


def acting_role(viewer: Viewer, student_id: str, relation: Standing, allowed: Collection[str]) -> Role | None:
    """The role the viewer acts in for an action open to ``allowed``: the role they stand in (:func:`role_of`) if the
    action admits it. Else, for a records request (an action open to the privacy officer), the privacy officer role
    they hold: it is no relation to the student, so a teacher who is also the district's privacy officer exports her
    own student's record as the officer. No other action falls through to a second role (a student who also teaches
    never assesses her own work; a teacher who is a guardian comments as the teacher)."""
    role = role_of(viewer, student_id, relation)
    if role in allowed:
        return role
    if Role.PRIVACY_OFFICER in allowed and Role.PRIVACY_OFFICER in roles_of(viewer, student_id, relation):
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
