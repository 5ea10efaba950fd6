"""Fixtures of the reporting tests: a fresh PostgreSQL database migrated with Alembic, and a ReportingApp over it."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from chassis.config import service_settings
from reporting.bootstrap import ReportingApp, build
from reporting.config import ReportingOptions
from reporting.migrations import MIGRATIONS_DIR


@pytest.fixture
def reporting_db(migrated_database) -> str:
    """A database of this test's own at the migrations' head."""
    return migrated_database(MIGRATIONS_DIR)


@pytest.fixture
def app(reporting_db) -> Iterator[ReportingApp]:
    reporting_app = build(service_settings("reporting", database_url=reporting_db, db_pool_size=2),
                          ReportingOptions(min_cell=5))
    yield reporting_app
    reporting_app.close()
