"""The gateway authorization matrix's expected outcomes, one readable grid, and a reader of the audit trail.

The grid mirrors services/artifacts/tests/authz_world.py (same rows, actions and answers), said in REST terms:
the subject is always Amy; S = an artifact Amy added, T = one her current teacher added, P = one the last-year
teacher added while he still taught her. Y = the route's success status, N = 403 (the same body as for an
artifact that does not exist). ACTORS names who plays each row (people of gateway_district and
authz_district).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from chassis.events import Envelope
from chassis.testing.records import ServiceRecords

MATRIX = """
role                   relationship           | list | add | get   | update | version | complete | delete
                                              |      |     | S T P | S T P  | S T P   | S T P    | S T P
student                own                    |  Y   |  Y  | Y Y Y | Y N N  | Y N N   | Y N N    | Y N N
student                classmate              |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
student                other-school           |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
teacher                currently-taught       |  Y   |  Y  | Y Y Y | N Y N  | N Y N   | N Y N    | N Y N
teacher                taught-last-year-only  |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
teacher                same-school-not-hers   |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
teacher                other-school           |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
guardian               guardian-of            |  Y   |  N  | Y Y Y | N N N  | N N N   | N N N    | N N N
guardian               not-guardian-of        |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
school_admin           own-school             |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
school_admin           other-school           |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
district_admin         district               |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
school_admin+teacher   currently-taught       |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
"""

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
ARTIFACT_ACTIONS = ("get", "update", "version", "complete", "delete")
UNCHANGED_BY = {"list", "get", "add"}      # allowed actions that leave the S/T/P targets as they were


@dataclass(frozen=True)
class Case:
    role: str
    relationship: str
    action: str
    target: str          # "S", "T", "P" or "" (list, add)
    allowed: bool

    @property
    def actor(self) -> str:
        return ACTORS[(self.role, self.relationship)]

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.role.split("+"))

    @property
    def id(self) -> str:
        return "/".join(p for p in (self.role, self.relationship, self.action, self.target) if p)


def parse(grid: str) -> list[Case]:
    """The grid as cases, one per (row, action, target) cell."""
    header, targets, *rows = [line for line in grid.strip().splitlines() if line.strip()]
    actions = [cell.strip() for cell in header.split("|")[1:]]
    columns = [cell.split() or [""] for cell in targets.split("|")[1:]]
    cases = []
    for row in rows:
        who, *cells = row.split("|")
        role, relationship = who.split()
        for action, letters, cell in zip(actions, columns, cells, strict=True):
            marks = cell.split()
            assert len(marks) == len(letters) and set(marks) <= {"Y", "N"}, f"bad cell in row {row!r}"
            cases += [Case(role, relationship, action, t, m == "Y") for t, m in zip(letters, marks)]
    return cases


CASES = parse(MATRIX)


class Trail(ServiceRecords):
    """A service's audit rows and outbox envelopes recorded after a mark (reads only the new rows)."""

    def mark(self) -> tuple[int, int]:
        with self.engine.connect() as conn:
            return tuple(conn.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar()
                         for t in (self.audit_log, self.outbox))

    def audit_since(self, mark: tuple[int, int]) -> list:
        with self.engine.connect() as conn:
            return conn.execute(select(self.audit_log).where(self.audit_log.c.id > mark[0])
                                .order_by(self.audit_log.c.id)).all()

    def envelopes_since(self, mark: tuple[int, int]) -> list[Envelope]:
        with self.engine.connect() as conn:
            return [Envelope.from_json(row.body) for row in conn.execute(
                select(self.outbox).where(self.outbox.c.id > mark[1]).order_by(self.outbox.c.id))]
