"""The fact store over one session: keyed upserts and reads of the reporting tables (PostgreSQL or SQLite), the
out-of-order guard, and a per-student lock so two events about one student never derive from stale history."""
from __future__ import annotations

import uuid
import zlib

from sqlalchemy import Table, delete, func, select, text, update
from sqlalchemy.orm import Session

from chassis.messaging.replica import is_newest, upsert_statement
from reporting.adapters import orm

TABLES: dict[str, Table] = {t.name: t for t in orm.metadata.sorted_tables}


def lock_key(student_id: str) -> int:
    """The advisory lock key of a student (a signed 32-bit value)."""
    return zlib.crc32(student_id.encode()) - 2**31


class FactStore:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._years: list[dict] | None = None        # school years, read once per unit (they rarely change)

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        return is_newest(self.session, orm.replica_versions, kind, entity_id, occurred_at, deleted)

    def lock(self, key: str) -> None:
        """Serialise effects on one student's derived rows until this transaction ends (PostgreSQL)."""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key(key)})

    def put(self, table: str, key: dict, values: dict) -> None:
        if table == "school_years":
            self._years = None
        t = TABLES[table]
        statement = upsert_statement(self.session, t).values(**key, **values)
        if values:
            statement = statement.on_conflict_do_update(index_elements=list(key), set_=values)
        else:
            statement = statement.on_conflict_do_nothing(index_elements=list(key))
        self.session.execute(statement)

    def update(self, table: str, key: dict, values: dict) -> None:
        """Change some columns of an existing row (nothing when there is none)."""
        t = TABLES[table]
        self.session.execute(update(t).where(*(t.c[k] == v for k, v in key.items())).values(**values))

    def get(self, table: str, **key) -> dict | None:
        rows = self.select(table, **key)
        return rows[0] if rows else None

    def select(self, table: str, **where) -> list[dict]:
        if table == "school_years" and not where:
            if self._years is None:
                self._years = self._select(table)
            return list(self._years)
        return self._select(table, **where)

    def _select(self, table: str, **where) -> list[dict]:
        t = TABLES[table]
        query = select(t).where(*(t.c[k] == v for k, v in where.items()))
        return [dict(row._mapping) for row in self.session.execute(query)]

    def remove(self, table: str, **where) -> None:
        t = TABLES[table]
        self.session.execute(delete(t).where(*(t.c[k] == v for k, v in where.items())))

    def student_ids(self) -> list[str]:
        """Every student with a history, in lock order (so transactions taking several locks cannot deadlock)."""
        ids = self.session.execute(select(orm.student_states.c.student_id).distinct()).scalars()
        return sorted(ids, key=lock_key)

    def touch(self, source: str, at: str) -> None:
        """Keep the newest event time applied from ``source``, and mark the read models changed."""
        t = orm.freshness
        statement = upsert_statement(self.session, t).values(source=source, newest_event_at=at,
                                                             changed=uuid.uuid4().hex)
        newest = func.max(t.c.newest_event_at, statement.excluded.newest_event_at) \
            if self.session.get_bind().dialect.name == "sqlite" else \
            func.greatest(t.c.newest_event_at, statement.excluded.newest_event_at)
        self.session.execute(statement.on_conflict_do_update(index_elements=["source"],
                                                            set_={"newest_event_at": newest,
                                                                  "changed": statement.excluded.changed}))
