"""A fake reporting unit of work: an in-memory fact store with the real one's interface (keyed upserts, the
out-of-order guard), over the chassis fake's inbox."""
from __future__ import annotations

from chassis.messaging.replica import utc_iso
from chassis.testing.fake_uow import FakeUnitOfWork
from reporting.adapters.facts import TABLES
from reporting.service_layer.unit_of_work import PRODUCER, ReportingUnitOfWork


class FakeFactStore:
    def __init__(self) -> None:
        self.rows: dict[str, dict[tuple, dict]] = {name: {} for name in TABLES}
        self.versions: dict[tuple[str, str], tuple[str, bool]] = {}
        self.locks: list[str] = []

    @staticmethod
    def _key(table: str, row: dict) -> tuple:
        return tuple(row[c.name] for c in TABLES[table].primary_key.columns)

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        at, seen = utc_iso(occurred_at), self.versions.get((kind, entity_id))
        if seen and (seen[1] or seen[0] > at):
            return False
        self.versions[(kind, entity_id)] = (at, deleted)
        return True

    def lock(self, key: str) -> None:
        self.locks.append(key)

    def put(self, table: str, key: dict, values: dict) -> None:
        k = self._key(table, key)
        self.rows[table][k] = {**self.rows[table].get(k, {}), **key, **values}

    def update(self, table: str, key: dict, values: dict) -> None:
        k = self._key(table, key)
        if k in self.rows[table]:
            self.rows[table][k].update(values)

    def get(self, table: str, **key) -> dict | None:
        rows = self.select(table, **key)
        return rows[0] if rows else None

    def select(self, table: str, **where) -> list[dict]:
        return [dict(r) for r in self.rows[table].values() if all(r.get(k) == v for k, v in where.items())]

    def remove(self, table: str, **where) -> None:
        self.rows[table] = {k: r for k, r in self.rows[table].items()
                            if not all(r.get(c) == v for c, v in where.items())}

    def student_ids(self) -> list[str]:
        return sorted({r["student_id"] for r in self.rows["student_states"].values()})

    def touch(self, source: str, at: str) -> None:
        old = self.rows["freshness"].get((source,), {}).get("newest_event_at", "")
        self.rows["freshness"][(source,)] = {"source": source, "newest_event_at": max(old, at)}

    def snapshot(self) -> dict:
        skip = {"inbox", "outbox", "replica_versions"}
        return {t: sorted(tuple(sorted(r.items())) for r in rows.values()) for t, rows in self.rows.items()
                if t not in skip}


class FakeReportingUnitOfWork(FakeUnitOfWork, ReportingUnitOfWork):
    stores = ("facts",)
    producer = PRODUCER

    def __init__(self) -> None:
        super().__init__()
        self.facts = FakeFactStore()
