"""Fixtures of the roster's integration and interface tests: a fresh PostgreSQL database migrated with Alembic and
seeded with the small district of roster_seed.py, and a RosterApp over it whose "today" is the seed's TODAY."""
from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from roster_seed import TODAY, seed_district
from sqlalchemy import create_engine

from chassis.config import service_settings
from chassis.testing import infra
from roster.bootstrap import RosterApp, build
from roster.config import RosterOptions
from roster.migrations import MIGRATIONS_DIR

# Cheap argon2 parameters keep the tests fast; production defaults are set in RosterOptions.
FAST_ARGON2 = RosterOptions(argon2_time_cost=1, argon2_memory_kib=8192, argon2_parallelism=1)


@pytest.fixture(scope="module")
def district_db(pg_admin_url, migrated_template) -> Iterator[tuple[str, SimpleNamespace]]:
    """(database URL, ids) of a migrated database holding the seeded district; one per test module."""
    url = infra.create_database(pg_admin_url, prefix="sfroster", template=migrated_template(MIGRATIONS_DIR))
    engine = create_engine(url)
    with engine.begin() as conn:
        ids = seed_district(conn)
    engine.dispose()
    yield url, ids
    infra.drop_database(url, pg_admin_url)


@pytest.fixture(scope="module")
def ids(district_db) -> SimpleNamespace:
    return district_db[1]


@pytest.fixture(scope="module")
def app(district_db) -> Iterator[RosterApp]:
    roster = build(service_settings("roster", database_url=district_db[0], db_pool_size=4), FAST_ARGON2,
                   clock=lambda: TODAY)
    yield roster
    roster.close()
