"""Fixtures of the skills tests: a migrated PostgreSQL database (the session's, rolled back after each test, or one
of the test's own under ``@pytest.mark.own_database``), and a SkillsApp over it."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from chassis.config import service_settings
from chassis.testing.records import ServiceRecords
from chassis.testing.rolled_back import TestDatabase
from skills.adapters.orm import audit_log, outbox
from skills.bootstrap import SkillsApp, build
from skills.migrations import MIGRATIONS_DIR


@pytest.fixture
def skills_database(service_database) -> TestDatabase:
    return service_database(MIGRATIONS_DIR)


@pytest.fixture
def skills_db(skills_database) -> str:
    """The URL of a database of this test's own at the migrations' head (``@pytest.mark.own_database``)."""
    return skills_database.own_url()


@pytest.fixture
def app(skills_database) -> Iterator[SkillsApp]:
    skills_app = skills_database.adopt(build(service_settings("skills", database_url=skills_database.url,
                                                              db_pool_size=2)))
    yield skills_app
    skills_app.close()


@pytest.fixture
def tables(skills_database) -> Iterator[ServiceRecords]:
    """The outbox envelopes and audit rows the skills service recorded."""
    records = ServiceRecords(skills_database, outbox, audit_log)
    yield records
    records.dispose()
