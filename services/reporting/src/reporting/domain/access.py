"""Who sees which reports: a district admin the district and every school, a school admin their own school only,
everyone else nothing. Rules as data (``SCOPES``, one row per role) plus one pure decision."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chassis.access import Role, Viewer
from chassis.errors import PermissionDenied


class Scope(StrEnum):
    DISTRICT = "district"            # the district and every school in it
    OWN_SCHOOL = "own_school"        # only the school the viewer administers


SCOPES: dict[Role, Scope] = {
    Role.DISTRICT_ADMIN: Scope.DISTRICT,
    Role.SCHOOL_ADMIN: Scope.OWN_SCHOOL,
}


@dataclass(frozen=True)
class Reach:
    """What a viewer may see: every school (``schools`` None) or only those listed."""

    schools: frozenset[str] | None

    def narrow(self, school_id: str) -> str:
        """The school a report for ``school_id`` ("" = all the viewer may see) covers; refuses another school."""
        if self.schools is None:
            return school_id
        if school_id and school_id not in self.schools:
            raise PermissionDenied("a school admin sees reports of their own school only")
        if not school_id and len(self.schools) == 1:
            return next(iter(self.schools))
        return school_id


def reach(viewer: Viewer | None, administered: frozenset[str]) -> Reach:
    """The viewer's reach given the schools the roster says they administer; PermissionDenied for anyone else."""
    scopes = {SCOPES[Role(r)] for r in (viewer.roles if viewer else ()) if r in SCOPES}
    if Scope.DISTRICT in scopes:
        return Reach(None)
    if Scope.OWN_SCHOOL in scopes and administered:
        return Reach(frozenset(administered))
    raise PermissionDenied("reports are for district and school admins only")
