"""The reflections metadata (with its naming convention) and key types that orm.py and goal_tables.py build on."""
from __future__ import annotations

from sqlalchemy import MetaData, String

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s",
})
Id = String(36)
Key = String(64)
