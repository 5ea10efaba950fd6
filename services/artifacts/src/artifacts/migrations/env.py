"""Alembic environment of the artifacts database."""
from artifacts.adapters import capture_tables, showcase_tables  # noqa: F401 (their tables are in the same metadata)
from artifacts.adapters.orm import metadata
from chassis.migrations import run_env

run_env(metadata)
