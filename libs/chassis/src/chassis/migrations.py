"""Alembic helpers: one migration tree per service, run programmatically (never ``create_all`` outside unit tests)."""
from __future__ import annotations

import pathlib

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData

from chassis.db import make_engine, normalise_url


def alembic_config(migrations_dir: pathlib.Path, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("sqlalchemy.url", normalise_url(database_url).replace("%", "%%"))
    return config


def upgrade(migrations_dir: pathlib.Path, database_url: str, revision: str = "head") -> None:
    """Bring the service database at ``database_url`` to ``revision``."""
    command.upgrade(alembic_config(migrations_dir, database_url), revision)


def run_env(target_metadata: MetaData) -> None:
    """Body of each service's ``migrations/env.py`` (online mode; batch mode so SQLite can alter tables)."""
    url = context.config.get_main_option("sqlalchemy.url")
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def schema_drift(migrations_dir: pathlib.Path, metadata: MetaData, database_url: str) -> list:
    """Upgrade to head, then list how the database differs from ``metadata`` (empty: the migrations are the model)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    upgrade(migrations_dir, database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            return compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        engine.dispose()


def tables_after_downgrade(migrations_dir: pathlib.Path, database_url: str) -> set[str]:
    """Downgrade to base and return the tables left (only ``alembic_version`` when every downgrade is complete)."""
    from sqlalchemy import inspect
    command.downgrade(alembic_config(migrations_dir, database_url), "base")
    engine = make_engine(database_url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
