"""Shadow copies of the read models for a rebuild (PostgreSQL): empty tables in schema ``reporting_rebuild`` built
while the live ones keep serving, a session factory writing there, and the atomic swap (one transaction moves
the live tables aside and the rebuilt ones in; readers see the old models or the new, never a mix)."""
from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.orm import sessionmaker

from chassis.db import is_postgres
from reporting.adapters.orm import READ_MODELS, metadata

SHADOW, RETIRED = "reporting_rebuild", "reporting_retired"


def create(engine: Engine) -> None:
    """Fresh, empty shadow tables shaped like the live ones (any earlier unfinished rebuild is discarded)."""
    if not is_postgres(engine):
        raise RuntimeError("rebuild needs PostgreSQL (the embedded SQLite default rebuilds by deleting "
                           "var/reporting.db, migrating, and replaying)")
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {SHADOW} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {SHADOW}"))
    # From the model (which the migrations equal: the schema-drift test), so constraint and index names match.
    metadata.create_all(engine.execution_options(schema_translate_map={None: SHADOW}), tables=list(READ_MODELS))


def sessions(engine: Engine) -> sessionmaker:
    """Sessions whose (schema-less) tables resolve to the shadow copies."""
    return sessionmaker(bind=engine.execution_options(schema_translate_map={None: SHADOW}), expire_on_commit=False,
                        autoflush=False)


def swap(engine: Engine) -> None:
    """Move the rebuilt tables in and the live ones out, in one transaction, then drop the old ones."""
    names = ", ".join(f'public."{t.name}"' for t in READ_MODELS)
    with engine.begin() as connection:
        connection.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))
        connection.execute(text(f"DROP SCHEMA IF EXISTS {RETIRED} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {RETIRED}"))
        for table in READ_MODELS:
            connection.execute(text(f'ALTER TABLE public."{table.name}" SET SCHEMA {RETIRED}'))
            connection.execute(text(f'ALTER TABLE {SHADOW}."{table.name}" SET SCHEMA public'))
        connection.execute(text(f"DROP SCHEMA {SHADOW}"))
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {RETIRED} CASCADE"))


def discard(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {SHADOW} CASCADE"))
