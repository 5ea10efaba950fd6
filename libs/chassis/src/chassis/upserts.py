"""Set-based upserts for the events workers' batch paths: many rows in one ``INSERT ... ON CONFLICT`` statement. On
PostgreSQL the rows go as one array per column, unnested, in a statement compiled once per shape; on SQLite (the
embedded default) as SQLAlchemy's multi-row VALUES pages."""
from __future__ import annotations

from sqlalchemy import bindparam, cast, func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import ARRAY

from chassis.messaging.replica import upsert_statement


def upsert(session, table, rows: list[dict], keys: list[str], columns: list[str] | None = None,
           add: bool = False, returning: tuple[str, ...] = (), merge=None, only_if=None) -> list[tuple]:
    """Insert ``rows``; on a key conflict set ``columns`` (default: every non-key column of the rows; none: leave
    the stored row), or with ``add`` add them to the stored values (``n = n + excluded.n``), or set what
    ``merge(table, excluded, dialect name)`` gives; with ``only_if(table, excluded)``, only where that holds. With
    ``returning``, those columns of each row inserted or updated (a row left alone returns nothing). ``merge`` and
    ``only_if`` are module-level functions: each is part of the statement's cached shape."""
    if not rows:
        return []
    columns = [c for c in rows[0] if c not in keys] if columns is None else columns
    if session.get_bind().dialect.name == "postgresql":
        return _unnest_upsert(session, table, rows, keys, columns, add, returning, merge, only_if)
    statement = upsert_statement(session, table)      # executemany: SQLAlchemy sends multi-row VALUES pages
    statement = _on_conflict(statement, table, keys, columns, add, merge, only_if, "sqlite")
    if returning:
        return [tuple(r) for r in session.execute(statement.returning(*(table.c[c] for c in returning)), rows)]
    session.execute(statement, rows)
    return []


_UNNEST_SQL: dict[tuple, str] = {}     # one compiled statement per shape (see _unnest_upsert)


def _on_conflict(statement, table, keys: list[str], columns: list[str], add: bool, merge, only_if, dialect: str):
    if not (merge or columns):
        return statement.on_conflict_do_nothing(index_elements=keys)
    set_ = merge(table, statement.excluded, dialect) if merge else {
        c: (table.c[c] + statement.excluded[c]) if add else statement.excluded[c] for c in columns}
    return statement.on_conflict_do_update(index_elements=keys, set_=set_,
                                           where=only_if(table, statement.excluded) if only_if else None)


def _unnest_upsert(session, table, rows: list[dict], keys: list[str], columns: list[str], add: bool,
                   returning: tuple[str, ...], merge, only_if) -> list[tuple]:
    """PostgreSQL: the rows as one array per column, unnested in one statement (no per-row parameter handling:
    at tens of thousands of rows a batch, that was most of its Python time).

    Compiled once per shape and sent as the driver's SQL: SQLAlchemy compiles a PostgreSQL ``INSERT ... ON
    CONFLICT`` afresh at every execution (its dialect Insert opts out of the statement cache, sqlalchemy#10445):
    6.5% of a batch's CPU in report_ingest's profile, 2.5% once compiled here. A schema translation (reporting's
    rebuild) is compiled in (part of the shape)."""
    names = list(rows[0])
    connection = session.connection()
    translate = connection.get_execution_options().get("schema_translate_map") or {}
    shape = (table, tuple(names), tuple(keys), tuple(columns), add, tuple(returning), merge, only_if,
             tuple(translate.items()))
    sql = _UNNEST_SQL.get(shape)
    if sql is None:
        unnested = func.unnest(*(cast(bindparam(f"c{i}"), ARRAY(table.c[name].type))
                                 for i, name in enumerate(names))).table_valued(*names).render_derived()
        statement = postgresql.insert(table).from_select(names, select(*(unnested.c[name] for name in names)))
        statement = _on_conflict(statement, table, keys, columns, add, merge, only_if, "postgresql")
        if returning:
            statement = statement.returning(*(table.c[c] for c in returning))
        sql = _UNNEST_SQL[shape] = str(statement.compile(dialect=connection.dialect, schema_translate_map=translate,
                                                         render_schema_translate=bool(translate)))
    result = connection.exec_driver_sql(sql, {f"c{i}": [row[name] for row in rows] for i, name in enumerate(names)})
    return [tuple(r) for r in result] if returning else []
