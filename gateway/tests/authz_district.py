"""The gateway authorization matrix's district: :mod:`gateway_district`'s plus the relationships it lacks, written to
the roster database AND described as roster events for the artifacts replica (one description, so both agree): a
teacher who taught Amy only last school year, North Elementary with a teacher, a student and a school admin, a
guardian of Ben (not of Amy), and a Maple school admin who also teaches Amy's math section."""
from __future__ import annotations

import datetime as dt
import secrets

from gateway_district import HASHER, District
from sqlalchemy import Engine, insert

from chassis.events import Envelope
from roster.adapters import orm
from roster.domain.identity import entity_id

LAST_YEAR_SHIFT = dt.timedelta(days=300)     # back into last school year's section (see extend)
PEOPLE = {  # short name: (username, roles, school short name)
    "old_teacher": ("oldteach", ("teacher",), "s1"),
    "kit": ("kitadmin", ("teacher", "school_admin"), "s1"),
    "ben_guardian": ("bguard", ("guardian",), "s1"),
    "nora": ("nnorth", ("student",), "s2"),
    "north_teacher": ("tnorth", ("teacher",), "s2"),
    "north_admin": ("anorth", ("school_admin",), "s2"),
}
BASE_USERNAMES = {"amy": "aadams", "ben": "bbrown", "teacher": "tlee", "other_teacher": "tkim", "guardian": "gadams",
                  "school_admin": "sshaw", "district_admin": "ddunn"}      # gateway_district's logins
USERNAMES = {**BASE_USERNAMES, **{short: person[0] for short, person in PEOPLE.items()}}


def extend(engine: Engine, district: District, today: dt.date | None = None) -> None:
    """Add the matrix's people and relationships to a roster database seeded by gateway_district.seed, and the
    same facts to ``district.roster_events``; logins go to ``district.passwords``."""
    today = today or dt.date.today()
    org, maple = district.ids["district"], district.ids["school"]
    north, course_n, course_old = entity_id("org", "authz-s2"), entity_id("course", "authz-cn"), \
        entity_id("course", "authz-c-old")
    last_year, this_year = entity_id("session", "authz-y0"), district.ids["year"]
    last_start, last_end = today - dt.timedelta(days=465), today - dt.timedelta(days=165)
    schools = {"s1": maple, "s2": north}
    events = district.roster_events
    with engine.begin() as conn:
        conn.execute(insert(orm.orgs), {"id": north, "sourced_id": "authz-s2", "type": "school",
                                        "name": "North Elementary", "parent_id": org})
        conn.execute(insert(orm.academic_sessions), {
            "id": last_year, "sourced_id": "authz-y0", "title": "Last school year", "type": "schoolYear",
            "start_date": last_start, "end_date": last_end, "school_year": last_end.year})
        conn.execute(insert(orm.courses), [
            {"id": course_n, "sourced_id": "authz-cn", "title": "Grade 5 North", "org_id": north,
             "school_year_id": this_year},
            {"id": course_old, "sourced_id": "authz-c-old", "title": "Grade 4", "org_id": maple,
             "school_year_id": last_year}])
        for short, (username, roles, school) in PEOPLE.items():
            person = district.ids[short] = entity_id("user", f"authz-{short}")
            conn.execute(insert(orm.people), {"id": person, "sourced_id": f"authz-{short}", "given_name": short,
                                              "family_name": "Matrix", "username": username,
                                              "primary_school_id": schools[school]})
            conn.execute(insert(orm.person_roles), [{"person_id": person, "role": role, "is_primary": i == 0,
                                                     "org_id": schools[school]} for i, role in enumerate(roles)])
            password = district.passwords[username] = secrets.token_urlsafe(18)
            conn.execute(insert(orm.credentials), {"person_id": person, "username": username,
                                                   "password_hash": HASHER.hash(password)})
            events.append(_event("person_added", person_id=person, sourced_id=f"authz-{short}", roles=list(roles),
                                 grade_level="", primary_school_id=schools[school], active=True, given_name=short,
                                 family_name="Matrix"))
        sections = {  # short: (title, course, school, year, start, end, members)
            "grade4": ("Grade 4 (last year)", course_old, maple, last_year, last_start, last_end,
                       [("old_teacher", "teacher"), ("amy", "student")]),
            "north5": ("Grade 5 North", course_n, north, this_year, today - dt.timedelta(days=100),
                       today + dt.timedelta(days=200), [("north_teacher", "teacher"), ("nora", "student")]),
        }
        for short, (title, course, school, year, start, end, members) in sections.items():
            section = district.ids[short] = entity_id("class", f"authz-{short}")
            conn.execute(insert(orm.sections), {"id": section, "sourced_id": f"authz-{short}", "title": title,
                                                "course_id": course, "school_id": school, "school_year_id": year,
                                                "start_date": start, "end_date": end})
            events.append(_event("section_added", section_id=section, school_id=school, school_year_id=year,
                                 title=title, start_date=start.isoformat(), end_date=end.isoformat()))
        for section, member, role in [*[("grade4", m, r) for m, r in sections["grade4"][6]],
                                      *[("north5", m, r) for m, r in sections["north5"][6]],
                                      ("math", "kit", "teacher")]:
            enrollment = entity_id("enrollment", f"authz-{section}-{member}")
            school = north if section == "north5" else maple
            conn.execute(insert(orm.enrollments), {"id": enrollment, "sourced_id": f"authz-{section}-{member}",
                                                   "section_id": district.ids[section],
                                                   "person_id": district.ids[member], "school_id": school,
                                                   "role": role})
            events.append(_event("enrollment_added", enrollment_id=enrollment, section_id=district.ids[section],
                                 person_id=district.ids[member], role=role, school_id=school, begin_date="",
                                 end_date="", active=True))
        conn.execute(insert(orm.guardianships), {"guardian_id": district.ids["ben_guardian"],
                                                 "student_id": district.ids["ben"]})
        events.append(_event("guardianship_added", guardian_id=district.ids["ben_guardian"],
                             student_id=district.ids["ben"], active=True))


def _event(type_: str, **data) -> Envelope:
    return Envelope(type=type_, producer="roster", data=data)
