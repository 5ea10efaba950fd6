"""Fixtures of the notifications tests beyond the mail package's: a PostgreSQL database migrated with Alembic (the
session's, rolled back after each test, or one of the test's own under ``@pytest.mark.own_database``), a
NotificationsApp over it, and a real aiosmtpd sink (the platform's MailSink) on a free port."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from notifications.bootstrap import NotificationsApp, build
from notifications.config import NotificationsOptions
from notifications.mail import Mailbox, MailSink
from notifications.migrations import MIGRATIONS_DIR

from chassis.config import service_settings
from chassis.testing.infra import free_port
from chassis.testing.rolled_back import TestDatabase


@pytest.fixture
def notifications_database(service_database) -> TestDatabase:
    """The session's migrated database, this test's writes rolled back (or one of its own: ``own_database``)."""
    return service_database(MIGRATIONS_DIR)


@pytest.fixture
def notifications_db(notifications_database) -> str:
    """The URL of a database of this test's own at the migrations' head (``@pytest.mark.own_database``)."""
    return notifications_database.own_url()


@pytest.fixture
def sink_port() -> int:
    return free_port()


@pytest.fixture
def mail_sink(tmp_path, sink_port) -> Iterator[tuple[MailSink, Mailbox]]:
    sink = MailSink(tmp_path / "mail", "127.0.0.1", sink_port).start()
    yield sink, Mailbox(tmp_path / "mail")
    try:
        sink.stop()
    except AssertionError:              # the test stopped it already (SMTP down)
        pass


@pytest.fixture
def notifications_app(notifications_database, sink_port) -> Iterator[NotificationsApp]:
    options = NotificationsOptions(smtp_port=sink_port, smtp_timeout_seconds=5, time_zone="America/Kentucky/Louisville",
                                   instant_delay_seconds=0, retry_max_attempts=3, retry_base_seconds=60,
                                   retry_cap_seconds=600, bounce_threshold=2, base_url="https://app.example.org",
                                   from_address="noreply@jcps.example.org",
                                   unsubscribe_secret="test-unsubscribe-secret-0123456789")
    app = notifications_database.adopt(build(service_settings(
        "notifications", database_url=notifications_database.url, db_pool_size=2), options))
    yield app
    app.close()
