"""Alembic migration tree of the roster service."""
import pathlib

MIGRATIONS_DIR = pathlib.Path(__file__).parent
