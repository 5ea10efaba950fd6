"""Fixtures of the skills tests: a fresh PostgreSQL database migrated with Alembic, and a SkillsApp over it."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from chassis.config import service_settings
from chassis.testing.records import ServiceRecords
from skills.adapters.orm import audit_log, outbox
from skills.bootstrap import SkillsApp, build
from skills.migrations import MIGRATIONS_DIR


@pytest.fixture
def skills_db(migrated_database) -> str:
    """A database of this test's own at the migrations' head."""
    return migrated_database(MIGRATIONS_DIR)


@pytest.fixture
def app(skills_db) -> Iterator[SkillsApp]:
    skills_app = build(service_settings("skills", database_url=skills_db, db_pool_size=2))
    yield skills_app
    skills_app.close()


@pytest.fixture
def tables(skills_db) -> Iterator[ServiceRecords]:
    """The outbox envelopes and audit rows the skills service recorded."""
    records = ServiceRecords(skills_db, outbox, audit_log)
    yield records
    records.dispose()
