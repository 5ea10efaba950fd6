"""Alembic environment of the skills database."""
from chassis.migrations import run_env
from skills.adapters.orm import metadata

run_env(metadata)
