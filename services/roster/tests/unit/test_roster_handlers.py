"""Roster queries through a fake unit of work: each role's access branch (its relation held or not), the audit row
every disclosure of a student's record to someone else writes (and none for one's own record, a non-student's
record or a refusal), and the errors: Unauthenticated, one PermissionDenied whether or not the target exists,
NotFound only for those who may look, InvalidArgument naming the field."""
from __future__ import annotations

import datetime as dt

import pytest
from roster_fakes import FakeRosterUnitOfWork

from chassis.context import correlation_id_var
from chassis.errors import InvalidArgument, NotFound, PermissionDenied, Unauthenticated
from roster.domain.access import Relation, TargetKind, Viewer
from roster.domain.model import Person, School, SchoolYear, Section
from roster.service_layer.people_queries import PeopleQueries
from roster.service_layer.section_queries import SectionQueries

R, P, S, O = Relation, TargetKind.PERSON, TargetKind.SECTION, TargetKind.SCHOOL
AVA = Person("ava", "s-ava", "Ava", "Adams", roles=("student",), grade_level="05", primary_school_id="alder")
BEN = Person("ben", "s-ben", "Ben", "Brown", roles=("student",), grade_level="06", primary_school_id="alder")
CAL = Person("cal", "s-cal", "Cal", "Cole", roles=("student",), grade_level="05", primary_school_id="birch")
TESS = Person("tess", "s-tess", "Tess", "Taylor", roles=("teacher",), primary_school_id="alder")
GIL = Person("gil", "s-gil", "Gil", "Green", roles=("guardian",))
ADA = Person("ada", "s-ada", "Ada", "Ames", roles=("school_admin",), primary_school_id="alder")
VIEWERS = {"ava": Viewer.of("ava", ["student"]), "ben": Viewer.of("ben", ["student"]),
           "tess": Viewer.of("tess", ["teacher"]), "theo": Viewer.of("theo", ["teacher"]),
           "gil": Viewer.of("gil", ["guardian"]), "gwen": Viewer.of("gwen", ["guardian"]),
           "ada": Viewer.of("ada", ["school_admin"]), "dan": Viewer.of("dan", ["district_admin"]),
           "svc": Viewer.of("service:artifacts", ["service"])}
TODAY = dt.date(2026, 11, 23)
YEAR = SchoolYear("sy27", "s-sy27", "2026-27", dt.date(2026, 8, 1), dt.date(2027, 6, 30), 2027)
LAST_YEAR = SchoolYear("sy26", "s-sy26", "2025-26", dt.date(2025, 8, 1), dt.date(2026, 6, 30), 2026)


@pytest.fixture
def uow() -> FakeRosterUnitOfWork:
    """Tess teaches Ava now (math5) and taught Ben last year (art_last); Gil guards Ava; Ada runs Alder."""
    fake = FakeRosterUnitOfWork(TODAY)
    fake.people.add(AVA, BEN, CAL, TESS, GIL, ADA)
    fake.people.teaching["tess"] = {"ava"}
    fake.people.guardianships.add(("gil", "ava"))
    fake.people.section_rosters["math5"] = {"ava"}
    fake.sections.rows.update({s.id: s for s in (
        Section("math5", "s-math5", "Math 5", "alder", school_year_id="sy27"),
        Section("art_last", "s-art", "Art 6", "alder", school_year_id="sy26", end_date=dt.date(2026, 6, 1)),
        Section("sci", "s-sci", "Science", "birch", school_year_id="sy27"))})
    fake.sections.members.update({"math5": {("tess", "teacher"), ("ava", "student")},
                                  "art_last": {("tess", "teacher"), ("ben", "student")}})
    fake.directory.school_rows.update({"alder": School("alder", "s-alder", "Alder Elementary", district_id="d1"),
                                       "birch": School("birch", "s-birch", "Birch Middle", district_id="d1")})
    fake.directory.year_rows.update({"sy27": YEAR, "sy26": LAST_YEAR})
    fake.directory.districts.update({"tess": "d1"})
    fake.directory.years_of["d1"] = ["sy26", "sy27"]
    for viewer, relation, kind, target in [
            ("tess", R.CURRENT_STUDENT, P, "ava"), ("tess", R.GUARDIAN_OF_CURRENT_STUDENT, P, "gil"),
            ("tess", R.TEACHES, S, "math5"), ("tess", R.TEACHES, S, "art_last"), ("tess", R.TEACHES_NOW, S, "math5"),
            ("gil", R.CHILD, P, "ava"), ("ava", R.ENROLLED, S, "math5"),
            ("ada", R.IN_ADMINISTERED_SCHOOL, O, "alder"), ("ada", R.IN_ADMINISTERED_SCHOOL, S, "math5"),
            ("ada", R.IN_ADMINISTERED_SCHOOL, S, "art_last"),
            *[("ada", R.IN_ADMINISTERED_SCHOOL, P, p) for p in ("ava", "ben", "tess", "gil", "ada")]]:
        fake.facts.grant(viewer, relation, kind, target)
    return fake


