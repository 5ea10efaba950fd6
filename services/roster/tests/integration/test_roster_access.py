"""Access rules over real data: each role reaches exactly what domain/access.py grants, nothing more."""
from __future__ import annotations

import pytest

from chassis.errors import NotFound, PermissionDenied, Unauthenticated
from roster.domain.access import Viewer

pytestmark = pytest.mark.integration

ROLES = {"tess": "teacher", "theo": "teacher", "ava": "student", "cal": "student", "gil": "guardian",
         "gwen": "guardian", "ada": "school_admin", "dan": "district_admin"}

# (viewer, what, target, allowed)
CASES = [
    ("ava", "person", "ava", True), ("ava", "person", "ben", False), ("ava", "person", "tess", False),
    ("tess", "person", "ava", True),          # current student
    ("tess", "person", "gil", True),          # guardian of a current student
    ("tess", "person", "ben", False),         # taught last year only
    ("tess", "person", "dee", False),         # transferred out of her section
    ("tess", "person", "gwen", False), ("tess", "person", "theo", False),
    ("theo", "person", "dee", True), ("theo", "person", "gil", True),   # Dee's guardian, via Dee
    ("gil", "person", "ava", True), ("gil", "person", "dee", True), ("gil", "person", "cal", False),
    ("gil", "person", "gwen", False),
    ("ada", "person", "ben", True), ("ada", "person", "tess", True), ("ada", "person", "gil", True),
    ("ada", "person", "cal", False), ("ada", "person", "dee", False),   # Dee's role at Alder ended
    ("ada", "person", "theo", False),
    ("dan", "person", "cal", True),
    ("ava", "guardians", "ava", True), ("ava", "guardians", "cal", False),
    ("tess", "guardians", "ava", True), ("tess", "guardians", "ben", False),
    ("gil", "guardians", "ava", False),       # a guardian sees their children, not co-guardians
    ("ada", "guardians", "ben", True), ("dan", "guardians", "cal", True),
    ("gil", "children", "gil", True), ("gil", "children", "gwen", False), ("tess", "children", "gil", False),
    ("ada", "children", "gil", True),
    ("ava", "section", "math5", True), ("ava", "section", "sci", False),
    ("tess", "section", "art_last", True), ("tess", "section", "sci", False),
    ("gil", "section", "math5", False), ("ada", "section", "math5", True), ("ada", "section", "sci", False),
    ("tess", "roster", "math5", True), ("tess", "roster", "art_last", False),   # not teaching it now
    ("tess", "roster", "spring_only", False), ("ava", "roster", "math5", False),
    ("ada", "roster", "art_last", True), ("theo", "roster", "sci", True),
    ("ada", "school_people", "alder", True), ("ada", "school_people", "birch", False),
    ("tess", "school_people", "alder", False), ("dan", "school_people", "birch", True),
    ("ada", "all_people", "", False), ("dan", "all_people", "", True),
    ("tess", "teacher_sections", "tess", True), ("tess", "teacher_sections", "theo", False),
    ("ada", "teacher_sections", "tess", True), ("ada", "teacher_sections", "theo", False),
    ("gil", "own_sections", "", False), ("ada", "school_sections", "alder", True),
    ("ada", "school_sections", "birch", False), ("tess", "school_sections", "alder", False),
]


def call(app, ids, viewer, what, target):
    person, section, org = ids.person.get(target, target), ids.section.get(target, target), ids.org.get(target)
    calls = {
        "person": lambda: app.people.get_person(viewer, person),
        "guardians": lambda: app.people.list_guardians(viewer, person),
        "children": lambda: app.people.list_children(viewer, person),
        "section": lambda: app.sections.get_section(viewer, section),
        "roster": lambda: app.sections.list_section_students(viewer, section),
        "school_people": lambda: app.people.list_people(viewer, school_id=org),
        "all_people": lambda: app.people.list_people(viewer),
        "teacher_sections": lambda: app.sections.list_sections(viewer, teacher_id=person),
        "school_sections": lambda: app.sections.list_sections(viewer, school_id=org),
        "own_sections": lambda: app.sections.list_sections(viewer),
    }
    return calls[what]()


@pytest.mark.parametrize("who,what,target,allowed", CASES, ids=[f"{c[0]}-{c[1]}-{c[2] or 'all'}" for c in CASES])
def test_access(app, ids, who, what, target, allowed):
    viewer = Viewer.of(ids.person[who], [ROLES[who]])
    if allowed:
        call(app, ids, viewer, what, target)
    else:
        with pytest.raises(PermissionDenied):
            call(app, ids, viewer, what, target)


def test_own_sections_without_filters(app, ids):
    ava = Viewer.of(ids.person["ava"], ["student"])
    tess = Viewer.of(ids.person["tess"], ["teacher"])
    assert [s.title for s in app.sections.list_sections(ava).items] == ["Math 5"]
    assert [s.title for s in app.sections.list_sections(tess).items] == ["Art 6", "Math 5", "Music 5"]
    this_year = app.sections.list_sections(tess, teacher_id=ids.person["tess"], school_year_id=ids.session["sy2027"])
    assert [s.title for s in this_year.items] == ["Math 5", "Music 5"]
    math = this_year.items[0]
    assert math.course_title == "Math 5 course" and set(math.term_ids) == {ids.session["fall2026"],
                                                                          ids.session["spring2027"]}


def test_unknown_role_and_missing_principal(app, ids):
    stranger = Viewer.of(ids.person["ava"], ["janitor"])
    with pytest.raises(PermissionDenied):
        app.sections.list_schools(stranger)
    with pytest.raises(Unauthenticated):
        app.people.get_person(None, ids.person["ava"])
    with pytest.raises(Unauthenticated):
        app.people.list_children(None)


def test_denial_does_not_reveal_existence_but_admins_get_not_found(app, ids):
    gil = Viewer.of(ids.person["gil"], ["guardian"])
    with pytest.raises(PermissionDenied) as missing:
        app.people.get_person(gil, "00000000-0000-0000-0000-000000000000")
    with pytest.raises(PermissionDenied) as existing:
        app.people.get_person(gil, ids.person["cal"])
    assert str(missing.value) == str(existing.value)
    with pytest.raises(NotFound):
        app.people.get_person(Viewer.of(ids.person["dan"], ["district_admin"]), "no-such-person")


def test_directory_is_open_to_every_known_role(app, ids):
    gil = Viewer.of(ids.person["gil"], ["guardian"])
    assert [s.name for s in app.sections.list_schools(gil).items] == ["Alder Elementary", "Birch Middle"]
    assert [y.year for y in app.sections.list_school_years(gil).items] == [2026, 2027]
    assert app.sections.get_school(gil, ids.org["birch"]).district_id == ids.org["district"]
    with pytest.raises(NotFound):
        app.sections.get_school(gil, ids.org["district"])   # a district is not a school
