"""A small district written straight into a migrated roster database with SQL inserts (no importer involved).

Today is 2026-10-15, in school year 2027 (2026-08-01 .. 2027-06-30). Tess teaches Math 5 now, taught Art
last year and will teach a spring-only section; Dee transferred from Alder to Birch on 2026-10-02.
"""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from roster.adapters import orm
from roster.domain.identity import entity_id

TODAY = dt.date(2026, 10, 15)
D = dt.date


def _ids(kind: str, *names: str) -> dict[str, str]:
    return {name: entity_id(kind, name) for name in names}


ORG = _ids("org", "district", "alder", "birch")
SESSION = _ids("session", "sy2026", "sy2027", "fall2026", "spring2027")
PERSON = _ids("user", "tess", "theo", "ava", "ben", "cal", "dee", "eve", "fay", "gil", "gwen", "ada", "dan")
SECTION = _ids("class", "math5", "art_last", "sci", "spring_only")

_PEOPLE = [  # key, given, family, grade, primary school, [(role, org, begin, end)]
    ("tess", "Tess", "Teacher", "", "alder", [("teacher", "alder", None, None)]),
    ("theo", "Theo", "Tutor", "", "birch", [("teacher", "birch", None, None)]),
    ("ava", "Ava", "Adams", "05", "alder", [("student", "alder", None, None)]),
    ("ben", "Ben", "Brown", "06", "alder", [("student", "alder", None, None)]),
    ("cal", "Cal", "Clark", "07", "birch", [("student", "birch", None, None)]),
    ("dee", "Dee", "Diaz", "05", "birch", [("student", "alder", None, D(2026, 10, 1)),
                                           ("student", "birch", D(2026, 10, 2), None)]),
    ("eve", "Eve", "Evans", "05", "alder", [("student", "alder", None, None)]),
    ("fay", "Fay", "Fox", "05", "alder", [("student", "alder", None, None)]),
    ("gil", "Gil", "Green", "", None, [("guardian", "alder", None, None)]),
    ("gwen", "Gwen", "Gray", "", None, [("guardian", "birch", None, None)]),
    ("ada", "Ada", "Admin", "", "alder", [("school_admin", "alder", None, None)]),
    ("dan", "Dan", "District", "", None, [("district_admin", "district", None, None)]),
]
_SECTIONS = [  # key, title, school, year, start, end
    ("math5", "Math 5", "alder", "sy2027", D(2026, 8, 1), D(2027, 6, 30)),
    ("art_last", "Art 6", "alder", "sy2026", D(2025, 8, 1), D(2026, 6, 30)),
    ("sci", "Science 7", "birch", "sy2027", D(2026, 8, 1), D(2027, 6, 30)),
    ("spring_only", "Music 5", "alder", "sy2027", D(2027, 1, 5), D(2027, 6, 30)),
]
_ENROLLMENTS = [  # person, section, role, begin, end, active
    ("tess", "math5", "teacher", D(2026, 8, 1), None, True),
    ("tess", "art_last", "teacher", D(2025, 8, 1), D(2026, 6, 30), True),
    ("tess", "spring_only", "teacher", None, None, True),
    ("theo", "sci", "teacher", None, None, True),
    ("ava", "math5", "student", D(2026, 8, 1), None, True),
    ("ben", "art_last", "student", D(2025, 8, 1), D(2026, 6, 30), True),
    ("cal", "sci", "student", None, None, True),
    ("dee", "math5", "student", D(2026, 8, 1), D(2026, 10, 1), True),   # ended by the transfer
    ("dee", "sci", "student", D(2026, 10, 2), None, True),
    ("eve", "math5", "student", None, None, False),                      # dropped: inactive enrollment
    ("fay", "spring_only", "student", None, None, True),                  # term not started yet
]
_GUARDIANSHIPS = [("gil", "ava"), ("gil", "dee"), ("gwen", "cal")]


def seed_district(conn: Connection) -> SimpleNamespace:
    """Insert the district; returns ``SimpleNamespace(person=..., section=..., org=..., session=...)`` ids."""
    conn.execute(insert(orm.orgs), [
        {"id": ORG["district"], "sourced_id": "district", "type": "district", "name": "Jefferson",
         "parent_id": None},
        {"id": ORG["alder"], "sourced_id": "alder", "type": "school", "name": "Alder Elementary",
         "parent_id": ORG["district"]},
        {"id": ORG["birch"], "sourced_id": "birch", "type": "school", "name": "Birch Middle",
         "parent_id": ORG["district"]}])
    conn.execute(insert(orm.academic_sessions), [
        _session("sy2026", "2025-26", "schoolYear", D(2025, 8, 1), D(2026, 6, 30), 2026, None),
        _session("sy2027", "2026-27", "schoolYear", D(2026, 8, 1), D(2027, 6, 30), 2027, None),
        _session("fall2026", "Fall 2026", "semester", D(2026, 8, 1), D(2026, 12, 20), 2027, "sy2027"),
        _session("spring2027", "Spring 2027", "semester", D(2027, 1, 5), D(2027, 6, 30), 2027, "sy2027")])
    for key, given, family, grade, school, roles in _PEOPLE:
        conn.execute(insert(orm.people).values(
            id=PERSON[key], sourced_id=key, given_name=given, family_name=family, username=key,
            email=f"{key}@example.org", grade_level=grade, primary_school_id=ORG[school] if school else None))
        conn.execute(insert(orm.person_roles), [
            {"person_id": PERSON[key], "role": role, "org_id": ORG[org], "begin_date": begin, "end_date": end}
            for role, org, begin, end in roles])
    for key, title, school, year, start, end in _SECTIONS:
        course = entity_id("course", key)
        conn.execute(insert(orm.courses).values(id=course, sourced_id=key, title=f"{title} course",
                                                org_id=ORG[school], school_year_id=SESSION[year]))
        conn.execute(insert(orm.sections).values(
            id=SECTION[key], sourced_id=key, title=title, course_id=course, school_id=ORG[school],
            school_year_id=SESSION[year], start_date=start, end_date=end))
    conn.execute(insert(orm.section_terms), [{"section_id": SECTION["math5"], "session_id": SESSION["fall2026"]},
                                             {"section_id": SECTION["math5"], "session_id": SESSION["spring2027"]}])
    conn.execute(insert(orm.enrollments), [
        {"id": entity_id("enrollment", f"{p}-{s}"), "sourced_id": f"{p}-{s}", "section_id": SECTION[s],
         "person_id": PERSON[p], "school_id": _school_of(s), "role": role, "begin_date": begin,
         "end_date": end, "active": active} for p, s, role, begin, end, active in _ENROLLMENTS])
    conn.execute(insert(orm.guardianships), [{"guardian_id": PERSON[g], "student_id": PERSON[s]}
                                             for g, s in _GUARDIANSHIPS])
    conn.execute(insert(orm.transfers).values(student_id=PERSON["dee"], from_school_id=ORG["alder"],
                                              to_school_id=ORG["birch"], effective_date=D(2026, 10, 2)))
    return SimpleNamespace(person=PERSON, section=SECTION, org=ORG, session=SESSION)


