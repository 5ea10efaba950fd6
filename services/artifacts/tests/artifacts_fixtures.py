"""Shared test data: principals, a roster world (this year's and last year's sections) and a fixed clock."""
from __future__ import annotations

import datetime as dt
import secrets

from artifacts.domain.access import Viewer
from artifacts.domain.model import VersionInput
from artifacts.service_layer.commands import NewArtifact
from chassis.events import Envelope

STUDENT_ID, OTHER_STUDENT_ID = "stu-ana", "stu-ben"
TEACHER_ID, OLD_TEACHER_ID, GUARDIAN_ID = "tch-cruz", "tch-diaz", "grd-eve"
SCHOOL, YEAR, LAST_YEAR = "sch-central", "sy-2026", "sy-2025"

STUDENT = Viewer.of(STUDENT_ID, ["student"])
OTHER_STUDENT = Viewer.of(OTHER_STUDENT_ID, ["student"])
TEACHER = Viewer.of(TEACHER_ID, ["teacher"])
OLD_TEACHER = Viewer.of(OLD_TEACHER_ID, ["teacher"])
GUARDIAN = Viewer.of(GUARDIAN_ID, ["guardian"])
SCHOOL_ADMIN = Viewer.of("adm-fay", ["school_admin"])
SERVICE = Viewer.of("service:media", ["service"])
MEDIA_SECRET = secrets.token_urlsafe(32)   # per test run: signs the filesystem store's media URLs


class Clock:
    """A settable UTC clock; each call moves one millisecond on, so creation times are distinct and ordered."""

    def __init__(self, start: dt.datetime = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(milliseconds=1)
        return self.now


def roster(type_: str, at: str = "2026-11-01T00:00:00+00:00", **data) -> Envelope:
    return Envelope(type=type_, producer="roster", data=data, occurred_at=at)


def enrollment(eid: str, section: str, person: str, role: str) -> Envelope:
    return roster("enrollment_added", enrollment_id=eid, section_id=section, person_id=person, role=role,
                  school_id=SCHOOL, begin_date="", end_date="", active=True)


def roster_world() -> list[Envelope]:
    """Cruz teaches Ana this year; Diaz taught her last year only; Eve is Ana's guardian."""
    people = [roster("person_added", person_id=p, roles=[r], primary_school_id=SCHOOL, active=True, sourced_id=p,
                     grade_level="05", given_name=p, family_name="X")
              for p, r in ((STUDENT_ID, "student"), (OTHER_STUDENT_ID, "student"), (TEACHER_ID, "teacher"),
                           (OLD_TEACHER_ID, "teacher"), (GUARDIAN_ID, "guardian"))]
    return [*people,
            roster("section_added", section_id="sec-26", school_id=SCHOOL, school_year_id=YEAR, title="Gr5",
                   start_date="2026-08-10", end_date="2027-05-28"),
            roster("section_added", section_id="sec-25", school_id=SCHOOL, school_year_id=LAST_YEAR, title="Gr4",
                   start_date="2025-08-10", end_date="2026-05-28"),
            enrollment("e1", "sec-26", TEACHER_ID, "teacher"), enrollment("e2", "sec-26", STUDENT_ID, "student"),
            enrollment("e3", "sec-25", OLD_TEACHER_ID, "teacher"), enrollment("e4", "sec-25", STUDENT_ID, "student"),
            roster("guardianship_added", guardian_id=GUARDIAN_ID, student_id=STUDENT_ID, active=True)]


def link(title: str = "My science blog", skills: tuple[str, ...] = ("sk-comm",), student: str = STUDENT_ID,
         url: str = "https://example.org/blog", year: str = "") -> NewArtifact:
    return NewArtifact(student_id=student, title=title, description="", kind="link", skill_ids=list(skills),
                       content=VersionInput(link_url=url), school_year_id=year)


def image(title: str = "Volcano model", skills: tuple[str, ...] = ("sk-innov",), file_name: str = "volcano.jpg",
          size: int = 1234, kind: str = "image", content_type: str = "image/jpeg") -> NewArtifact:
    """A media artifact about to be uploaded (any kind but link, despite the name)."""
    return NewArtifact(student_id=STUDENT_ID, title=title, description="Built at home", kind=kind,
                       skill_ids=list(skills), content=VersionInput(file_name=file_name, size_bytes=size,
                                                                    content_type=content_type))