@pytest.fixture
def people(uow) -> PeopleQueries:
    return PeopleQueries(lambda: uow)


@pytest.fixture
def sections(uow) -> SectionQueries:
    return SectionQueries(lambda: uow)


def disclosures(uow) -> list[tuple]:
    return [(r.actor, r.action, r.subject_ids) for r in uow.audit_rows]


PERSON_CASES = [  # viewer, person, allowed, audited
    ("ava", "ava", True, False),                    # their own record is no disclosure
    ("ava", "ben", False, False),
    ("tess", "ava", True, True),                    # a current student
    ("tess", "ben", False, False),                  # taught last year only
    ("tess", "gil", True, False),                   # a current student's guardian: not a student's record
    ("tess", "cal", False, False),
    ("gil", "ava", True, True),                     # their child
    ("gil", "cal", False, False),
    ("gwen", "ava", False, False),                  # someone else's child
    ("ada", "ben", True, True),                     # in the school they administer
    ("ada", "cal", False, False),                   # another school
    ("dan", "cal", True, True), ("svc", "cal", True, True),
]


@pytest.mark.parametrize("who, whom, allowed, audited", PERSON_CASES,
                         ids=[f"{c[0]}-reads-{c[1]}" for c in PERSON_CASES])
def test_reading_a_person(people, uow, who, whom, allowed, audited):
    viewer = VIEWERS[who]
    if not allowed:
        with pytest.raises(PermissionDenied):
            people.get_person(viewer, whom)
    else:
        assert people.get_person(viewer, whom).id == whom
    assert disclosures(uow) == ([(viewer.subject, "roster.GetPerson", (whom,))] if audited else [])
    assert uow.events == []


def test_a_disclosure_names_the_roles_and_the_request(people, uow):
    token = correlation_id_var.set("corr-unit-1")
    try:
        people.get_person(Viewer.of("tess", ["teacher", "guardian"]), "ava")
    finally:
        correlation_id_var.reset(token)
    [row] = uow.audit_rows
    assert (row.actor_roles, row.subject_type, row.subject_id, row.correlation_id) == (
        "guardian,teacher", "student", "ava", "corr-unit-1")


def test_a_refusal_does_not_reveal_whether_the_person_exists_but_admins_get_not_found(people, uow):
    with pytest.raises(PermissionDenied) as missing:
        people.get_person(VIEWERS["gil"], "no-such-person")
    with pytest.raises(PermissionDenied) as existing:
        people.get_person(VIEWERS["gil"], "cal")
    assert str(missing.value) == str(existing.value)
    with pytest.raises(NotFound):
        people.get_person(VIEWERS["dan"], "no-such-person")
    assert uow.audit_rows == []


def test_every_read_needs_a_principal_and_a_known_role(people, sections):
    for call in (lambda: people.get_person(None, "ava"), lambda: people.list_children(None),
                 lambda: people.list_people(None), lambda: sections.list_schools(None),
                 lambda: sections.list_sections(None)):
        with pytest.raises(Unauthenticated):
            call()
    with pytest.raises(PermissionDenied):
        sections.list_schools(Viewer.of("ava", ["janitor"]))


def test_an_empty_id_is_named(people, sections):
    for call, field in ((lambda: people.get_person(VIEWERS["dan"], " "), "person_id"),
                        (lambda: people.list_guardians(VIEWERS["dan"], ""), "student_id"),
                        (lambda: sections.get_section(VIEWERS["dan"], ""), "section_id"),
                        (lambda: sections.get_school(VIEWERS["dan"], ""), "school_id")):
        with pytest.raises(InvalidArgument) as refused:
            call()
        assert [p.field for p in refused.value.problems] == [field]


