"""Fixtures of the reflections tests: a migrated PostgreSQL database (the session's, rolled back after each
test, or one of the test's own under ``@pytest.mark.own_database``), a ReflectionsApp on a fixed clock over
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
from chassis.testing.rolled_back import TestDatabase
from reflections.adapters.orm import audit_log, outbox
from reflections.bootstrap import ReflectionsApp, build
from reflections.migrations import MIGRATIONS_DIR
from reflections.service_layer import subscriptions as reflections_subscriptions


@pytest.fixture
def reflections_database(service_database) -> TestDatabase:
    """The session's migrated database, this test's writes rolled back (or one of its own: ``own_database``)."""
    return service_database(MIGRATIONS_DIR)


@pytest.fixture
def reflections_db(reflections_database) -> str:
    """The URL of a database of this test's own at the migrations' head (``@pytest.mark.own_database``)."""
    return reflections_database.own_url()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def platform(request, tmp_path) -> PlatformSettings:
    """The embedded default's filesystem store under ``tmp_path``, or moto S3 in modules marked ``on_each_store``."""
    return media_platform(request, tmp_path, MEDIA_SECRET)


@pytest.fixture
def app(reflections_database, clock, platform) -> Iterator[ReflectionsApp]:
    reflections_app = reflections_database.adopt(build(
        service_settings("reflections", database_url=reflections_database.url, db_pool_size=2), clock=clock,
        platform=platform))
    yield reflections_app
    reflections_app.close()


@pytest.fixture
def world(app) -> None:
    """The replicas fed (through the same code the worker runs) with :func:`world_events`."""
    for envelope in world_events():
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")


@pytest.fixture
def tables(reflections_database) -> Iterator[ServiceRecords]:
    """The outbox envelopes and audit rows the reflections service recorded."""
    records = ServiceRecords(reflections_database, outbox, audit_log)
    yield records
    records.dispose()
