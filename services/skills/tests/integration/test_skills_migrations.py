"""The Alembic tree is the schema (PostgreSQL), and the embedded default runs it on SQLite with the same code."""
from __future__ import annotations

import pytest
from skills_fixtures import TEACHER
from sqlalchemy import create_engine, delete, text
from sqlalchemy.exc import DBAPIError

from chassis.config import service_settings
from chassis.migrations import schema_drift, tables_after_downgrade, upgrade
from skills.adapters.orm import audit_log, metadata
from skills.bootstrap import build
from skills.demo import DEMO_FILE
from skills.entrypoints.cli import OPERATOR
from skills.migrations import MIGRATIONS_DIR
from skills.service_layer.loader import load_file

pytestmark = pytest.mark.integration


def test_head_matches_the_models_and_downgrades(fresh_pg_database_url):
    assert schema_drift(MIGRATIONS_DIR, metadata, fresh_pg_database_url) == []
    assert tables_after_downgrade(MIGRATIONS_DIR, fresh_pg_database_url) == {"alembic_version"}


def test_migrations_and_demo_load_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'var' / 'skills.db'}"
    app = build(service_settings("skills", database_url=url))
    upgrade(MIGRATIONS_DIR, url)
    upgrade(MIGRATIONS_DIR, url)                      # idempotent
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            default = conn.execute(text("SELECT dflt_value FROM pragma_table_info('skills') "
                                        "WHERE name = 'updated_at'")).scalar()
        assert "CURRENT_TIMESTAMP" in default.upper()  # sa.func.now() rendered for SQLite, not a literal now()
        assert load_file(app.unit_of_work, OPERATOR, DEMO_FILE).events == 8
        assert load_file(app.unit_of_work, OPERATOR, DEMO_FILE).events == 0
        assert len(app.queries.list_skills(TEACHER, "demo", page_size=3).items) == 3
        with engine.begin() as conn, pytest.raises(DBAPIError, match="append-only"):
            conn.execute(delete(audit_log))
    finally:
        app.close()
        engine.dispose()
