"""Shared helpers of the OneRoster import tests: fixture paths, table counts, outbox event types, expectations."""
from __future__ import annotations

import pathlib
import shutil
from collections import Counter

from sqlalchemy import Engine, func, select

from roster.adapters import orm
from roster.importer import Guard

# These small sets deactivate a row or two of a few: more than the default share, so the tests about change
# detection confirm them as an operator would (test_import_guard covers the guard itself).
CONFIRMED = Guard(max_share=0.10, confirmed=True)

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "oneroster"
TABLES = ("orgs", "academic_sessions", "courses", "sections", "section_terms", "people", "person_roles",
          "enrollments", "guardianships", "transfers", "outbox")

VALID_COUNTS = {"orgs": 3, "academic_sessions": 3, "courses": 2, "sections": 3, "section_terms": 4, "people": 11,
                "person_roles": 11, "enrollments": 7, "guardianships": 3, "transfers": 0, "outbox": 27}
VALID_EVENTS = Counter({"school_added": 2, "school_year_added": 1, "person_added": 11, "section_added": 3,
                        "enrollment_added": 7, "guardianship_added": 3})
CHANGED_EVENTS = Counter({"person_updated": 2, "student_transferred": 1, "person_removed": 1, "section_updated": 1,
                          "enrollment_removed": 1, "enrollment_added": 1, "guardianship_removed": 1})


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(select(func.count()).select_from(orm.metadata.tables[t])).scalar_one()
                for t in TABLES}


def event_types(engine: Engine, after_id: int = 0) -> Counter:
    with engine.connect() as conn:
        return Counter(conn.execute(select(orm.outbox.c.type).where(orm.outbox.c.id > after_id)).scalars())


def last_outbox_id(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.coalesce(func.max(orm.outbox.c.id), 0))).scalar_one()


def copy_set(name: str, target: pathlib.Path) -> pathlib.Path:
    shutil.copytree(DATA / name, target)
    return target
