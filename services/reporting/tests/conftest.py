"""Fixtures of the reporting tests: a PostgreSQL database migrated with Alembic (the session's, rolled back after
each test, or one of the test's own under ``@pytest.mark.own_database``), and a ReportingApp over it."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from chassis.config import service_settings
from chassis.testing.rolled_back import TestDatabase
from reporting.bootstrap import ReportingApp, build
from reporting.config import ReportingOptions
from reporting.migrations import MIGRATIONS_DIR


@pytest.fixture
def reporting_database(service_database) -> TestDatabase:
    """The session's migrated database, this test's writes rolled back (or one of its own: ``own_database``)."""
    return service_database(MIGRATIONS_DIR)


@pytest.fixture
def reporting_db(reporting_database) -> str:
    """The URL of a database of this test's own at the migrations' head (``@pytest.mark.own_database``)."""
    return reporting_database.own_url()


@pytest.fixture
def app(reporting_database) -> Iterator[ReportingApp]:
    reporting_app = reporting_database.adopt(build(
        service_settings("reporting", database_url=reporting_database.url, db_pool_size=2),
        ReportingOptions(min_cell=5)))
    yield reporting_app
    reporting_app.close()
