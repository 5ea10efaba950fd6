"""Fixtures of the reflections tests: a fresh migrated PostgreSQL database, a ReflectionsApp on a fixed clock over
it (audio/video in a filesystem blob store unless a test module's ``platform`` says otherwise), replicas fed with
the roster world and Ana's artifacts, and readers of the outbox and audit log."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from reflections_fixtures import MEDIA_SECRET, Clock, world_events

from chassis.config import PlatformSettings, service_settings
from chassis.messaging.subscriptions import consume
from chassis.testing.media import media_platform
from chassis.testing.records import ServiceRecords
from reflections.adapters.orm import audit_log, outbox
from reflections.bootstrap import ReflectionsApp, build
from reflections.migrations import MIGRATIONS_DIR
from reflections.service_layer import subscriptions as reflections_subscriptions


@pytest.fixture
def reflections_db(migrated_database) -> str:
    """A database of this test's own at the migrations' head."""
    return migrated_database(MIGRATIONS_DIR)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def platform(request, tmp_path) -> PlatformSettings:
    """The embedded default's filesystem store under ``tmp_path``, or moto S3 in modules marked ``on_each_store``."""
    return media_platform(request, tmp_path, MEDIA_SECRET)


@pytest.fixture
def app(reflections_db, clock, platform) -> Iterator[ReflectionsApp]:
    reflections_app = build(service_settings("reflections", database_url=reflections_db, db_pool_size=2),
                            clock=clock, platform=platform)
    yield reflections_app
    reflections_app.close()


@pytest.fixture
def world(app) -> None:
    """The replicas fed (through the same code the worker runs) with :func:`world_events`."""
    for envelope in world_events():
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")


@pytest.fixture
def tables(reflections_db) -> Iterator[ServiceRecords]:
    """The outbox envelopes and audit rows the reflections service recorded."""
    records = ServiceRecords(reflections_db, outbox, audit_log)
    yield records
    records.dispose()
