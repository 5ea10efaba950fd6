"""Temporary staging tables the validated rows stream into: COPY on PostgreSQL, executemany on SQLite.

Nothing here touches the roster tables; the staging tables vanish with the transaction (PostgreSQL) or are dropped
by :meth:`Staging.drop` (SQLite keeps temp tables per connection).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import Connection

from roster.adapters import orm

CHUNK_ROWS = 20_000

# staging table -> (source table or None, columns in the order rows are added)
STAGED: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "orgs": ("orgs", ("id", "sourced_id", "type", "name", "identifier", "parent_id", "active")),
    "academic_sessions": ("academic_sessions", ("id", "sourced_id", "title", "type", "start_date", "end_date",
                                                "parent_id", "school_year", "active")),
    "courses": ("courses", ("id", "sourced_id", "title", "course_code", "org_id", "school_year_id", "active")),
    "sections": ("sections", ("id", "sourced_id", "title", "class_code", "course_id", "school_id",
                              "school_year_id", "start_date", "end_date", "active")),
    "section_terms": ("section_terms", ("section_id", "session_id")),
    "people": ("people", ("id", "sourced_id", "given_name", "family_name", "email", "username", "identifier",
                          "grade_level", "primary_school_id", "active", "birth_date")),
    "person_roles": ("person_roles", ("person_id", "role", "org_id", "is_primary", "begin_date", "end_date")),
    "enrollments": ("enrollments", ("id", "sourced_id", "section_id", "person_id", "school_id", "role",
                                    "is_primary", "begin_date", "end_date", "active")),
    "guardianships": ("guardianships", ("guardian_id", "student_id", "active")),
    "agents": (None, ("user_id", "agent_id")),
    "primary_schools": (None, ("person_id", "school_id")),
    "birth_dates": (None, ("person_id", "birth_date")),         # demographics.csv, into people.birth_date
}
# lookup keys of the staged tables: SQLite needs them for the diff's joins (PostgreSQL hash-joins without)
INDEXES = {"orgs": "id", "academic_sessions": "id", "courses": "id", "sections": "id",
           "section_terms": "section_id, session_id", "people": "id", "person_roles": "person_id, role, org_id",
           "enrollments": "id", "guardianships": "guardian_id, student_id", "agents": "user_id",
           "primary_schools": "person_id", "birth_dates": "person_id"}


def stage_name(table: str) -> str:
    return f"import_stage_{table}"


def copy_rows(dbapi_connection, table: str, columns: Sequence[str], rows: list[tuple],
              not_null: Sequence[str] = ()) -> None:
    """COPY ``rows`` into ``table`` through psycopg2, as CSV written by the csv module (C speed).

    None becomes NULL; an empty string stays empty in the ``not_null`` columns (FORCE_NOT_NULL).
    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    buffer.seek(0)
    force = f", FORCE_NOT_NULL ({', '.join(not_null)})" if not_null else ""
    with dbapi_connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv{force})", buffer)


def not_null_columns(table: str) -> tuple[str, ...]:
    """Columns of a staging table that never hold NULL (their empty strings must stay empty strings)."""
    source, columns = STAGED[table]
    if source is None:
        return columns
    return tuple(c for c in columns if not orm.metadata.tables[source].c[c].nullable)


class Staging:
    """Buffers rows per staging table and writes them in chunks; ``rows[table]`` counts what was staged."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.postgres = connection.dialect.name == "postgresql"
        self._buffers: dict[str, list[tuple]] = {table: [] for table in STAGED}
        self.rows: dict[str, int] = {table: 0 for table in STAGED}
        # PostgreSQL: one COPY in flight on a helper thread while the main thread parses the next chunk (psycopg2
        # releases the GIL while the server works), so parsing and loading use both cores.
        self._copier = ThreadPoolExecutor(max_workers=1, thread_name_prefix="staging-copy") if self.postgres else None
        self._in_flight: Future | None = None
        self.drop()
        for table, (source, columns) in STAGED.items():
            if source:
                ddl = f"CREATE TEMP TABLE {stage_name(table)} AS SELECT {', '.join(columns)} FROM {source} WHERE 1=0"
            else:
                ddl = f"CREATE TEMP TABLE {stage_name(table)} ({', '.join(c + ' VARCHAR(255)' for c in columns)})"
            connection.exec_driver_sql(ddl)

    def add(self, table: str, row: tuple) -> None:
        buffer = self._buffers[table]
        buffer.append(row)
        if len(buffer) >= CHUNK_ROWS:
            self._write(table)

    def _write(self, table: str) -> None:
        rows = self._buffers[table]
        if not rows:
            return
        columns = STAGED[table][1]
        dbapi = self.connection.connection.dbapi_connection
        if self.postgres:
            self.wait()
            self._in_flight = self._copier.submit(copy_rows, dbapi, stage_name(table), columns, rows,
                                                  not_null_columns(table))
        else:
            marks = ", ".join("?" for _ in columns)
            cursor = dbapi.cursor()
            cursor.executemany(f"INSERT INTO {stage_name(table)} ({', '.join(columns)}) VALUES ({marks})", rows)
            cursor.close()
        self.rows[table] += len(rows)
        self._buffers[table] = []

    def wait(self) -> None:
        """Let the COPY in flight finish (re-raising its error) before anyone else uses the connection."""
        in_flight, self._in_flight = self._in_flight, None
        if in_flight is not None:
            in_flight.result()

    def close(self) -> None:
        """Wait for the COPY in flight (ignoring its error: the import is failing already) and stop the thread."""
        try:
            self.wait()
        except Exception:  # noqa: BLE001 - the original error is the one being raised
            pass
        if self._copier is not None:
            self._copier.shutdown()

    def finish(self) -> None:
        """Write what is buffered, index the lookup columns and refresh planner statistics."""
        for table in STAGED:
            self._write(table)
        self.wait()
        for table, column in INDEXES.items() if not self.postgres else ():   # PostgreSQL hash-joins them
            self.connection.exec_driver_sql(
                f"CREATE INDEX {stage_name(table)}_ix ON {stage_name(table)} ({column})")
        for table in STAGED:
            self.connection.exec_driver_sql(f"ANALYZE {stage_name(table)}")

    def drop(self) -> None:
        self.wait()
        for table in STAGED:
            self.connection.exec_driver_sql(f"DROP TABLE IF EXISTS {stage_name(table)}")


assert set(t for t, _ in STAGED.values() if t) <= set(orm.metadata.tables)
