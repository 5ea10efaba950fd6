"""Set-based statements of the batch path: multi-row upserts (chassis.upserts), one lock statement for a batch's
students, and the out-of-order guard (``replica_versions``) read once per batch, decided in memory, written once."""
from __future__ import annotations

from sqlalchemy import func, select, text

from chassis.db import among
from chassis.messaging.replica import utc_iso
from chassis.upserts import upsert
from reporting.adapters import orm
from reporting.adapters.facts import lock_key
from reporting.domain.attribution import State, Year

V = orm.replica_versions
ALL_STUDENTS = 2**40              # the all-students lock's key (outside lock_key's 32-bit range)
CHUNK = 1000                    # rows per statement (SQLite's bound-parameter limit; one statement per batch here)


def lock_students(session, student_ids, everything: bool = False) -> None:
    """Serialise with every other transaction on these students' derived rows (one statement, in lock order).

    Every transaction first takes the all-students lock, shared; one whose effect moves every student's
    contributions (a school year's dates) takes it exclusively. Its student list cannot name a student whose first
    event is still in flight, so without it an artifact committed between its two readings would count twice."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text("SELECT pg_advisory_xact_lock(:k)" if everything else
                         "SELECT pg_advisory_xact_lock_shared(:k)"), {"k": ALL_STUDENTS})
    keys = sorted({lock_key(s) for s in student_ids if s})
    if keys:
        session.execute(text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS k"),
                        {"keys": keys})


def states_of(session, student_ids) -> dict[str, list[State]]:
    states: dict[str, list[State]] = {}
    ids = sorted(set(student_ids))
    for start in range(0, len(ids), CHUNK):
        t = orm.student_states
        for r in session.execute(select(t).where(among(session, t.c.student_id, ids[start:start + CHUNK]))):
            states.setdefault(r.student_id, []).append(State(r.at, r.school_id, r.grade_level))
    return states


class Histories(dict):
    """Students' histories (``student_id -> [State]``), read in bulk as needed; absent: none known."""

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session

    def load(self, student_ids) -> Histories:
        missing = {s for s in student_ids if s not in self}
        found = states_of(self.session, missing)
        self.update({s: found.get(s, []) for s in missing})
        return self


def years_of(session) -> list[Year]:
    return [Year(r.school_year_id, r.start_date, r.end_date) for r in session.execute(select(orm.school_years))]


class Versions:
    """``chassis.messaging.replica.is_newest`` for a whole batch: the stored versions of the entities it names,
    read (and row-locked) in one statement, each event decided in memory in delivery order, written in one."""

    def __init__(self, session, keys: set[tuple[str, str]]) -> None:
        self.session, self.seen, self.changed = session, {}, set()
        for kind in sorted({k for k, _ in keys}):           # per kind: the primary key's index, in lock order
            ids = sorted(i for k, i in keys if k == kind)
            for start in range(0, len(ids), CHUNK):
                query = select(V).where(V.c.kind == kind, among(session, V.c.entity_id, ids[start:start + CHUNK]))
                query = query.order_by(V.c.entity_id).with_for_update()
                for r in session.execute(query):
                    self.seen[(r.kind, r.entity_id)] = (r.last_event_at, r.deleted)

    def newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        """Record an event about an entity; False if a newer one (or the entity's deletion) was recorded."""
        at, key = utc_iso(occurred_at), (kind, entity_id)
        seen = self.seen.get(key)
        if seen and (seen[1] or seen[0] > at):
            return False
        self.seen[key] = (at, deleted)
        self.changed.add(key)
        return True

    def deleted(self, kind: str, entity_id: str) -> bool:
        return bool(self.seen.get((kind, entity_id), ("", False))[1])

    def write(self) -> None:
        """One upsert; merging with a concurrent writer keeps the newest time and a deletion (both only grow)."""
        upsert(self.session, V, [{"kind": k, "entity_id": i, "last_event_at": self.seen[(k, i)][0],
                                  "deleted": self.seen[(k, i)][1]} for k, i in sorted(self.changed)],
               ["kind", "entity_id"], merge=_newest)


def _newest(table, excluded, dialect: str) -> dict:
    greatest = func.max if dialect == "sqlite" else func.greatest
    return {"last_event_at": greatest(table.c.last_event_at, excluded.last_event_at),
            "deleted": table.c.deleted | excluded.deleted}
