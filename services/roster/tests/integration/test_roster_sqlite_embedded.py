"""The embedded default: the roster's migrations run on SQLite, the audit log is append-only there too, and the
same queries (row-value keysets, current students) answer."""
from __future__ import annotations

import pytest
from roster_seed import TODAY, seed_district
from sqlalchemy import create_engine, delete, inspect, update
from sqlalchemy.exc import DBAPIError

from chassis.config import service_settings
from chassis.migrations import upgrade
from roster.adapters.orm import audit_log
from roster.bootstrap import build
from roster.domain.access import Viewer
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration


def test_migrations_and_queries_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'var' / 'roster.db'}"
    settings = service_settings("roster", database_url=url)
    app = build(settings, clock=lambda: TODAY)    # make_engine creates var/ like the embedded default does
    upgrade(MIGRATIONS_DIR, url)
    upgrade(MIGRATIONS_DIR, url)                  # idempotent
    engine = create_engine(url)
    try:
        assert {"people", "enrollments", "credentials", "audit_log", "outbox"} <= set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            ids = seed_district(conn)
        tess = Viewer.of(ids.person["tess"], ["teacher"])
        assert [p.given_name for p in app.people.list_current_students(tess).items] == ["Ava"]
        first = app.people.list_people(Viewer.of("service:t", ["service"]), page_size=3)
        second = app.people.list_people(Viewer.of("service:t", ["service"]), page_size=3,
                                        page_token=first.next_page_token)
        assert [p.family_name for p in first.items + second.items] == [
            "Adams", "Admin", "Brown", "Clark", "Diaz", "District"]
        app.people.get_person(tess, ids.person["ava"])          # writes one audit row
        for statement in (update(audit_log).values(actor="x"), delete(audit_log)):
            with pytest.raises(DBAPIError, match="append-only"):
                with engine.begin() as conn:
                    conn.execute(statement)
    finally:
        engine.dispose()
        app.close()
