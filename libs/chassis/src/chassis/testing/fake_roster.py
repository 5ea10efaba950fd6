"""An in-memory roster replica for unit tests: the chassis RosterReplica's rules (relation, current school year)
over dicts instead of tables, fed by the same roster event effects (chassis.roster_replica.events)."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from chassis.messaging.replica import ERASED_KINDS, utc_iso
from chassis.roster_replica.standing import Move, Span, attending_spans, enrollment_span
from chassis.roster_replica.store import RosterReplica

TABLES = ("people", "sections", "enrollments", "guardianships", "replica_versions", "transfers")


def _name(table: Any) -> str:
    return getattr(table, "name", table)


class FakeRosterReplica(RosterReplica):
    """Rows per table name as ``{key tuple: row dict}``; ``tables.<name>`` is the name itself."""

    def __init__(self) -> None:
        super().__init__(session=None, tables=SimpleNamespace(**{name: name for name in TABLES}))
        self.rows: dict[str, dict[tuple, dict]] = {name: {} for name in TABLES}

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        at, versions = utc_iso(occurred_at), self.rows["replica_versions"]
        row = versions.get((kind, entity_id))
        if row is not None and (row["deleted"] or row["last_event_at"] > at):
            return False
        versions[(kind, entity_id)] = {"kind": kind, "entity_id": entity_id, "last_event_at": at, "deleted": deleted}
        return True

    def erased(self, entity_ids) -> bool:
        return any((kind, p) in self.rows["replica_versions"] for p in entity_ids if p for kind in ERASED_KINDS)

    def upsert(self, table: Any, key: dict, values: dict) -> None:
        rows, at = self.rows.setdefault(_name(table), {}), tuple(key.values())
        rows[at] = {**rows.get(at, {}), **key, **values}

    def remove(self, table: Any, **key) -> None:
        rows = self.rows.setdefault(_name(table), {})
        for at in [at for at, row in rows.items() if all(row.get(k) == v for k, v in key.items())]:
            del rows[at]

    def set_school(self, person_id: str, school_id: str) -> None:
        if (row := self.rows["people"].get((person_id,))) is not None:
            row["primary_school_id"] = school_id

    def spans(self, person_id: str, role: str) -> list[tuple[Span, str]]:
        out = []
        for e in self.rows["enrollments"].values():
            section = self.rows["sections"].get((e["section_id"],))
            if e["person_id"] == person_id and e["role"] == role and section is not None:
                out.append((enrollment_span(e["section_id"], section["start_date"], section["end_date"],
                                            e["begin_date"], e["end_date"], e["active"]), section.get("school_id", ""),
                            section["school_year_id"]))
        if role == "student":
            return attending_spans(out, self.moves(person_id))
        return [(span, year) for span, _, year in out]

    def moves(self, student_id: str) -> list[Move]:
        return [Move(r["effective_date"], r["from_school_id"], r["to_school_id"])
                for r in self.rows["transfers"].values() if r["student_id"] == student_id]

    def guardian_and_inactive(self, viewer_id: str, student_id: str) -> tuple[bool, bool]:
        person = self.rows["people"].get((viewer_id,))
        return (viewer_id, student_id) in self.rows["guardianships"], person is not None and not person["active"]

    def primary_school(self, person_id: str) -> str:
        person = self.rows["people"].get((person_id,))
        return (person or {}).get("primary_school_id", "")

    def last_event_at(self, kind: str, entity_id: str) -> str:
        return (self.rows["replica_versions"].get((kind, entity_id)) or {}).get("last_event_at", "")
