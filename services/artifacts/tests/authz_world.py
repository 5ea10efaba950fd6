"""The authorization matrix's world and its expected outcomes, as one readable grid.

The subject is always Ana (a student at Central). Each grid row is a role in one relationship to her; each column
an action, and for actions on one artifact, whose artifact it is:
  S = an artifact Ana added herself,
  T = one Cruz (who teaches her NOW) added,
  P = one Diaz added LAST school year, while he taught her (he no longer does).
Y = allowed, N = refused (PERMISSION_DENIED, the same message as for an artifact that does not exist).

The replica world extends :func:`artifacts_fixtures.roster_world` (Cruz teaches Ana this year, Diaz taught her last
year only, Eve is her guardian) with: Ben, Ana's classmate; Gil, who teaches Ben another class at Central; Nia, a
student at North; Ives, who teaches Nia at North; Gus, Ben's guardian; Fay, Central's school admin; Hal, North's;
Dee, the district admin; and Kit, a school admin at Central who also teaches Ana's section this year.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import func, select

from chassis.events import Envelope
from chassis.testing.records import ServiceRecords
from artifacts_fixtures import (GUARDIAN_ID, OLD_TEACHER_ID, OTHER_STUDENT_ID, SCHOOL, STUDENT_ID, TEACHER_ID,
                                YEAR, enrollment, roster, roster_world)

NORTH = "sch-north"
NIA, IVES, GUS, FAY, HAL, DEE, KIT = "stu-nia", "tch-ives", "grd-gus", "adm-fay", "adm-hal", "adm-dee", "tch-kit"
GIL = "tch-gil"

# When Diaz still taught Ana (her last school year's section runs 2025-08-10 .. 2026-05-28).
LAST_YEAR_DAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone.utc)

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

# (role, relationship) -> the person who acts
ACTORS = {
    ("student", "own"): STUDENT_ID,
    ("student", "classmate"): OTHER_STUDENT_ID,
    ("student", "other-school"): NIA,
    ("teacher", "currently-taught"): TEACHER_ID,
    ("teacher", "taught-last-year-only"): OLD_TEACHER_ID,
    ("teacher", "same-school-not-hers"): GIL,
    ("teacher", "other-school"): IVES,
    ("guardian", "guardian-of"): GUARDIAN_ID,
    ("guardian", "not-guardian-of"): GUS,
    ("school_admin", "own-school"): FAY,
    ("school_admin", "other-school"): HAL,
    ("district_admin", "district"): DEE,
    ("school_admin+teacher", "currently-taught"): KIT,
}
TARGET_AUTHORS = {"S": STUDENT_ID, "T": TEACHER_ID, "P": OLD_TEACHER_ID}


@dataclass(frozen=True)
class Case:
    """One cell of the grid: ``actor`` (holding ``roles``) tries ``action`` on Ana's ``target`` artifact."""

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
    def is_the_student(self) -> bool:
        return self.actor == STUDENT_ID

    @property
    def id(self) -> str:
        return "/".join(p for p in (self.role, self.relationship, self.action, self.target) if p)


def parse(grid: str) -> list[Case]:
    """The grid as cases, one per (row, action, target) cell."""
    header, targets, *rows = [line for line in grid.strip().splitlines() if line.strip()]
    actions = [cell.strip() for cell in header.split("|")[1:]]
    columns = [[t for t in cell.split()] or [""] for cell in targets.split("|")[1:]]
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
ARTIFACT_ACTIONS = ("get", "update", "version", "complete", "delete")
UNCHANGED_BY = {"list", "get", "add"}      # allowed actions that leave the S/T/P targets as they were


def _person(person_id: str, roles: list[str], school: str) -> Envelope:
    return roster("person_added", person_id=person_id, roles=roles, primary_school_id=school, active=True,
                  sourced_id=person_id, grade_level="", given_name=person_id, family_name="X")


def authz_world() -> list[Envelope]:
    """Roster events that build the matrix's world in a replica (applied in order)."""
    return [*roster_world(),
            _person(NIA, ["student"], NORTH), _person(IVES, ["teacher"], NORTH), _person(GUS, ["guardian"], SCHOOL),
            _person(FAY, ["school_admin"], SCHOOL), _person(HAL, ["school_admin"], NORTH),
            _person(DEE, ["district_admin"], ""), _person(KIT, ["school_admin", "teacher"], SCHOOL),
            _person(GIL, ["teacher"], SCHOOL),
            roster("section_added", section_id="sec-26b", school_id=SCHOOL, school_year_id=YEAR, title="Art 5",
                   start_date="2026-08-10", end_date="2027-05-28"),
            enrollment("e-gil", "sec-26b", GIL, "teacher"),
            enrollment("e-ben-art", "sec-26b", OTHER_STUDENT_ID, "student"),
            roster("section_added", section_id="sec-n26", school_id=NORTH, school_year_id=YEAR, title="Gr5 North",
                   start_date="2026-08-10", end_date="2027-05-28"),
            roster("enrollment_added", enrollment_id="e-n1", section_id="sec-n26", person_id=IVES, role="teacher",
                   school_id=NORTH, begin_date="", end_date="", active=True),
            roster("enrollment_added", enrollment_id="e-n2", section_id="sec-n26", person_id=NIA, role="student",
                   school_id=NORTH, begin_date="", end_date="", active=True),
            enrollment("e-ben", "sec-26", OTHER_STUDENT_ID, "student"),
            enrollment("e-kit", "sec-26", KIT, "teacher"),
            roster("guardianship_added", guardian_id=GUS, student_id=OTHER_STUDENT_ID, active=True)]


class Trail(ServiceRecords):
    """The service's audit rows and outbox envelopes recorded after a mark (reads only the new rows)."""

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


class TargetPool:
    """Target artifacts for the next case: the set a case left as it was (it only read, or was refused) serves the
    next case of the same kind too, so only allowed changes cost new artifacts. A failing case returns nothing."""

    def __init__(self, make: Callable[[bool], dict]) -> None:
        self.make, self.spare = make, {}

    def take(self, documents: bool) -> dict:
        return self.spare.pop(documents, None) or self.make(documents)

    def give_back(self, documents: bool, targets: dict) -> None:
        self.spare[documents] = targets
