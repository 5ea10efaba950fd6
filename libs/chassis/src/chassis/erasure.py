"""Erasure on request, a service's side: the two saga events, a service's plan of the rows that hold one student's
data (and, in ``ErasurePlan.artifact``, one artifact's), and :func:`erase_student`, which deletes them, audits
pseudonymously and confirms in one transaction.

The roster coordinates (roster.service_layer.erasure): it publishes ``erasure_requested``; each service that holds
the student's data subscribes to it with a handler built by :func:`erasure_handler` and publishes
``erasure_confirmed`` with its counts. Payloads: protos/skillfolio/events/v1/erasure.proto.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, select, text
from sqlalchemy.orm import Session

from chassis.events import DomainEvent, Envelope
from chassis.messaging.replica import ERASED, ERASED_ARTIFACT, mark_erased

ERASED_SUBJECT = "erased_student"      # audit subject_type of an erasure's record: the subject id is a pseudonym
ERASURE_SETTING = "skillfolio.erasure"  # SET LOCAL to 'on': the append-only history tables accept this DELETE


@dataclass(frozen=True)
class ErasureRequested(DomainEvent):
    """A privacy officer asked that one student's record (or, with ``artifact_id``, one artifact of it) be erased;
    every service in ``services`` erases its part."""

    erasure_id: str
    student_id: str
    pseudonym: str                   # keyed hash of the student id: what audit trails keep
    requested_by: str
    requested_by_roles: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)    # who still has to confirm (a retry names only those)
    attempt: int = 1
    artifact_id: str = ""            # set: only this artifact of the student's, with what hangs on it
    media_only: bool = False         # only the student's media objects (the retention schedule's media years)


@dataclass(frozen=True)
class ErasureConfirmed(DomainEvent):
    """One service erased the student's rows and media objects in one transaction; ``counts`` per table."""

    erasure_id: str
    service: str
    counts: dict[str, int] = field(default_factory=dict)
    erased_at: str = ""


