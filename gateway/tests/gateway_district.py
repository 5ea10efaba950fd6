"""A tiny roster written straight into a migrated roster database: one school, two teachers (one with a finished
term), four students, a guardian and two admins, each with a local account and a password made up per run.

``District.roster_events`` are the roster events describing the same facts (the payloads of
protos/skillfolio/events/v1/roster.proto), for feeding the artifacts service's roster replica."""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from sqlalchemy import Engine, insert

from chassis.events import Envelope
from roster.adapters import orm
from roster.adapters.passwords import Argon2Passwords
from roster.config import RosterOptions
from roster.domain.identity import entity_id

# Cheap argon2 parameters keep the tests fast (for the seeded hashes and the roster server alike).
FAST_ARGON2 = RosterOptions(argon2_time_cost=1, argon2_memory_kib=8192, argon2_parallelism=1)
HASHER = Argon2Passwords(FAST_ARGON2.argon2_time_cost, FAST_ARGON2.argon2_memory_kib, FAST_ARGON2.argon2_parallelism)


@dataclass
class District:
    ids: dict[str, str] = field(default_factory=dict)         # short name -> entity id
    passwords: dict[str, str] = field(default_factory=dict)   # username -> password
    roster_events: list[Envelope] = field(default_factory=list)   # the same facts as roster events

    def login(self, username: str) -> tuple[str, str]:
        return username, self.passwords[username]


def _user(kind: str) -> str:
    return entity_id("user", kind)


def _event(district: District, type_: str, **data) -> None:
    district.roster_events.append(Envelope(type=type_, producer="roster", data=data))


def seed(engine: Engine, today: dt.date | None = None) -> District:
    today = today or dt.date.today()
    year_start, year_end = today - dt.timedelta(days=100), today + dt.timedelta(days=200)
    district = District()
    org, school = entity_id("org", "d1"), entity_id("org", "s1")
    year, fall, spring = entity_id("session", "y1"), entity_id("session", "t1"), entity_id("session", "t2")
    course = entity_id("course", "c1")
    people = {  # short name: (given, family, username, role, grade)
        "teacher": ("Tess", "Lee", "tlee", "teacher", ""),
        "other_teacher": ("Tom", "Kim", "tkim", "teacher", ""),
        "amy": ("Amy", "Adams", "aadams", "student", "05"),
        "ben": ("Ben", "Brown", "bbrown", "student", "05"),
        "cal": ("Cal", "Clark", "cclark", "student", "05"),      # only in the finished term's section
        "dan": ("Dan", "Diaz", "ddiaz", "student", "06"),        # the other teacher's student
        "guardian": ("Gail", "Adams", "gadams", "guardian", ""),
        "school_admin": ("Sam", "Shaw", "sshaw", "school_admin", ""),
        "district_admin": ("Dee", "Dunn", "ddunn", "district_admin", ""),
    }
    sections = {  # short name: (title, teacher, students, term, start, end)
        "math": ("Math 5A", "teacher", ["amy", "ben"], spring, year_start, year_end),
        "art": ("Art 5 (fall)", "teacher", ["cal"], fall, year_start, today - dt.timedelta(days=10)),
        "science": ("Science 6", "other_teacher", ["dan"], spring, year_start, year_end),
    }
    with engine.begin() as conn:
        conn.execute(insert(orm.orgs), [
            {"id": org, "sourced_id": "d1", "type": "district", "name": "Demo District", "parent_id": None},
            {"id": school, "sourced_id": "s1", "type": "school", "name": "Maple Elementary", "parent_id": org}])
        conn.execute(insert(orm.academic_sessions), [
            {"id": year, "sourced_id": "y1", "title": "School year", "type": "schoolYear",
             "start_date": year_start, "end_date": year_end, "school_year": year_end.year},
            {"id": fall, "sourced_id": "t1", "title": "Fall", "type": "term", "start_date": year_start,
             "end_date": today - dt.timedelta(days=10), "parent_id": year, "school_year": year_end.year},
            {"id": spring, "sourced_id": "t2", "title": "Spring", "type": "term", "start_date": year_start,
             "end_date": year_end, "parent_id": year, "school_year": year_end.year}])
        conn.execute(insert(orm.courses), [{"id": course, "sourced_id": "c1", "title": "Grade 5", "org_id": school,
                                            "school_year_id": year}])
        for short, (given, family, username, role, grade) in people.items():
            person = district.ids[short] = _user(short)
            conn.execute(insert(orm.people), {"id": person, "sourced_id": short, "given_name": given,
                                              "family_name": family, "username": username, "grade_level": grade,
                                              "primary_school_id": school})
            conn.execute(insert(orm.person_roles), {"person_id": person, "role": role, "is_primary": True,
                                                    "org_id": org if role == "district_admin" else school})
            password = district.passwords[username] = secrets.token_urlsafe(18)
            conn.execute(insert(orm.credentials), {"person_id": person, "username": username,
                                                   "password_hash": HASHER.hash(password)})
            _event(district, "person_added", person_id=person, sourced_id=short, roles=[role], grade_level=grade,
                   primary_school_id=school, active=True, given_name=given, family_name=family)
        conn.execute(insert(orm.guardianships), {"guardian_id": district.ids["guardian"],
                                                 "student_id": district.ids["amy"]})
        _event(district, "guardianship_added", guardian_id=district.ids["guardian"], student_id=district.ids["amy"],
               active=True)
        for short, (title, teacher, students, term, start, end) in sections.items():
            section = district.ids[short] = entity_id("class", short)
            conn.execute(insert(orm.sections), {"id": section, "sourced_id": short, "title": title,
                                                "class_code": short.upper(), "course_id": course,
                                                "school_id": school, "school_year_id": year,
                                                "start_date": start, "end_date": end})
            conn.execute(insert(orm.section_terms), {"section_id": section, "session_id": term})
            _event(district, "section_added", section_id=section, school_id=school, school_year_id=year, title=title,
                   start_date=start.isoformat(), end_date=end.isoformat())
            for member, role in [(teacher, "teacher"), *[(s, "student") for s in students]]:
                conn.execute(insert(orm.enrollments), {
                    "id": entity_id("enrollment", f"{short}-{member}"), "sourced_id": f"{short}-{member}",
                    "section_id": section, "person_id": district.ids[member], "school_id": school, "role": role})
                _event(district, "enrollment_added", enrollment_id=entity_id("enrollment", f"{short}-{member}"),
                       section_id=section, person_id=district.ids[member], role=role, school_id=school,
                       begin_date="", end_date="", active=True)
    district.ids.update(school=school, district=org, year=year)
    return district
