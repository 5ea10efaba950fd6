"""pytest plugin (``pytest_plugins = ["chassis.testing.fixtures"]``): real infrastructure, isolated per run or test."""
from __future__ import annotations

import os
import pathlib
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy.engine import make_url

from chassis.migrations import upgrade
from chassis.testing import infra


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
