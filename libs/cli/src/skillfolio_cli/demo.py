"""The demo district of the embedded default: a synthetic OneRoster set imported into the roster, and a handful
of demo accounts (one per role) with random passwords written to var/demo-logins.txt (0600)."""
from __future__ import annotations

import pathlib
import secrets
import tempfile
from dataclasses import dataclass

from sqlalchemy import func, select

from chassis.config import service_settings
from roster.adapters.orm import people
from roster.bootstrap import RosterApp, build
from roster.domain.access import Viewer
from roster.importer import import_roster
from roster.importer.synthetic import DistrictSpec, generate_district, school_year_of

from skillfolio_cli.embedded import write_private

LOGINS_FILE = "demo-logins.txt"
DEMO_STUDENTS, DEMO_SCHOOLS, DEMO_SEED = 600, 3, 2026
SEEDER = Viewer.of("service:skillfolio-seed", ["service"])


@dataclass(frozen=True)
class DemoLogin:
    role: str
    name: str
    username: str
    password: str


def roster_is_empty(app: RosterApp) -> bool:
    with app.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(people)).scalar_one() == 0


def import_demo_district(app: RosterApp) -> None:
    with tempfile.TemporaryDirectory(prefix="skillfolio-demo-") as folder:
        # The current school year by the roster's own calendar (ROSTER_TIMEZONE), so today has classes in session.
        year = school_year_of(app.options.today())
        generate_district(folder, DistrictSpec(DEMO_STUDENTS, DEMO_SCHOOLS, seed=DEMO_SEED, school_year=year))
        import_roster(folder, app.engine)


def _first(page, what: str):
    if not page.items:
        raise RuntimeError(f"the demo district has no {what}")
    return page.items[0]


def pick_demo_people(app: RosterApp) -> list[tuple[str, object]]:
    """(role label, person) for a district admin, a school admin, a teacher with students today, one of those
    students and one of that student's guardians (in July, between school years, any teacher and student)."""
    district_admin = _first(app.people.list_people(SEEDER, page_size=1, role="district_admin"), "district admin")
    school_admin = _first(app.people.list_people(SEEDER, page_size=1, role="school_admin"), "school admin")
    teachers = app.people.list_people(SEEDER, page_size=200, role="teacher",
                                      school_id=school_admin.primary_school_id)
    for teacher in teachers.items:
        students = app.people.list_current_students(SEEDER, teacher_id=teacher.id, page_size=1)
        if students.items:
            student = students.items[0]
            break
    else:
        teacher = _first(teachers, "teacher")
        student = _first(app.people.list_people(SEEDER, page_size=1, role="student",
                                                school_id=school_admin.primary_school_id), "student")
    guardian = _first(app.people.list_guardians(SEEDER, student.id, page_size=1), "guardian")
    return [("teacher", teacher), ("student", student), ("guardian", guardian), ("school admin", school_admin),
            ("district admin", district_admin)]


def give_passwords(app: RosterApp) -> list[DemoLogin]:
    logins = []
    for role, person in pick_demo_people(app):
        password = secrets.token_urlsafe(12)   # 16 characters, ~96 bits
        app.accounts.set_password(person.username, password)
        logins.append(DemoLogin(role, f"{person.given_name} {person.family_name}", person.username, password))
    return logins


def format_logins(logins: list[DemoLogin]) -> list[str]:
    width = max(len(login.username) for login in logins)
    return [f"  {login.role:<15} {login.username:<{width}}  {login.password}   ({login.name})" for login in logins]


def seed(var_dir: pathlib.Path) -> tuple[list[DemoLogin] | None, bool]:
    """Seed the roster if it is empty; returns (logins or None if the file already existed, seeded?)."""
    app = build(service_settings("roster"))
    try:
        seeded = roster_is_empty(app)
        if seeded:
            import_demo_district(app)
        path = var_dir / LOGINS_FILE
        if not seeded and path.exists():
            return None, False
        logins = give_passwords(app)
        write_private(path, "Skillfolio demo logins (role, username, password). Local to this machine.\n"
                      + "\n".join(format_logins(logins)) + "\n")
        return logins, seeded
    finally:
        app.close()
