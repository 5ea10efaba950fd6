"""Out-of-order guard for local replicas fed by events: apply an event only if it is the newest seen for its entity.

Each event type has its own queue, so events about one entity can overtake each other; a service keeps a
``replica_versions`` table (kind, entity_id, last_event_at, deleted) and asks :func:`is_newest` before applying.
An erased student, or one erased artifact, is marked there too (:func:`mark_erased`): an event naming them still in
flight when the erasure ran is not applied (:func:`any_erased`), so it cannot bring their rows back.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Table, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from chassis.db import among


def utc_iso(occurred_at: str) -> str:
    """A sortable UTC form of an envelope timestamp."""
    moment = dt.datetime.fromisoformat(occurred_at)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def upsert_statement(session: Session, table: Table):
    """The dialect's INSERT supporting ON CONFLICT (PostgreSQL or SQLite)."""
    return (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)(table)


ERASED = "erased_person"       # replica_versions kinds: the id is all that is kept, as the roster's tombstone keeps
ERASED_ARTIFACT = "erased_artifact"
ERASED_KINDS = (ERASED, ERASED_ARTIFACT)   # ids never collide: people and artifacts are named by distinct UUIDs


def named_ids(data: dict) -> set[str]:
    """The people and the artifact an event's data names: what an erasure's mark is checked against."""
    return {str(data.get(key) or "") for key in ("student_id", "person_id", "artifact_id")} - {""}


def mark_erased(session: Session, versions: Table, entity_id: str, kind: str = ERASED) -> None:
    """Remember that this person (or, with ERASED_ARTIFACT, this artifact) was erased here, in the erasure's
    transaction."""
    session.execute(upsert_statement(session, versions).values(
        kind=kind, entity_id=entity_id, last_event_at=dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        deleted=True).on_conflict_do_nothing(index_elements=["kind", "entity_id"]))


def erased_among(session: Session, versions: Table, entity_ids) -> set[str]:
    """Those of these people and artifacts that were erased here (one statement per 5,000 of them)."""
    ids = sorted({p for p in entity_ids if p})
    found: set[str] = set()
    for start in range(0, len(ids), 5000):
        chunk = ids[start:start + 5000]
        found.update(session.execute(select(versions.c.entity_id).where(
            versions.c.kind.in_(ERASED_KINDS), among(session, versions.c.entity_id, chunk))).scalars())
    return found


def any_erased(session: Session, versions: Table, entity_ids) -> bool:
    """Whether any of these people or artifacts was erased here."""
    return bool(erased_among(session, versions, entity_ids))


def is_newest(session: Session, versions: Table, kind: str, entity_id: str, occurred_at: str,
              deleted: bool = False) -> bool:
    """Record an event about an entity; False if a newer one (or the entity's deletion) was applied already."""
    at = utc_iso(occurred_at)
    where = (versions.c.kind == kind, versions.c.entity_id == entity_id)
    first = session.execute(upsert_statement(session, versions).values(
        kind=kind, entity_id=entity_id, last_event_at=at, deleted=deleted).on_conflict_do_nothing(
        index_elements=["kind", "entity_id"])).rowcount == 1
    if first:
        return True
    row = session.execute(select(versions).where(*where).with_for_update()).one()
    if row.deleted or row.last_event_at > at:
        return False
    session.execute(update(versions).where(*where).values(last_event_at=at, deleted=deleted))
    return True
