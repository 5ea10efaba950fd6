"""pytest plugin (``pytest_plugins = ["chassis.testing.fixtures"]``): real infrastructure, isolated per run or test."""
from __future__ import annotations

import contextlib
import os
import pathlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from chassis.db import make_engine
from chassis.migrations import upgrade
from chassis.testing import infra
from chassis.testing.rolled_back import TestDatabase, committing, rolled_back

Seed = Callable[[Any], Any]     # seed(connection) -> ids, run once in a new database and committed


@pytest.fixture(scope="session")
def _containers():
    """PostgreSQL, RabbitMQ and MinIO through testcontainers, only where a Docker engine answers."""
    if not infra.docker_available():
        yield None
        return
    from testcontainers.minio import MinioContainer
    from testcontainers.postgres import PostgresContainer
    from testcontainers.rabbitmq import RabbitMqContainer
    with PostgresContainer("postgres:15", driver="psycopg2") as pg, \
            RabbitMqContainer("rabbitmq:3.13-management") as rabbit, MinioContainer() as minio:
        yield {"pg": pg, "rabbit": rabbit, "minio": minio}


@pytest.fixture(scope="session")
def pg_admin_url(_containers) -> str:
    if _containers:
        return _containers["pg"].get_connection_url()
    return infra.PG_ADMIN_URL


@pytest.fixture(scope="session")
def amqp_base_url(_containers) -> str:
    if _containers:
        rabbit = _containers["rabbit"]
        host, port = rabbit.get_container_host_ip(), rabbit.get_exposed_port(5672)
        os.environ["TEST_RABBIT_API"] = f"http://guest:guest@{host}:{rabbit.get_exposed_port(15672)}/api"
        infra.RABBIT_API = os.environ["TEST_RABBIT_API"]
        return f"amqp://guest:guest@{host}:{port}/"
    return infra.AMQP_URL


@pytest.fixture(scope="session")
def pg_database_url(pg_admin_url) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for this test session."""
    url = infra.create_database(pg_admin_url)
    yield url
    infra.drop_database(url, pg_admin_url)


@pytest.fixture
def fresh_pg_database_url(pg_admin_url) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    url = infra.create_database(pg_admin_url)
    yield url
    infra.drop_database(url, pg_admin_url)


@pytest.fixture(scope="session")
def migrated_template(pg_admin_url) -> Iterator[Callable[[pathlib.Path], str]]:
    """migrations directory -> the name of a database migrated to head once per session (per xdist worker)."""
    urls: dict[pathlib.Path, str] = {}

    def template(migrations: pathlib.Path) -> str:
        if migrations not in urls:
            urls[migrations] = infra.create_database(pg_admin_url, prefix="sftemplate")
            upgrade(migrations, urls[migrations])
        return make_url(urls[migrations]).database

    yield template
    for url in urls.values():
        infra.drop_database(url, pg_admin_url)


@pytest.fixture
def migrated_database(pg_admin_url, migrated_template) -> Iterator[Callable[[pathlib.Path], str]]:
    """``migrated_database(MIGRATIONS_DIR)``: the URL of a fresh database of this test's own, at the migrations'
    head: a copy (``CREATE DATABASE ... TEMPLATE``) of one migrated once per session, so no test pays for every
    migration. Dropped after the test."""
    urls: list[str] = []

    def make(migrations: pathlib.Path) -> str:
        urls.append(infra.create_database(pg_admin_url, template=migrated_template(migrations)))
        return urls[-1]

    yield make
    for url in urls:
        infra.drop_database(url, pg_admin_url)


@pytest.fixture(scope="session")
def shared_databases(pg_admin_url, migrated_template) -> Iterator[Callable[..., tuple[str, Any, Any]]]:
    """``shared(MIGRATIONS_DIR, seed=None)`` -> (url, engine, seeded): this session's (xdist worker's) one database
    per migrations tree and seed, migrated once and seeded once; tests see it through :func:`service_database`."""
    made: dict[tuple[pathlib.Path, Seed | None], tuple[str, Any, Any]] = {}

    def shared(migrations: pathlib.Path, seed: Seed | None = None) -> tuple[str, Any, Any]:
        if (migrations, seed) not in made:
            url = infra.create_database(pg_admin_url, prefix="sfshared", template=migrated_template(migrations))
            engine = make_engine(url, pool_size=2)
            made[migrations, seed] = (url, engine, _seed(engine, seed))
        return made[migrations, seed]

    yield shared
    for url, engine, _ in made.values():
        engine.dispose()
        infra.drop_database(url, pg_admin_url)


def _seed(engine, seed: Seed | None) -> Any:
    if seed is None:
        return None
    with engine.begin() as connection:
        return seed(connection)


@pytest.fixture
def service_database(request, pg_admin_url, migrated_template, shared_databases) -> Iterator[Callable[..., TestDatabase]]:
    """``service_database(MIGRATIONS_DIR, seed=None)``: a :class:`~chassis.testing.rolled_back.TestDatabase` at the
    migrations' head (and seeded). By default the session's shared database, every write of the test rolled back
    with the transaction its sessions join through SAVEPOINTs. A test marked ``@pytest.mark.own_database`` (another
    process, thread or connection must see its commits: a worker, the relay, LISTEN/NOTIFY, advisory locks, an
    importer with its own transactions) gets a fresh copy of its own that really commits, dropped afterwards."""
    own = request.node.get_closest_marker("own_database") is not None
    with contextlib.ExitStack() as stack:
        def database(migrations: pathlib.Path, seed: Seed | None = None) -> TestDatabase:
            if not own:
                return stack.enter_context(rolled_back(*shared_databases(migrations, seed)))
            return _own_database(stack, pg_admin_url, migrated_template(migrations), seed)
        yield database


@pytest.fixture(scope="module")
def module_database(pg_admin_url, migrated_template) -> Iterator[Callable[..., TestDatabase]]:
    """``module_database(MIGRATIONS_DIR, seed=None)``: a committing database of a test module's own (a server
    started once per module over it), dropped after the module."""
    with contextlib.ExitStack() as stack:
        yield lambda migrations, seed=None: _own_database(stack, pg_admin_url, migrated_template(migrations), seed)


def _own_database(stack: contextlib.ExitStack, pg_admin_url: str, template: str, seed: Seed | None) -> TestDatabase:
    url = infra.create_database(pg_admin_url, template=template)
    stack.callback(infra.drop_database, url, pg_admin_url)
    engine = make_engine(url, pool_size=4)
    stack.callback(engine.dispose)
    return stack.enter_context(committing(url, engine, _seed(engine, seed)))


@pytest.fixture(scope="session")
def amqp_url(amqp_base_url) -> Iterator[str]:
    """A fresh RabbitMQ vhost for this test session."""
    url = infra.create_vhost(amqp_base_url)
    yield url
    infra.delete_vhost(url)


@pytest.fixture
def fresh_amqp_url(amqp_base_url) -> Iterator[str]:
    """A fresh RabbitMQ vhost for one test."""
    url = infra.create_vhost(amqp_base_url)
    yield url
    infra.delete_vhost(url)


@pytest.fixture(scope="session")
def s3_endpoint(_containers) -> Iterator[infra.S3Endpoint]:
    """A real S3 endpoint: MinIO in a container where Docker runs, else moto's server mode."""
    if _containers:
        minio = _containers["minio"]
        config = minio.get_config()
        yield infra.S3Endpoint(config["endpoint"], config["access_key"], config["secret_key"], kind="minio")
        return
    endpoint, proc = infra.start_moto_server()
    yield endpoint
    proc.terminate()
    proc.wait(timeout=10)