@pytest.mark.parametrize("who, school, allowed", [("ada", "alder", True), ("ada", "birch", False),
                                                  ("tess", "alder", False), ("dan", "birch", True)])
def test_listing_a_schools_people_audits_every_student_disclosed(people, uow, who, school, allowed):
    if not allowed:
        with pytest.raises(PermissionDenied):
            people.list_people(VIEWERS[who], school_id=school)
        assert uow.audit_rows == []
        return
    page = people.list_people(VIEWERS[who], school_id=school)
    students = [p.id for p in page.items if p.is_student]
    [row] = uow.audit_rows
    assert (row.action, set(row.subject_ids), row.detail) == (
        "roster.ListPeople", set(students), {"school_id": school, "role": "", "grade_level": ""})
    assert row.subject_id is None or len(students) == 1


def test_only_unrestricted_roles_list_everyone_and_filters_apply(people, uow):
    with pytest.raises(PermissionDenied):
        people.list_people(VIEWERS["ada"])
    page = people.list_people(VIEWERS["dan"], role="student", grade_level="05")
    assert [p.id for p in page.items] == ["ava", "cal"]
    assert uow.audit_rows[0].detail == {"school_id": "", "role": "student", "grade_level": "05"}
    with pytest.raises(InvalidArgument) as refused:
        people.list_people(VIEWERS["dan"], role="janitor")
    assert [p.field for p in refused.value.problems] == ["role"]


def test_a_list_of_no_students_writes_no_audit_row(people, uow):
    assert [p.id for p in people.list_people(VIEWERS["dan"], role="teacher").items] == ["tess"]
    assert uow.audit_rows == []


def test_people_pages_follow_each_other(people, uow):
    first = people.list_people(VIEWERS["dan"], page_size=4)
    rest = people.list_people(VIEWERS["dan"], page_size=4, page_token=first.next_page_token)
    assert [p.family_name for p in first.items + rest.items] == ["Adams", "Ames", "Brown", "Cole", "Green", "Taylor"]
    assert rest.next_page_token == ""
    with pytest.raises(InvalidArgument):
        people.list_people(VIEWERS["dan"], role="student", page_token=first.next_page_token)


def test_a_teacher_lists_their_current_students_today_only(people, uow):
    page = people.list_current_students(VIEWERS["tess"])
    assert [p.id for p in page.items] == ["ava"]
    [row] = uow.audit_rows
    assert (row.action, row.subject_ids, row.detail) == ("roster.ListCurrentStudents", ("ava",),
                                                         {"teacher_id": "tess", "on_date": "2026-11-23"})
    people.list_current_students(VIEWERS["tess"], on_date="2026-11-24")          # within a day: still today
    with pytest.raises(PermissionDenied):
        people.list_current_students(VIEWERS["tess"], on_date="2026-01-10")
    with pytest.raises(PermissionDenied):
        people.list_current_students(VIEWERS["theo"], teacher_id="tess")
    with pytest.raises(InvalidArgument) as refused:
        people.list_current_students(VIEWERS["tess"], on_date="23/11/2026")
    assert [p.field for p in refused.value.problems] == ["on_date"]


def test_a_school_admin_lists_a_teachers_students_on_another_date(people, uow):
    assert [p.id for p in people.list_current_students(VIEWERS["ada"], "tess", "2026-01-10").items] == ["ava"]
    assert uow.audit_rows[0].detail == {"teacher_id": "tess", "on_date": "2026-01-10"}


@pytest.mark.parametrize("who, student, allowed, audited", [
    ("ava", "ava", True, False), ("ava", "ben", False, False), ("tess", "ava", True, True),
    ("tess", "ben", False, False), ("gil", "ava", False, False), ("ada", "ben", True, True),
    ("dan", "cal", True, True)])
def test_listing_a_students_guardians(people, uow, who, student, allowed, audited):
    if allowed:
        people.list_guardians(VIEWERS[who], student)
    else:
        with pytest.raises(PermissionDenied):
            people.list_guardians(VIEWERS[who], student)
    assert disclosures(uow) == ([(who, "roster.ListGuardians", (student,))] if audited else [])


