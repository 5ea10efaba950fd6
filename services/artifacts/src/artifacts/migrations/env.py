"""Alembic environment of the artifacts database."""
from artifacts.adapters.orm import metadata
from chassis.migrations import run_env

run_env(metadata)
