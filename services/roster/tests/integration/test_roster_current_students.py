"""'Students teacher T currently teaches': same active section, enrollments and term in effect on the date."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.errors import InvalidArgument, PermissionDenied
from roster.domain.access import Viewer

pytestmark = pytest.mark.integration

SERVICE = Viewer.of("service:test", ["service"])


def _names(page) -> list[str]:
    return [p.given_name for p in page.items]


def test_today_counts_only_current_section_enrollment_and_term(app, ids):
    tess = Viewer.of(ids.person["tess"], ["teacher"])
    # Ava: current. Ben: taught last year only. Dee: transferred out on 10-01. Eve: dropped (inactive).
    # Fay: in a section whose term starts in January. None of the Birch students.
    assert _names(app.people.list_current_students(tess)) == ["Ava"]


def test_transferred_student_counts_at_new_school_with_same_identity(app, ids):
    theo = Viewer.of(ids.person["theo"], ["teacher"])
    students = app.people.list_current_students(theo).items
    assert [p.given_name for p in students] == ["Cal", "Dee"]
    dee = next(p for p in students if p.given_name == "Dee")
    assert dee.id == ids.person["dee"] and dee.primary_school_id == ids.org["birch"]
    assert dee.roles == ("student",)


def test_on_an_earlier_date_the_transferred_student_was_still_in_math(app, ids):
    page = app.people.list_current_students(SERVICE, ids.person["tess"], on_date="2026-09-15")
    assert _names(page) == ["Ava", "Dee"]
    last_year = app.people.list_current_students(SERVICE, ids.person["tess"], on_date="2026-03-01")
    assert _names(last_year) == ["Ben"]


def test_teacher_may_not_look_at_other_dates_or_other_teachers(app, ids):
    tess = Viewer.of(ids.person["tess"], ["teacher"])
    with pytest.raises(PermissionDenied):
        app.people.list_current_students(tess, on_date="2026-03-01")
    with pytest.raises(PermissionDenied):
        app.people.list_current_students(tess, ids.person["theo"])


def test_bad_date_is_named(app, ids):
    with pytest.raises(InvalidArgument) as caught:
        app.people.list_current_students(SERVICE, ids.person["tess"], on_date="15/10/2026")
    assert caught.value.problems[0].field == "on_date"


def test_section_roster_uses_today_clamped_into_the_term(app, ids):
    ada = Viewer.of(ids.person["ada"], ["school_admin"])
    assert _names(app.sections.list_section_students(ada, ids.section["math5"])) == ["Ava"]
    assert _names(app.sections.list_section_students(ada, ids.section["art_last"])) == ["Ben"]   # final roster
    assert _names(app.sections.list_section_students(ada, ids.section["spring_only"])) == ["Fay"]


def test_clock_decides_today(app, ids):
    app_clock = app.clock
    app.clock = lambda: dt.date(2026, 9, 15)
    try:
        tess = Viewer.of(ids.person["tess"], ["teacher"])
        assert _names(app.people.list_current_students(tess)) == ["Ava", "Dee"]
    finally:
        app.clock = app_clock