def test_a_guardian_lists_their_children_and_that_is_a_disclosure(people, uow):
    assert [p.id for p in people.list_children(VIEWERS["gil"]).items] == ["ava"]
    assert disclosures(uow) == [("gil", "roster.ListChildren", ("ava",))]
    assert uow.audit_rows[0].detail == {"guardian_id": "gil"}
    with pytest.raises(PermissionDenied):
        people.list_children(VIEWERS["gwen"], "gil")
    with pytest.raises(PermissionDenied):
        people.list_children(VIEWERS["tess"], "gil")


@pytest.mark.parametrize("who, section, allowed", [
    ("ava", "math5", True), ("ava", "sci", False), ("tess", "art_last", True), ("tess", "sci", False),
    ("gil", "math5", False), ("ada", "math5", True), ("ada", "sci", False), ("dan", "sci", True)])
def test_reading_a_section_writes_no_audit_row(sections, uow, who, section, allowed):
    if allowed:
        assert sections.get_section(VIEWERS[who], section).id == section
    else:
        with pytest.raises(PermissionDenied):
            sections.get_section(VIEWERS[who], section)
    assert uow.audit_rows == []


@pytest.mark.parametrize("who, section, allowed", [
    ("tess", "math5", True), ("tess", "art_last", False), ("ava", "math5", False), ("ada", "art_last", True),
    ("dan", "sci", True)])
def test_a_sections_roster_is_for_its_teacher_now_and_admins_and_is_audited(sections, uow, who, section, allowed):
    if not allowed:
        with pytest.raises(PermissionDenied):
            sections.list_section_students(VIEWERS[who], section)
        assert uow.audit_rows == []
        return
    page = sections.list_section_students(VIEWERS[who], section)
    expected = [(who, "roster.ListSectionStudents", tuple(p.id for p in page.items))] if page.items else []
    assert disclosures(uow) == expected


def test_a_missing_section_is_not_found_for_those_who_may_look(sections):
    with pytest.raises(NotFound):
        sections.get_section(VIEWERS["dan"], "nope")
    with pytest.raises(PermissionDenied):
        sections.get_section(VIEWERS["ava"], "nope")


@pytest.mark.parametrize("who, filters, titles", [
    ("ava", {}, ["Math 5"]), ("tess", {}, ["Art 6", "Math 5"]), ("dan", {}, ["Art 6", "Math 5", "Science"]),
    ("tess", {"teacher_id": "tess", "school_year_id": "sy27"}, ["Math 5"]),
    ("ada", {"school_id": "alder"}, ["Art 6", "Math 5"]), ("ada", {"teacher_id": "tess"}, ["Art 6", "Math 5"])])
def test_listing_sections(sections, uow, who, filters, titles):
    assert [s.title for s in sections.list_sections(VIEWERS[who], **filters).items] == titles
    assert uow.audit_rows == []


@pytest.mark.parametrize("who, filters", [("gil", {}), ("ada", {}), ("tess", {"teacher_id": "theo"}),
                                          ("ada", {"school_id": "birch"}), ("tess", {"school_id": "alder"})])
def test_listing_sections_refused(sections, who, filters):
    with pytest.raises(PermissionDenied):
        sections.list_sections(VIEWERS[who], **filters)


def test_the_directory_is_open_to_every_known_role(sections, uow):
    gil = VIEWERS["gil"]
    assert [s.name for s in sections.list_schools(gil).items] == ["Alder Elementary", "Birch Middle"]
    assert [y.year for y in sections.list_school_years(gil).items] == [2026, 2027]
    assert sections.get_school(gil, "birch").district_id == "d1"
    with pytest.raises(NotFound):
        sections.get_school(gil, "d1")
    assert uow.audit_rows == []


def test_the_school_calendar_is_the_viewers_district_unless_named(sections, uow):
    calendar = sections.school_calendar(VIEWERS["tess"])
    assert (calendar.district_id, calendar.current.id, [y.id for y in calendar.years]) == ("d1", "sy27",
                                                                                          ["sy27", "sy26"])
    assert sections.school_calendar(VIEWERS["tess"], on_date="2026-07-15").current is None      # summer
    assert sections.school_calendar(VIEWERS["svc"], district_id="d1", on_date="2026-01-10").current.id == "sy26"
    with pytest.raises(InvalidArgument) as refused:
        sections.school_calendar(VIEWERS["svc"])
    assert [p.field for p in refused.value.problems] == ["district_id"]
    assert sections.school_calendar(VIEWERS["gil"]).district_id == ""             # no district known: no years
