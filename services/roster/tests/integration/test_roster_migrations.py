"""The Alembic tree is the schema: at head it matches adapters/orm.py exactly, and it downgrades cleanly."""
from __future__ import annotations

import pytest

from chassis.migrations import schema_drift, tables_after_downgrade
from roster.adapters.orm import metadata
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration


def test_head_matches_the_models_and_downgrades(fresh_pg_database_url):
    assert schema_drift(MIGRATIONS_DIR, metadata, fresh_pg_database_url) == []
    assert tables_after_downgrade(MIGRATIONS_DIR, fresh_pg_database_url) == {"alembic_version"}
