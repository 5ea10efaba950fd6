"""The reporting service's Alembic tree."""
import pathlib

MIGRATIONS_DIR = pathlib.Path(__file__).resolve().parent
