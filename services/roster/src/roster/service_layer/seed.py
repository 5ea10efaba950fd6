"""The roster's demo seed (`skillfolio seed`, `up`): the demo district, a synthetic OneRoster set imported into the
roster, and a handful of demo accounts (one per role, plus a former teacher) with random passwords, written to
var/demo-logins.txt (0600) when the platform keeps its stores under var/ (with production stores they are only
printed). Returns the cast and the roster events about it, which the other services' seeds apply to their replicas.
"""
from __future__ import annotations

import pathlib
import secrets
import tempfile
from dataclasses import dataclass, field

from sqlalchemy import func, select

from chassis.config import service_settings
from chassis.demo_seed import Cast, DemoClass
from chassis.descriptor import SeedContext
from roster.adapters.orm import orgs, people
from roster.bootstrap import RosterApp, build
from roster.config import RosterOptions
from roster.demo.cast import cast_events, find_cast
from roster.demo.classes import find_capture_class, find_classes
from roster.domain.access import Viewer
from roster.domain.identity import entity_id
from roster.importer import import_roster
from roster.importer.synthetic import DistrictSpec, generate_district, school_year_of

LOGINS_FILE = "demo-logins.txt"
# 300 students a school, 50 a grade: each grade's subjects in two classes of 25, as a class is (issue 14's capture
# for 25 students of a section happens in the demo teacher's own class).
DEMO_STUDENTS, DEMO_SCHOOLS, DEMO_SEED = 900, 3, 2026
SEEDER = Viewer.of("service:skillfolio-seed", ["service"])
DEMO_DISTRICT = ("dist-1", "Synthetic Public Schools")    # sourcedId and name roster.importer.synthetic writes


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


def is_demo_district(app: RosterApp) -> bool:
    """Whether the roster holds the synthetic demo district (never give demo logins in a real district)."""
    with app.engine.connect() as conn:
        return conn.execute(select(orgs.c.name).where(orgs.c.sourced_id == DEMO_DISTRICT[0])).scalar() == \
            DEMO_DISTRICT[1]


def pick_demo_people(app: RosterApp) -> tuple[Cast, list[tuple[str, object]]]:
    """The demo cast (roster.demo.cast.find_cast, at the first school admin's school) and (role label, person) for the
    demo logins: the student's current teacher, their former teacher (last school year only), the student, one
    of their guardians, that school admin and a district admin."""
    district_admin = _first(app.people.list_people(SEEDER, page_size=1, role="district_admin"), "district admin")
    school_admin = _first(app.people.list_people(SEEDER, page_size=1, role="school_admin"), "school admin")
    with app.engine.connect() as conn:
        cast = find_cast(conn, school_admin.primary_school_id, app.options.today())
    guardian = _first(app.people.list_guardians(SEEDER, cast.student_id, page_size=1), "guardian")
    person = lambda person_id: app.people.get_person(SEEDER, person_id)  # noqa: E731
    return cast, [("teacher", person(cast.teacher_id)), ("former teacher", person(cast.former_teacher_id)),
                  ("student", person(cast.student_id)), ("guardian", guardian), ("school admin", school_admin),
                  ("district admin", district_admin)]


def give_passwords(app: RosterApp, people_by_role: list[tuple[str, object]]) -> list[DemoLogin]:
    logins = []
    for role, person in people_by_role:
        password = secrets.token_urlsafe(12)   # 16 characters, ~96 bits
        app.accounts.set_password(person.username, password)
        logins.append(DemoLogin(role, f"{person.given_name} {person.family_name}", person.username, password))
    return logins


def format_logins(logins: list[DemoLogin]) -> list[str]:
    width = max(len(login.username) for login in logins)
    return [f"  {login.role:<15} {login.username:<{width}}  {login.password}   ({login.name})" for login in logins]


def _lists_every_login(path: pathlib.Path, people_by_role: list[tuple[str, object]]) -> bool:
    """The logins file exists and names every demo account (an older one may lack the former teacher)."""
    if not path.exists():
        return False
    lines = path.read_text(encoding="utf-8").splitlines()
    return all(any(line.startswith(f"  {role:<15} {person.username} ") for line in lines)
               for role, person in people_by_role)


@dataclass(frozen=True)
class DemoSeed:
    logins: list[DemoLogin] | None     # None: the logins file already named every demo account
    seeded: bool                       # the district was imported just now
    cast: Cast | None                  # None: the roster is not the demo district
    events: list = field(default_factory=list)   # the roster events about the cast (roster.demo.cast.cast_events)
    classes: tuple = ()                # the demo classes (roster.demo.classes), whose events are in ``events``
    capture_class: DemoClass | None = None   # the demo teacher's class for the demo's class capture (ditto)


def seed(var_dir: pathlib.Path | None, write_private) -> DemoSeed:
    """Import the demo district if the roster is empty; give the demo accounts passwords unless
    var/demo-logins.txt already lists them all (``var_dir`` None: no file is read or written, so passwords are
    given each time). Nothing happens to a roster that is not the demo district."""
    app = build(service_settings("roster"))
    try:
        seeded = roster_is_empty(app)
        if seeded:
            import_demo_district(app)
        if not is_demo_district(app):
            return DemoSeed(None, False, None)
        cast, people_by_role = pick_demo_people(app)
        with app.engine.connect() as conn:
            classes = tuple(find_classes(conn, cast, app.options.today()))
            capture = find_capture_class(conn, cast, app.options.today(), classes)
        events = cast_events(app.engine, cast, classes + ((capture,) if capture else ()))
        path = var_dir / LOGINS_FILE if var_dir is not None else None
        if path is not None and not seeded and _lists_every_login(path, people_by_role):
            return DemoSeed(None, False, cast, events, classes, capture)
        logins = give_passwords(app, people_by_role)
        if path is not None:
            write_private(path, "Skillfolio demo logins (role, username, password). Local to this machine.\n"
                          + "\n".join(format_logins(logins)) + "\n")
        return DemoSeed(logins, seeded, cast, events, classes, capture)
    finally:
        app.close()


def seed_demo(context: SeedContext) -> dict:
    """The seed use case the roster's descriptor names: ``cast``, ``classes``, ``capture_class``, ``district_id``
    and ``today`` (the roster's calendar) when the roster is the demo district, ``events`` about them, and the demo
    ``logins``."""
    outcome = seed(context.var_dir, context.write_private)
    path = context.var_dir / LOGINS_FILE if context.var_dir is not None else None
    logins = format_logins(outcome.logins) if outcome.logins else \
        (path.read_text(encoding="utf-8").splitlines()[1:] if path is not None and path.exists() else [])
    messages = ["seeded the demo district"] if outcome.seeded else \
        ["gave the demo accounts new passwords"] if outcome.logins else []
    if outcome.cast is None:
        return {"messages": messages, "logins": logins}
    return {"messages": messages, "logins": logins, "cast": outcome.cast, "events": outcome.events,
            "classes": outcome.classes, "capture_class": outcome.capture_class,
            "district_id": entity_id("org", DEMO_DISTRICT[0]), "today": RosterOptions().today()}
