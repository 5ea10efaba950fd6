"""The Alembic tree is the schema, downgrades completely, and runs on SQLite for the embedded default."""
from __future__ import annotations

import pytest

from chassis.config import service_settings
from chassis.migrations import schema_drift, tables_after_downgrade, upgrade
from reflections.adapters.orm import metadata
from reflections.bootstrap import build
from reflections.migrations import MIGRATIONS_DIR
from reflections.service_layer.replication import apply_event
from reflections_fixtures import ART, STUDENT, Clock, world_events

pytestmark = pytest.mark.integration


def test_head_matches_the_models_and_downgrades(fresh_pg_database_url):
    assert schema_drift(MIGRATIONS_DIR, metadata, fresh_pg_database_url) == []
    assert tables_after_downgrade(MIGRATIONS_DIR, fresh_pg_database_url) == {"alembic_version"}


def test_migrations_and_use_cases_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'reflections.db'}"
    upgrade(MIGRATIONS_DIR, url)
    upgrade(MIGRATIONS_DIR, url)                       # idempotent
    app = build(service_settings("reflections", database_url=url), clock=Clock())
    try:
        for envelope in world_events():
            apply_event(app.unit_of_work, f"test.{envelope.type}", envelope)
        reflection = app.commands.add_reflection(STUDENT, ART, "On SQLite too.")
        app.commands.edit_reflection(STUDENT, reflection.id, "Edited on SQLite.")
        assert [r.current_revision for r in app.queries.discussion(STUDENT, ART).reflections] == [2]
    finally:
        app.close()
