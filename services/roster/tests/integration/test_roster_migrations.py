"""The Alembic tree is the schema: at head it matches adapters/orm.py exactly, and it downgrades cleanly."""
from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from chassis.migrations import alembic_config, upgrade
from roster.adapters.orm import metadata
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration


def test_head_matches_the_models_and_downgrades(fresh_pg_database_url):
    upgrade(MIGRATIONS_DIR, fresh_pg_database_url)
    engine = create_engine(fresh_pg_database_url)
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        command.downgrade(alembic_config(MIGRATIONS_DIR, fresh_pg_database_url), "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    finally:
        engine.dispose()
