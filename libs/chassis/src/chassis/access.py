"""The caller as every service's access rules see it (pure Python; domain modules may import it)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, TypeVar

from chassis.context import principal_var

V = TypeVar("V", bound="Viewer")


@dataclass(frozen=True)
class Viewer:
    """A person id (or ``service:<name>``) and the roles it holds."""

    subject: str
    roles: frozenset[str]

    @classmethod
    def of(cls: type[V], subject: str, roles: Iterable[str]) -> V:
        return cls(subject=subject, roles=frozenset(roles))


def current_viewer(viewer_type: type[V] = Viewer) -> V | None:
    """The viewer of the request being served (set by the chassis gRPC interceptor), or None outside one."""
    principal = principal_var.get()
    return viewer_type.of(principal.subject, principal.roles) if principal is not None else None
