"""Alembic environment of the reflections database."""
from chassis.migrations import run_env
from reflections.adapters.orm import metadata

run_env(metadata)
