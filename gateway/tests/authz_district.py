"""The gateway authorization matrix's district and expected outcomes.

The district is :mod:`gateway_district`'s plus the relationships it lacks, written to the roster database AND
described as roster events for the artifacts replica (one description, so both agree): a teacher who taught Amy
only last school year, North Elementary with a teacher, a student and a school admin, a guardian of Ben (not of
Amy), and a Maple school admin who also teaches Amy's math section.

The grid mirrors services/artifacts/tests/authz_world.py (same rows, actions and answers), said in REST terms:
the subject is always Amy; S = an artifact Amy added, T = one her current teacher added, P = one the last-year
teacher added while he still taught her. Y = the route's success status, N = 403 (the same body as for an
artifact that does not exist).
"""
from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, func, insert, select

from chassis.events import Envelope
from chassis.testing.records import ServiceRecords
from roster.adapters import orm
from roster.domain.identity import entity_id

from gateway_district import HASHER, District

MATRIX = """
role                   relationship           | list | add | get   | update | version | complete | delete
                                              |      |     | S T P | S T P  | S T P   | S T P    | S T P
student                own                    |  Y   |  Y  | Y Y Y | Y N N  | Y N N   | Y N N    | Y N N
student                classmate              |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
student                other-school           |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
teacher                currently-taught       |  Y   |  Y  | Y Y Y | N Y N  | N Y N   | N Y N    | N Y N
teacher                taught-last-year-only  |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
teacher                other-school           |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
guardian               guardian-of            |  Y   |  N  | Y Y Y | N N N  | N N N   | N N N    | N N N
guardian               not-guardian-of        |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
school_admin           own-school             |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
school_admin           other-school           |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
district_admin         district               |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
school_admin+teacher   currently-taught       |  N   |  N  | N N N | N N N  | N N N   | N N N    | N N N
"""

# (role, relationship) -> the district's short name of the person who acts
ACTORS = {
    ("student", "own"): "amy",
    ("student", "classmate"): "ben",
    ("student", "other-school"): "nora",
    ("teacher", "currently-taught"): "teacher",
    ("teacher", "taught-last-year-only"): "old_teacher",
    ("teacher", "other-school"): "north_teacher",
    ("guardian", "guardian-of"): "guardian",
    ("guardian", "not-guardian-of"): "ben_guardian",
    ("school_admin", "own-school"): "school_admin",
    ("school_admin", "other-school"): "north_admin",
    ("district_admin", "district"): "district_admin",
    ("school_admin+teacher", "currently-taught"): "kit",
}
TARGET_AUTHORS = {"S": ("amy", "student"), "T": ("teacher", "teacher"), "P": ("old_teacher", "teacher")}
ARTIFACT_ACTIONS = ("get", "update", "version", "complete", "delete")
LAST_YEAR_SHIFT = dt.timedelta(days=300)     # a day inside last school year's section (see extend)


@dataclass(frozen=True)
class Case:
    role: str
    relationship: str
    action: str
    target: str          # "S", "T", "P" or "" (list, add)
    allowed: bool

    @property
    def actor(self) -> str:
        return ACTORS[(self.role, self.relationship)]

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.role.split("+"))

    @property
    def id(self) -> str:
        return "/".join(p for p in (self.role, self.relationship, self.action, self.target) if p)


def parse(grid: str) -> list[Case]:
    """The grid as cases, one per (row, action, target) cell."""
    header, targets, *rows = [line for line in grid.strip().splitlines() if line.strip()]
    actions = [cell.strip() for cell in header.split("|")[1:]]
    columns = [cell.split() or [""] for cell in targets.split("|")[1:]]
    cases = []
    for row in rows:
        who, *cells = row.split("|")
        role, relationship = who.split()
        for action, letters, cell in zip(actions, columns, cells, strict=True):
            marks = cell.split()
            assert len(marks) == len(letters) and set(marks) <= {"Y", "N"}, f"bad cell in row {row!r}"
            cases += [Case(role, relationship, action, t, m == "Y") for t, m in zip(letters, marks)]
    return cases


CASES = parse(MATRIX)

PEOPLE = {  # short name: (username, roles, school short name)
    "old_teacher": ("oldteach", ("teacher",), "s1"),
    "kit": ("kitadmin", ("teacher", "school_admin"), "s1"),
    "ben_guardian": ("bguard", ("guardian",), "s1"),
    "nora": ("nnorth", ("student",), "s2"),
    "north_teacher": ("tnorth", ("teacher",), "s2"),
    "north_admin": ("anorth", ("school_admin",), "s2"),
}


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


class Trail(ServiceRecords):
    """A service's audit rows and outbox envelopes recorded after a mark (reads only the new rows)."""

    def mark(self) -> tuple[int, int]:
        with self.engine.connect() as conn:
            return tuple(conn.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar()
                         for t in (self.audit_log, self.outbox))

    def audit_since(self, mark: tuple[int, int]) -> list:
        with self.engine.connect() as conn:
            return conn.execute(select(self.audit_log).where(self.audit_log.c.id > mark[0])
                                .order_by(self.audit_log.c.id)).all()

    def envelopes_since(self, mark: tuple[int, int]) -> list[Envelope]:
        with self.engine.connect() as conn:
            return [Envelope.from_json(row.body) for row in conn.execute(
                select(self.outbox).where(self.outbox.c.id > mark[1]).order_by(self.outbox.c.id))]
