"""The gateway authorization matrix's cases: the artifacts grid (chassis/testing/grids/artifacts_access.grid, the
file the artifacts service's own matrix reads) said in REST terms, and who plays each row.

The subject is always Amy; S = an artifact Amy added, T = one her current teacher added, P = one the last-year
teacher added while he still taught her. Y = the route's success status, N = 403 (the same body as for an
artifact that does not exist). ACTORS names who plays each row (people of gateway_district and authz_district).
"""
from __future__ import annotations

from dataclasses import dataclass

from chassis.testing import grid
from chassis.testing.grid import parse  # noqa: F401 (the discussion grid is parsed the same way)
from chassis.testing.records import ServiceRecords as Trail  # noqa: F401 (an artifacts or reflections trail)

# (role, relationship) -> the district's short name of the person who acts
ACTORS = {
    ("student", "own"): "amy",
    ("student", "classmate"): "ben",
    ("student", "other-school"): "nora",
    ("teacher", "currently-taught"): "teacher",
    ("teacher", "taught-last-year-only"): "old_teacher",
    ("teacher", "same-school-not-hers"): "other_teacher",
    ("teacher", "other-school"): "north_teacher",
    ("guardian", "guardian-of"): "guardian",
    ("guardian", "not-guardian-of"): "ben_guardian",
    ("school_admin", "own-school"): "school_admin",
    ("school_admin", "other-school"): "north_admin",
    ("district_admin", "district"): "district_admin",
    ("school_admin+teacher", "currently-taught"): "kit",
}
TARGET_AUTHORS = {"S": ("amy", "student"), "T": ("teacher", "teacher"), "P": ("old_teacher", "teacher")}
UNCHANGED_BY = {"list", "get", "add"}      # allowed actions that leave the S/T/P targets as they were


@dataclass(frozen=True)
class Case(grid.Cell):
    """One cell, played by the person of ``ACTORS``."""

    @property
    def actor(self) -> str:
        return ACTORS[(self.role, self.relationship)]


CASES = grid.load("artifacts_access", Case)
ARTIFACT_ACTIONS = ("get", "update", "version", "complete", "delete")
