"""Class-capture test data: a section of 30 students taught now by Cruz (and Diaz teaching another section), a
capture of one file for some of them, and the shared object's check as the media role runs it."""
from __future__ import annotations

from artifacts_fixtures import SCHOOL, TEACHER_ID, YEAR, enrollment, roster

from artifacts.domain.capture import Recipient
from artifacts.domain.model import VersionInput
from artifacts.service_layer.capture import NewCapture
from artifacts.service_layer.capture_media import check_uploads
from chassis.messaging.subscriptions import ConsumerUnits

SECTION, OTHER_SECTION, OTHER_TEACHER_ID = "sec-cap", "sec-cap-b", "tch-gil"
PUPILS = [f"stu-cap-{i:02d}" for i in range(30)]


def capture_world() -> list:
    """30 students in SECTION taught by Cruz now; Gil teaches OTHER_SECTION (with one of them) now."""
    people = [roster("person_added", person_id=p, roles=["student"], primary_school_id=SCHOOL, active=True,
                     sourced_id=p, grade_level="05", given_name=p, family_name="Y") for p in PUPILS]
    people.append(roster("person_added", person_id=OTHER_TEACHER_ID, roles=["teacher"], primary_school_id=SCHOOL,
                         active=True, sourced_id=OTHER_TEACHER_ID, grade_level="", given_name="Gil", family_name="Z"))
    sections = [roster("section_added", section_id=s, school_id=SCHOOL, school_year_id=YEAR, title=s,
                       start_date="2026-08-10", end_date="2027-05-28") for s in (SECTION, OTHER_SECTION)]
    enrolled = [enrollment(f"ec-{p}", SECTION, p, "student") for p in PUPILS]
    return [*people, *sections, *enrolled, enrollment("ec-t", SECTION, TEACHER_ID, "teacher"),
            enrollment("ec-g", OTHER_SECTION, OTHER_TEACHER_ID, "teacher"),
            enrollment("ec-g1", OTHER_SECTION, PUPILS[0], "student")]


def photo_capture(size: int, students=PUPILS, notes: dict | None = None, section: str = SECTION,
                  title: str = "Science fair posters") -> NewCapture:
    return NewCapture(section_id=section, title=title, description="Our class science fair", kind="image",
                      skill_ids=["sk-comm"], content=VersionInput(file_name="poster.jpg", size_bytes=size,
                                                                   content_type="image/jpeg"),
                      recipients=[Recipient(s, (notes or {}).get(s, "")) for s in students])


def check_shared(app, envelope, consumer: str = "test.media") -> str:
    return check_uploads(ConsumerUnits(app.unit_of_work, consumer), envelope, app.media, app.calendar.clock)