def add_students(conn: Connection, school: str, count: int, family_names: int = 7) -> list[str]:
    """``count`` extra students at ``school`` sharing few family names (ties exercise the keyset's id tiebreak)."""
    rows, roles = [], []
    for n in range(count):
        key = f"bulk-{school}-{n}"
        rows.append({"id": entity_id("user", key), "sourced_id": key, "given_name": f"Kid{n % 3}",
                     "family_name": f"Family{n % family_names}", "grade_level": "04",
                     "primary_school_id": ORG[school]})
        roles.append({"person_id": entity_id("user", key), "role": "student", "org_id": ORG[school]})
    conn.execute(insert(orm.people), rows)
    conn.execute(insert(orm.person_roles), roles)
    return [row["id"] for row in rows]


def _session(key, title, kind, start, end, year, parent):
    return {"id": SESSION[key], "sourced_id": key, "title": title, "type": kind, "start_date": start,
            "end_date": end, "school_year": year, "parent_id": SESSION[parent] if parent else None}


def _school_of(section_key: str) -> str:
    return ORG[next(school for key, _, school, *_ in _SECTIONS if key == section_key)]


OTHER = _ids("org", "oak_county", "oak_elem", "closed_school")
OTHER_SESSION = _ids("session", "oak2027", "oak_old", "jeff_retired")


def add_second_district(conn: Connection) -> SimpleNamespace:
    """A second district (Oak County) whose active school year overlaps today and sorts before Jefferson's, with a
    deactivated year of its own that also contains today; plus, in Jefferson, a deactivated school and a
    deactivated school year that contains today (with a section, so only ``active`` tells it apart)."""
    conn.execute(insert(orm.orgs), [
        {"id": OTHER["oak_county"], "sourced_id": "oak_county", "type": "district", "name": "Oak County",
         "parent_id": None, "active": True},
        {"id": OTHER["oak_elem"], "sourced_id": "oak_elem", "type": "school", "name": "Oak Elementary",
         "parent_id": OTHER["oak_county"], "active": True},
        {"id": OTHER["closed_school"], "sourced_id": "closed_school", "type": "school", "name": "Closed Academy",
         "parent_id": ORG["district"], "active": False}])
    conn.execute(insert(orm.academic_sessions), [
        {"id": OTHER_SESSION[key], "sourced_id": key, "title": title, "type": "schoolYear", "start_date": start,
         "end_date": end, "school_year": year, "active": active}
        for key, title, start, end, year, active in (
            ("oak2027", "Oak 2026-27", D(2026, 7, 1), D(2027, 6, 15), 2026, True),
            ("oak_old", "Oak (retired)", D(2026, 1, 1), D(2026, 12, 31), 2026, False),
            ("jeff_retired", "Jefferson (retired)", D(2026, 9, 1), D(2027, 5, 31), 2027, False))])
    for key, school, year in (("oak_math", "oak_elem", "oak2027"), ("oak_art", "oak_elem", "oak_old"),
                              ("jeff_ghost", "alder", "jeff_retired")):
        school_id = OTHER.get(school) or ORG[school]
        course = entity_id("course", key)
        conn.execute(insert(orm.courses).values(id=course, sourced_id=key, title=key, org_id=school_id,
                                                school_year_id=OTHER_SESSION[year]))
        conn.execute(insert(orm.sections).values(id=entity_id("class", key), sourced_id=key, title=key,
                                                 course_id=course, school_id=school_id,
                                                 school_year_id=OTHER_SESSION[year]))
    oak_teacher = entity_id("user", "olive")
    conn.execute(insert(orm.people).values(id=oak_teacher, sourced_id="olive", given_name="Olive",
                                           family_name="Oak", username="olive", primary_school_id=OTHER["oak_elem"]))
    conn.execute(insert(orm.person_roles).values(person_id=oak_teacher, role="teacher", org_id=OTHER["oak_elem"]))
    return SimpleNamespace(org=OTHER, session=OTHER_SESSION, olive=oak_teacher)
