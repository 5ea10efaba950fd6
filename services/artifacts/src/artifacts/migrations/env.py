"""Alembic environment of the artifacts database."""
from chassis.migrations import run_env
from artifacts.adapters.orm import metadata

run_env(metadata)
