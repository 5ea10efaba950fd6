"""Fixtures of the artifacts tests: a fresh migrated PostgreSQL database, an ArtifactsApp on a fixed clock over it
with a replica in which a teacher currently teaches a student, and readers of the outbox and audit log."""
from __future__ import annotations

from typing import Iterator

import pytest
from sqlalchemy import create_engine, select

from chassis.config import service_settings
from chassis.events import Envelope
from chassis.migrations import upgrade
from artifacts.adapters.orm import audit_log, outbox
from artifacts.bootstrap import ArtifactsApp, build
from artifacts.migrations import MIGRATIONS_DIR
from artifacts.service_layer.replication import apply_roster_event
from artifacts_fixtures import Clock, roster_world


@pytest.fixture
def artifacts_db(fresh_pg_database_url) -> str:
    upgrade(MIGRATIONS_DIR, fresh_pg_database_url)
    return fresh_pg_database_url


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def app(artifacts_db, clock) -> Iterator[ArtifactsApp]:
    artifacts_app = build(service_settings("artifacts", database_url=artifacts_db, db_pool_size=2), clock=clock)
    yield artifacts_app
    artifacts_app.close()


@pytest.fixture
def world(app) -> None:
    """The roster replica fed (through the same code the worker runs) with :func:`roster_world`."""
    for envelope in roster_world():
        assert apply_roster_event(app.unit_of_work, f"test.{envelope.type}", envelope)


class Tables:
    """Reads of the outbox and the audit log, for assertions."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)

    def envelopes(self) -> list[Envelope]:
        with self.engine.connect() as conn:
            return [Envelope.from_json(row.body) for row in conn.execute(select(outbox).order_by(outbox.c.id))]

    def audit(self) -> list:
        with self.engine.connect() as conn:
            return conn.execute(select(audit_log).order_by(audit_log.c.id)).all()


@pytest.fixture
def tables(artifacts_db) -> Iterator[Tables]:
    t = Tables(artifacts_db)
    yield t
    t.engine.dispose()
