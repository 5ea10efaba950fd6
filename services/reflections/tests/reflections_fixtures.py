"""Shared test data: principals, a roster world and Ana's artifacts as events, and a fixed clock.

Cruz teaches Ana this year; Diaz taught her last year only; Ives teaches Nia at North; Eve is Ana's guardian,
Gus is Ben's. ART is an artifact Cruz added to Ana's portfolio; BEN_ART is Ben's.
"""
from __future__ import annotations

import datetime as dt
import secrets

from chassis.events import Envelope
from reflections.domain.access import Viewer

ANA, BEN, NIA = "stu-ana", "stu-ben", "stu-nia"
CRUZ, DIAZ, IVES = "tch-cruz", "tch-diaz", "tch-ives"
EVE, GUS = "grd-eve", "grd-gus"
FAY, DEE = "adm-fay", "adm-dee"
ONA, RIO = "tch-ona", "tch-rio"      # Ana's teachers either side of her move (transfer_world)
TRANSFER_DATE = "2026-10-01"
SCHOOL, NORTH, YEAR, LAST_YEAR = "sch-central", "sch-north", "sy-2026", "sy-2025"
ART, BEN_ART = "art-ana-1", "art-ben-1"
MEDIA_SECRET = secrets.token_urlsafe(32)   # per test run: signs the filesystem store's media URLs

STUDENT, TEACHER, GUARDIAN = Viewer.of(ANA, ["student"]), Viewer.of(CRUZ, ["teacher"]), Viewer.of(EVE, ["guardian"])
DISTRICT_ADMIN = Viewer.of(DEE, ["district_admin"])


class Clock:
    """A settable UTC clock; each call moves one millisecond on, so creation times are distinct and ordered."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(milliseconds=1)
        return self.now


def event(producer: str, type_: str, at: str = "2026-11-01T00:00:00+00:00", **data) -> Envelope:
    return Envelope(type=type_, producer=producer, data=data, occurred_at=at)


def person(person_id: str, role: str, school: str = SCHOOL) -> Envelope:
    return event("roster", "person_added", person_id=person_id, roles=[role], primary_school_id=school, active=True)


def section(section_id: str, school: str, year: str, start: str, end: str) -> Envelope:
    return event("roster", "section_added", section_id=section_id, school_id=school, school_year_id=year,
                 start_date=start, end_date=end)


def enrollment(eid: str, section_id: str, person_id: str, role: str) -> Envelope:
    return event("roster", "enrollment_added", enrollment_id=eid, section_id=section_id, person_id=person_id,
                 role=role, begin_date="", end_date="", active=True)


def artifact(artifact_id: str, student_id: str, added_by: str, type_: str = "artifact_added",
             at: str = "2026-11-02T00:00:00+00:00") -> Envelope:
    return event("artifacts", type_, at=at, artifact_id=artifact_id, student_id=student_id, added_by=added_by,
                 added_by_role="teacher" if added_by.startswith("tch") else "student", skill_ids=[])


def world_events() -> list[Envelope]:
    return [person(ANA, "student"), person(BEN, "student"), person(NIA, "student", NORTH),
            person(CRUZ, "teacher"), person(DIAZ, "teacher"), person(IVES, "teacher", NORTH),
            person(EVE, "guardian"), person(GUS, "guardian"), person(FAY, "school_admin"),
            person(DEE, "district_admin", ""),
            section("sec-26", SCHOOL, YEAR, "2026-08-10", "2027-05-28"),
            section("sec-25", SCHOOL, LAST_YEAR, "2025-08-10", "2026-05-28"),
            section("sec-n26", NORTH, YEAR, "2026-08-10", "2027-05-28"),
            enrollment("e1", "sec-26", CRUZ, "teacher"), enrollment("e2", "sec-26", ANA, "student"),
            enrollment("e3", "sec-25", DIAZ, "teacher"), enrollment("e4", "sec-25", ANA, "student"),
            enrollment("e5", "sec-26", BEN, "student"),
            enrollment("e6", "sec-n26", IVES, "teacher"), enrollment("e7", "sec-n26", NIA, "student"),
            event("roster", "guardianship_added", guardian_id=EVE, student_id=ANA, active=True),
            event("roster", "guardianship_added", guardian_id=GUS, student_id=BEN, active=True),
            artifact(ART, ANA, CRUZ), artifact(BEN_ART, BEN, BEN)]


def transfer_world() -> list[Envelope]:
    """Ana moved from North to Central on TRANSFER_DATE: Ona's North section still lists her (North never ended
    the enrollment); Rio's Central section has her from that day."""
    return [person(ONA, "teacher", NORTH), person(RIO, "teacher"),
            section("sec-n26b", NORTH, YEAR, "2026-08-10", "2027-05-28"),
            section("sec-26c", SCHOOL, YEAR, "2026-08-10", "2027-05-28"),
            enrollment("e-ona", "sec-n26b", ONA, "teacher"), enrollment("e-rio", "sec-26c", RIO, "teacher"),
            event("roster", "enrollment_added", enrollment_id="e-ana-n", section_id="sec-n26b", person_id=ANA,
                  role="student", begin_date="2026-08-10", end_date="", active=True),
            event("roster", "enrollment_added", enrollment_id="e-ana-c", section_id="sec-26c", person_id=ANA,
                  role="student", begin_date=TRANSFER_DATE, end_date="", active=True),
            event("roster", "student_transferred", student_id=ANA, from_school_id=NORTH, to_school_id=SCHOOL,
                  effective_date=TRANSFER_DATE)]
