"""Fixtures of the roster's integration and interface tests: a PostgreSQL database migrated with Alembic and seeded
with the small district of roster_seed.py (the session's, each test's writes rolled back, or one of the test's own
under ``@pytest.mark.own_database``), and a RosterApp over it whose "today" is the seed's TODAY."""
from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from roster_seed import TODAY, seed_district

from chassis.config import service_settings
from chassis.testing.rolled_back import TestDatabase
from roster.bootstrap import RosterApp, build
from roster.config import RosterOptions
from roster.migrations import MIGRATIONS_DIR

# Cheap argon2 parameters keep the tests fast; production defaults are set in RosterOptions.
FAST_ARGON2 = RosterOptions(argon2_time_cost=1, argon2_memory_kib=8192, argon2_parallelism=1)


@pytest.fixture
def roster_database(service_database) -> TestDatabase:
    """The seeded district's database as this test sees it; ``.seeded`` holds the seed's ids."""
    return service_database(MIGRATIONS_DIR, seed=seed_district)


@pytest.fixture
def district_db(roster_database) -> tuple[str, SimpleNamespace]:
    """(URL, ids) of a seeded database of this test's own, for other processes and servers (``own_database``)."""
    return roster_database.own_url(), roster_database.seeded


@pytest.fixture
def ids(roster_database) -> SimpleNamespace:
    return roster_database.seeded


@pytest.fixture
def app(roster_database) -> Iterator[RosterApp]:
    roster = roster_database.adopt(build(service_settings("roster", database_url=roster_database.url,
                                                          db_pool_size=4), FAST_ARGON2, clock=lambda: TODAY))
    yield roster
    roster.close()