def pseudonym(student_id: str, key: bytes) -> str:
    """The keyed hash (HMAC-SHA256, 32 hex characters) audit trails keep instead of an erased student's id."""
    return hmac.new(key, student_id.encode(), hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class Rows:
    """Rows of ``table`` whose ``column`` is the erased subject's id (a student's, or an artifact's), or (with
    ``parent``) one of the parent rows' keys; ``contains``: whose ``column`` holds the id (a link naming it)."""

    table: Table
    column: str
    parent: Rows | None = None
    parent_key: str = "id"
    contains: bool = False

    def where(self, student_id: str):
        column = self.table.c[self.column]
        if self.contains:
            return column.contains(student_id, autoescape=True)
        if self.parent is None:
            return column == student_id
        parent = self.parent.table
        return column.in_(select(parent.c[self.parent_key]).where(self.parent.where(student_id)))

    def select(self, student_id: str, *columns: str):
        return select(*(self.table.c[name] for name in columns)).where(self.where(student_id))


def erase_rows(session: Session, plan: Sequence[Rows], student_id: str, guarded: Iterable[str] = ()) -> dict[str, int]:
    """Delete each step's rows in order (children before their parents); rows deleted per table. ``guarded`` tables
    are append-only by trigger: on PostgreSQL their guard lets this transaction delete (``SET LOCAL``, migration
    ``*_erasure``); on SQLite the guard is dropped and put back inside the transaction."""
    dialect = session.get_bind().dialect.name
    guarded = list(guarded)
    if dialect == "postgresql":
        session.execute(text(f"SET LOCAL {ERASURE_SETTING} = 'on'"))
    elif guarded:
        for table in guarded:
            session.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_delete"))
    counts: dict[str, int] = {}
    for step in plan:
        result = session.execute(delete(step.table).where(step.where(student_id)).execution_options(
            synchronize_session=False))
        counts[step.table.name] = counts.get(step.table.name, 0) + (result.rowcount or 0)
    if dialect == "sqlite":
        for table in guarded:
            session.execute(text(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                                 f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE is not allowed'); END"))
    return counts


KeysOf = Callable[[Any], Iterable[str]]      # a row of the named columns -> the blob keys it stands for
SharedKeys = Callable[[Session, str, list[str]], set[str]]   # (session, student, keys) -> those others still name


@dataclass(frozen=True)
class Media:
    """Blob keys the student's ``rows`` name: their ``columns``' values, or what ``keys_of`` derives from them."""

    rows: Rows
    columns: Sequence[str]
    keys_of: KeysOf | None = None
    shared: SharedKeys | None = None      # objects other students' rows name too (a class capture's one photo)


def media_keys(session: Session, sources: Sequence[Media], student_id: str) -> list[str]:
    """Every non-empty blob key the student's rows name (read before the rows go), except those other students'
    rows still name: their bytes stay for them."""
    keys: list[str] = []
    for source in sources:
        named = [key for row in session.execute(source.rows.select(student_id, *source.columns))
                 for key in (source.keys_of(row) if source.keys_of else row) if key]
        kept = source.shared(session, student_id, named) if source.shared and named else set()
        keys.extend(key for key in named if key not in kept)
    return list(dict.fromkeys(keys))


@dataclass(frozen=True)
class ErasurePlan:
    """What one service erases: its rows (in delete order), its append-only tables, its media columns; ``before``
    reads what ``after`` needs to keep derived rows exact (reporting's summaries) once the rows are gone."""

    service: str
    rows: Sequence[Rows]
    audit_table: Table | None
    guarded: Sequence[str] = ()
    media: Sequence[Media] = ()
    outbox: Table | None = None       # its events naming the student go too: a replay must not bring them back
    tombstones: Table | None = None   # replica_versions: the student marked erased, so a late event changes nothing
    before: Callable[[Session, str], Any] | None = None
    after: Callable[[Session, str, Any], dict[str, int] | None] | None = None    # its counts join the rest
    artifact: ErasurePlan | None = None    # one artifact's rows, keyed by its id (none: the service holds none)
    owned: Callable[[Session, str, str], bool] | None = None   # (artifact, student): the owner's check, first
    media_only: ErasurePlan | None = None  # the student's media objects only; ``after`` marks what named them

    def of_artifact(self, session: Session, artifact_id: str, student_id: str) -> ErasurePlan:
        """The plan an artifact's erasure applies: ``artifact``; nothing (confirmed all the same) where the service
        holds none, or where ``owned`` finds it is not the student's."""
        plan = self.artifact
        if plan is None or (plan.owned is not None and not plan.owned(session, artifact_id, student_id)):
            return ErasurePlan(self.service, (), self.audit_table)
        return plan

    def scoped(self, session: Session, data: dict) -> tuple[ErasurePlan, str, str]:
        """(plan, subject id, audit action) of one request: the student's record, one artifact, or their media."""
        if data.get("artifact_id"):
            return (self.of_artifact(session, data["artifact_id"], data["student_id"]), data["artifact_id"],
                    f"{self.service}.EraseArtifact")
        if data.get("media_only"):
            return (self.media_only or ErasurePlan(self.service, (), self.audit_table), data["student_id"],
                    f"{self.service}.ExpireMedia")
        return self, data["student_id"], f"{self.service}.EraseStudent"


def replica_rows(roster: Any) -> tuple[Rows, ...]:
    """The roster replica's rows of one student (``chassis.roster_replica.tables.RosterTables``), in delete order."""
    return (Rows(roster.guardianships, "student_id"), Rows(roster.enrollments, "person_id"),
            Rows(roster.transfers, "student_id"), Rows(roster.people, "person_id"))


def erase_student(uow: Any, envelope: Envelope, plan: ErasurePlan,
                  delete_blob: Callable[[str], None] | None = None) -> dict[str, int] | None:
    """Apply one ``erasure_requested`` in ``uow``'s open transaction (its inbox claim already made): delete the
    media objects, then the rows (the student's; with ``artifact_id`` that artifact's, ``plan.artifact``; with
    ``media_only`` none, ``plan.media_only``); append a pseudonymous audit row; raise ``erasure_confirmed``. A
    blob delete that fails rolls everything back and the delivery is retried (deleting a missing object is not an
    error). None when the request does not name this service (a retry for the others)."""
    data = envelope.data
    if data.get("services") and plan.service not in data["services"]:
        return None
    artifact_id, tombstones = data.get("artifact_id") or "", plan.tombstones
    plan, subject, action = plan.scoped(uow.session, data)
    keys = media_keys(uow.session, plan.media, subject) if plan.media else []
    for key in keys:
        delete_blob(key)
    state = plan.before(uow.session, subject) if plan.before else None
    counts = erase_rows(uow.session, plan.rows, subject, plan.guarded)
    if plan.after:
        counts.update(plan.after(uow.session, subject, state) or {})
    if plan.outbox is not None:
        counts["outbox"] = uow.session.execute(delete(plan.outbox).where(plan.outbox.c.body.contains(
            subject, autoescape=True))).rowcount or 0
    if plan.media:
        counts["media_objects"] = len(keys)
    if tombstones is not None and plan.rows and not data.get("media_only"):    # (a refused artifact erases no rows)
        mark_erased(uow.session, tombstones, subject, ERASED_ARTIFACT if artifact_id else ERASED)
    if plan.audit_table is not None:
        uow.record_access(plan.audit_table, actor=data["requested_by"],
                          actor_roles=data.get("requested_by_roles", []),
                          action=action,
                          subject_type=ERASED_SUBJECT, subject_ids=[data["pseudonym"]],
                          detail={"erasure_id": data["erasure_id"], "rows": sum(counts.values()), "counts": counts,
                                  **({"artifact_id": artifact_id} if artifact_id else {})})
    uow.raise_event(ErasureConfirmed(erasure_id=data["erasure_id"], service=plan.service, counts=counts,
                                     erased_at=dt.datetime.now(dt.UTC).isoformat()))
    return counts


def erasure_handler(plan_of: Callable[[], ErasurePlan]) -> Callable[[Any, Envelope], None]:
    """A subscriptions-table effect ``(uow, envelope)`` for a service without media objects."""
    def erase(uow: Any, envelope: Envelope) -> None:
        erase_student(uow, envelope, plan_of())
    erase.__qualname__ = "erase_student"
    return erase


def unit_erasure_handler(plan_of: Callable[[], ErasurePlan]) -> Callable[..., None]:
    """An own-transactions handler ``(uows, envelope)``: for a worker whose batch path must not take the erasure."""
    def erase(uows: Callable[[], Any], envelope: Envelope) -> None:
        with uows() as uow:
            if uow.claim(envelope):
                erase_student(uow, envelope, plan_of())
                uow.commit()
    erase.__qualname__ = "erase_student"
    return erase


def media_erasure_handler(plan_of: Callable[[], ErasurePlan]) -> Callable[..., None]:
    """An own-transactions handler ``(uows, envelope, media)``: claims, erases rows and the media objects the rows
    name in ``media.store``, confirms; all in one unit of work."""
    def erase(uows: Callable[[], Any], envelope: Envelope, media: Any) -> None:
        with uows() as uow:
            if not uow.claim(envelope):
                return
            erase_student(uow, envelope, plan_of(), media.store.delete)
            uow.commit()
    erase.__qualname__ = "erase_student"
    return erase
