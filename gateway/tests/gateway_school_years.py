"""A second district and retired records added beside :mod:`gateway_district` for one test module, then removed:
Oak County, whose active school year and whose deactivated one both contain today and sort before the demo
district's year, and, in the demo district, a deactivated school and a deactivated year that contains today."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, delete, insert

from roster.adapters import orm
from roster.domain.identity import entity_id

ORGS = {"oak_county": ("Oak County", "district", None, True), "oak_elem": ("Oak Elementary", "school", "oak_county",
                                                                          True)}
YEARS = {  # key: (title, district's school or org, days before today it starts, school_year offset, active)
    "oak_now": ("Oak 2026 current", "oak_elem", 40, -1, True),
    "oak_retired": ("Oak retired year", "oak_elem", 60, -2, False),
    "demo_retired": ("Demo retired year", "s1", 20, -3, False),
}


@contextmanager
def second_district(engine: Engine, district, today: dt.date | None = None) -> Iterator[dict[str, str]]:
    """Adds the rows, yields their ids (short name -> id), deletes them again."""
    today = today or dt.date.today()
    ids = {key: entity_id("org", key) for key in (*ORGS, "closed")}
    ids.update({key: entity_id("session", key) for key in YEARS})
    org_of = {"s1": district.ids["school"], "oak_elem": ids["oak_elem"]}
    year_end = today + dt.timedelta(days=200)
    with engine.begin() as conn:
        conn.execute(insert(orm.orgs), [
            {"id": ids[key], "sourced_id": key, "type": kind, "name": name,
             "parent_id": ids[parent] if parent else None, "active": active}
            for key, (name, kind, parent, active) in ORGS.items()] + [
            {"id": ids["closed"], "sourced_id": "closed", "type": "school", "name": "Closed Academy",
             "parent_id": district.ids["district"], "active": False}])
        for key, (title, school, days, offset, active) in YEARS.items():
            conn.execute(insert(orm.academic_sessions).values(
                id=ids[key], sourced_id=key, title=title, type="schoolYear", active=active,
                start_date=today - dt.timedelta(days=days), end_date=year_end, school_year=year_end.year + offset))
            course, section = entity_id("course", key), entity_id("class", key)
            conn.execute(insert(orm.courses).values(id=course, sourced_id=key, title=title, org_id=org_of[school],
                                                    school_year_id=ids[key]))
            conn.execute(insert(orm.sections).values(id=section, sourced_id=key, title=title, course_id=course,
                                                     school_id=org_of[school], school_year_id=ids[key]))
    try:
        yield ids
    finally:
        with engine.begin() as conn:
            keys = list(YEARS)
            conn.execute(delete(orm.sections).where(orm.sections.c.sourced_id.in_(keys)))
            conn.execute(delete(orm.courses).where(orm.courses.c.sourced_id.in_(keys)))
            conn.execute(delete(orm.academic_sessions).where(orm.academic_sessions.c.sourced_id.in_(keys)))
            conn.execute(delete(orm.orgs).where(orm.orgs.c.sourced_id.in_(["oak_elem", "closed"])))
            conn.execute(delete(orm.orgs).where(orm.orgs.c.sourced_id == "oak_county"))
