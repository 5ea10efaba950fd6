"""Fixtures of the artifacts tests: a migrated PostgreSQL database (the session's, rolled back after each
test, or one of the test's own under ``@pytest.mark.own_database``), an ArtifactsApp on a fixed clock over it
with a replica in which a teacher currently teaches a student, and readers of the outbox and audit log."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from artifacts_fixtures import MEDIA_SECRET, Clock, roster_world

from artifacts.adapters.orm import audit_log, outbox
from artifacts.bootstrap import ArtifactsApp, build
from artifacts.migrations import MIGRATIONS_DIR
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.config import PlatformSettings, service_settings
from chassis.messaging.subscriptions import consume
from chassis.testing.media import media_platform
from chassis.testing.records import ServiceRecords
from chassis.testing.rolled_back import TestDatabase


@pytest.fixture
def artifacts_database(service_database) -> TestDatabase:
    """The session's migrated database, this test's writes rolled back (or one of its own: ``own_database``)."""
    return service_database(MIGRATIONS_DIR)


@pytest.fixture
def artifacts_db(artifacts_database) -> str:
    """The URL of a database of this test's own at the migrations' head (``@pytest.mark.own_database``)."""
    return artifacts_database.own_url()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def platform(request, tmp_path) -> PlatformSettings:
    """The embedded default's filesystem store under ``tmp_path``, or moto S3 in modules marked ``on_each_store``."""
    return media_platform(request, tmp_path, MEDIA_SECRET)


@pytest.fixture
def app(artifacts_database, clock, platform) -> Iterator[ArtifactsApp]:
    artifacts_app = artifacts_database.adopt(build(
        service_settings("artifacts", database_url=artifacts_database.url, db_pool_size=2), clock=clock,
        platform=platform))
    yield artifacts_app
    artifacts_app.close()


@pytest.fixture
def world(app) -> None:
    """The roster replica fed (through the same code the worker runs) with :func:`roster_world`."""
    for envelope in roster_world():
        assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")


@pytest.fixture
def tables(artifacts_database) -> Iterator[ServiceRecords]:
    """The outbox envelopes and audit rows the artifacts service recorded."""
    records = ServiceRecords(artifacts_database, outbox, audit_log)
    yield records
    records.dispose()
