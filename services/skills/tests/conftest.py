"""Fixtures of the skills tests: a fresh PostgreSQL database migrated with Alembic, and a SkillsApp over it."""
from __future__ import annotations

from typing import Iterator

import pytest
from sqlalchemy import create_engine, select

from chassis.config import service_settings
from chassis.events import Envelope
from chassis.migrations import upgrade
from skills.adapters.orm import audit_log, outbox
from skills.bootstrap import SkillsApp, build
from skills.migrations import MIGRATIONS_DIR


@pytest.fixture
def skills_db(fresh_pg_database_url) -> str:
    upgrade(MIGRATIONS_DIR, fresh_pg_database_url)
    return fresh_pg_database_url


@pytest.fixture
def app(skills_db) -> Iterator[SkillsApp]:
    skills_app = build(service_settings("skills", database_url=skills_db, db_pool_size=2))
    yield skills_app
    skills_app.close()


class Tables:
    """Reads of the outbox and the audit log, for assertions."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)

    def envelopes(self) -> list[Envelope]:
        with self.engine.connect() as conn:
            return [Envelope.from_json(row.body) for row in conn.execute(select(outbox).order_by(outbox.c.id))]

    def event_types(self) -> list[str]:
        return [e.type for e in self.envelopes()]

    def audit(self) -> list:
        with self.engine.connect() as conn:
            return conn.execute(select(audit_log).order_by(audit_log.c.id)).all()


@pytest.fixture
def tables(skills_db) -> Iterator[Tables]:
    t = Tables(skills_db)
    yield t
    t.engine.dispose()
