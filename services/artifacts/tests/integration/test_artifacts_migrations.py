"""The Alembic tree is the schema (PostgreSQL, with the full-text index), and the embedded default runs it on SQLite
with the same code (title search falls back to a case-insensitive LIKE there)."""
from __future__ import annotations

import pytest
from artifacts_fixtures import STUDENT, STUDENT_ID, TEACHER, Clock, link, roster_world
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import DBAPIError

from artifacts.adapters.orm import metadata
from artifacts.adapters.repository import PortfolioFilter
from artifacts.bootstrap import build
from artifacts.migrations import MIGRATIONS_DIR
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.config import service_settings
from chassis.messaging.subscriptions import consume
from chassis.migrations import schema_drift, tables_after_downgrade, upgrade

pytestmark = pytest.mark.integration


def test_head_matches_the_models_and_downgrades(fresh_pg_database_url):
    drift = schema_drift(MIGRATIONS_DIR, metadata, fresh_pg_database_url)
    # alembic cannot compare expression indexes; the full-text one is checked by name below
    assert [d for d in drift if not (d[0] == "remove_index" and d[1].name == "ix_artifacts_title_fts")] == []
    engine = create_engine(fresh_pg_database_url)
    try:
        assert "ix_artifacts_title_fts" in {i["name"] for i in inspect(engine).get_indexes("artifacts")}
    finally:
        engine.dispose()
    assert tables_after_downgrade(MIGRATIONS_DIR, fresh_pg_database_url) == {"alembic_version"}


def test_migrations_and_use_cases_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'var' / 'artifacts.db'}"
    app = build(service_settings("artifacts", database_url=url), clock=Clock())
    upgrade(MIGRATIONS_DIR, url)
    upgrade(MIGRATIONS_DIR, url)                      # idempotent
    engine = create_engine(url)
    try:
        for envelope in roster_world():
            consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
        app.commands.create(STUDENT, link("Recycling 100% survey"))
        app.commands.create(TEACHER, link("Volcano"))
        found = app.queries.portfolio(TEACHER, PortfolioFilter(student_id=STUDENT_ID, title_query="RECYCLING 100%"))
        assert [a.title for a in found.items] == ["Recycling 100% survey"]
        assert [a.title for a in app.queries.portfolio(STUDENT, PortfolioFilter(
            student_id=STUDENT_ID, title_query="_")).items] == []      # LIKE wildcards are escaped
        first = app.queries.portfolio(STUDENT, PortfolioFilter(student_id=STUDENT_ID), 1)
        second = app.queries.portfolio(STUDENT, PortfolioFilter(student_id=STUDENT_ID), 1, first.next_page_token)
        assert [a.title for a in first.items + second.items] == ["Volcano", "Recycling 100% survey"]
        assert second.next_page_token == ""
        with engine.begin() as conn, pytest.raises(DBAPIError, match="append-only"):
            conn.execute(text("DELETE FROM audit_log"))
    finally:
        app.close()
        engine.dispose()
