"""The authorization matrix's world, and its expected outcomes: the artifacts grid
(chassis/testing/grids/artifacts_access.grid, the file the gateway's matrix reads too).

The subject is always Ana (a student at Central). Each grid row is a role in one relationship to her; each column
an action, and for actions on one artifact, whose artifact it is:
  S = an artifact Ana added herself,
  T = one Cruz (who teaches her NOW) added,
  P = one Diaz added LAST school year, while he taught her (he no longer does).
Y = allowed, N = refused (PERMISSION_DENIED, the same message as for an artifact that does not exist).

The replica world extends :func:`artifacts_fixtures.roster_world` (Cruz teaches Ana this year, Diaz taught her last
year only, Eve is her guardian) with: Ben, Ana's classmate; Gil, who teaches Ben another class at Central; Nia, a
student at North; Ives, who teaches Nia at North; Gus, Ben's guardian; Fay, Central's school admin; Hal, North's;
Dee, the district admin; and Kit, a school admin at Central who also teaches Ana's section this year. Ana moved
from North to Central on 2026-10-01 (artifacts_transfer_access.grid): Ona teaches her North section, which North
never ended; Rio teaches the Central section she joined that day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from artifacts_fixtures import (
    GUARDIAN_ID,
    OLD_TEACHER_ID,
    OTHER_STUDENT_ID,
    SCHOOL,
    STUDENT_ID,
    TEACHER_ID,
    YEAR,
    enrollment,
    roster,
    roster_world,
)

from chassis.events import Envelope
from chassis.testing import grid
from chassis.testing.grid import TargetPool  # noqa: F401 (the matrix's pool of target artifacts)
from chassis.testing.records import ServiceRecords as Trail  # noqa: F401 (the artifacts service's records)

NORTH = "sch-north"
NIA, IVES, GUS, FAY, HAL, DEE, KIT = "stu-nia", "tch-ives", "grd-gus", "adm-fay", "adm-hal", "adm-dee", "tch-kit"
GIL = "tch-gil"
ONA, RIO = "tch-ona", "tch-rio"
TRANSFER_DATE = "2026-10-01"

# When Diaz still taught Ana (her last school year's section runs 2025-08-10 .. 2026-05-28).
LAST_YEAR_DAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)

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
    ("teacher", "sending-school-after-transfer"): ONA,
    ("teacher", "receiving-school-after-transfer"): RIO,
}
TARGET_AUTHORS = {"S": STUDENT_ID, "T": TEACHER_ID, "P": OLD_TEACHER_ID}


@dataclass(frozen=True)
class Case(grid.Cell):
    """One cell of the grid: ``actor`` (holding ``roles``) tries ``action`` on Ana's ``target`` artifact."""

    @property
    def actor(self) -> str:
        return ACTORS[(self.role, self.relationship)]

    @property
    def is_the_student(self) -> bool:
        return self.actor == STUDENT_ID


CASES = grid.load("artifacts_access", Case) + grid.load("artifacts_transfer_access", Case)
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
            roster("guardianship_added", guardian_id=GUS, student_id=OTHER_STUDENT_ID, active=True),
            *transfer_world()]


def transfer_world() -> list[Envelope]:
    """Ana's move from North to Central: Ona's North section still lists her, Rio's Central one from the day."""
    return [_person(ONA, ["teacher"], NORTH), _person(RIO, ["teacher"], SCHOOL),
            roster("section_added", section_id="sec-n26b", school_id=NORTH, school_year_id=YEAR, title="Gr5 North B",
                   start_date="2026-08-10", end_date="2027-05-28"),
            roster("section_added", section_id="sec-26c", school_id=SCHOOL, school_year_id=YEAR, title="Gr5 Music",
                   start_date="2026-08-10", end_date="2027-05-28"),
            roster("enrollment_added", enrollment_id="e-ona", section_id="sec-n26b", person_id=ONA, role="teacher",
                   school_id=NORTH, begin_date="", end_date="", active=True),
            roster("enrollment_added", enrollment_id="e-ana-n", section_id="sec-n26b", person_id=STUDENT_ID,
                   role="student", school_id=NORTH, begin_date="2026-08-10", end_date="", active=True),
            enrollment("e-rio", "sec-26c", RIO, "teacher"),
            roster("enrollment_added", enrollment_id="e-ana-c", section_id="sec-26c", person_id=STUDENT_ID,
                   role="student", school_id=SCHOOL, begin_date=TRANSFER_DATE, end_date="", active=True),
            roster("student_transferred", student_id=STUDENT_ID, from_school_id=NORTH, to_school_id=SCHOOL,
                   effective_date=TRANSFER_DATE)]
