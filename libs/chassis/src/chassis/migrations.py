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
