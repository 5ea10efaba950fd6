"""Alembic environment of the reporting database."""
from chassis.migrations import run_env
from reporting.adapters.orm import metadata

run_env(metadata)
