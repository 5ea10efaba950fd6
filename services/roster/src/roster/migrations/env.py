"""Alembic environment of the roster database."""
from chassis.migrations import run_env
from roster.adapters.orm import metadata

run_env(metadata)
