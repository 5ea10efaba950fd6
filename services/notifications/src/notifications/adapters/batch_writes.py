"""The batch path's writes kept in memory and written set-based: notifications (with coalescing bumps, over the
run's students' notifications recent enough to coalesce into) and instant deliveries; rows go in by COPY on
PostgreSQL (in the green nameko worker too: psycopg2's wait callback is cleared for the COPY's duration). Used by
:class:`~notifications.adapters.batch_unit.BatchUnit`."""
from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import fields, replace

from sqlalchemy import and_, bindparam, insert, or_, select, update

from chassis.db import among
from chassis.messaging.replica import upsert_statement
from notifications.adapters.orm import deliveries, notifications, utc
from notifications.domain.model import Notification


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


_CSV = {type(None): lambda v: "",                           # unquoted empty: NULL
        bool: lambda v: "t" if v else "f", int: str, str: _quoted, dt.datetime: lambda v: _quoted(v.isoformat())}


def _csv(value) -> str:
    """A value as a CSV field for COPY (by exact type: a bool is not written as an int)."""
    convert = _CSV.get(type(value))
    return convert(value) if convert else _quoted(str(value))


@contextmanager
def _blocking_psycopg2():
    """psycopg2 without its wait callback for the block: eventlet's monkey-patching makes psycopg2 green (the nameko
    workers) and a green psycopg2 refuses COPY. Nothing inside may yield to the hub, so the COPY blocks the worker's
    hub (heartbeats, other greenthreads) for its own duration only; the callback is restored after, even on error."""
    from psycopg2.extensions import get_wait_callback, set_wait_callback
    callback = get_wait_callback()
    if callback is None:
        yield
        return
    set_wait_callback(None)
    try:
        yield
    finally:
        set_wait_callback(callback)


def insert_rows(session, table, rows: list[dict]) -> None:
    """Insert ``rows`` (same keys) set-based: COPY on PostgreSQL (briefly blocking in a green worker), else one
    multi-row INSERT per page (SQLAlchemy's insertmanyvalues)."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    body = "\n".join(",".join(_csv(row[c]) for c in columns) for row in rows) + "\n"
    raw = session.connection().connection
    with _blocking_psycopg2(), raw.cursor() as cursor:
        cursor.copy_expert(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", io.StringIO(body))


def values(record) -> dict:
    """A flat record's fields (``dataclasses.asdict`` deep-copies every value: too slow per row here)."""
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = tuple(f.name for f in fields(record))
    return {name: getattr(record, name) for name in names}


_FIELDS: dict[type, tuple[str, ...]] = {}


class Delegating:
    def __init__(self, real) -> None:
        self._real = real

    def __getattr__(self, name: str):
        return getattr(self._real, name)


class BatchNotifications(Delegating):
    """add, coalescible and bump in memory, over the run's students' notifications recent enough to coalesce."""

    def __init__(self, real, session, students: set[str], since: dt.datetime) -> None:
        super().__init__(real)
        n = notifications.c
        rows = session.execute(
            select(notifications).outerjoin(deliveries, deliveries.c.id == n.delivery_id)
            .where(among(session, n.student_id, sorted(students)), n.created_at >= since, n.held_by == "",
                   or_(n.delivery_id.is_(None), and_(deliveries.c.status == "queued", deliveries.c.attempts == 0)))
            .with_for_update(of=notifications))
        self.recent: dict[tuple, list[Notification]] = defaultdict(list)
        for r in rows:
            self.recent[(r.recipient_id, r.actor_id, r.student_id, r.kind)].append(
                Notification(**{k: utc(getattr(r, k)) if k in ("created_at", "updated_at", "email_due_at")
                                else getattr(r, k) for k in Notification.__dataclass_fields__}))
        self.added: dict[str, Notification] = {}
        self.bumped: dict[str, dt.datetime] = {}
        self.bumps: dict[str, int] = defaultdict(int)

    def add(self, n: Notification) -> None:
        n = replace(n, updated_at=n.updated_at or n.created_at)
        self.added[n.id] = n
        if not n.held_by:
            self.recent[(n.recipient_id, n.actor_id, n.student_id, n.kind)].append(n)

    def coalescible(self, recipient_id: str, actor_id: str, student_id: str, kind: str,
                    since: dt.datetime, until: dt.datetime) -> Notification | None:
        fitting = [n for n in self.recent.get((recipient_id, actor_id, student_id, kind), ())
                   if since <= n.created_at <= until]
        return max(fitting, key=lambda n: n.created_at) if fitting else None

    def bump(self, notification_id: str, at: dt.datetime) -> None:
        n = self.added.get(notification_id)
        if n is not None:
            n.count, n.updated_at, n.read, n.title = n.count + 1, at, False, ""
        else:
            self.bumps[notification_id] += 1
            self.bumped[notification_id] = at

    def flush(self, session) -> None:
        insert_rows(session, notifications, [values(n) for n in self.added.values()])
        if self.bumps:
            n = notifications.c
            session.execute(update(notifications).where(n.id == bindparam("b_id")).values(
                count=n.count + bindparam("b_count"), updated_at=bindparam("b_at"), read=False, title=""),
                [{"b_id": i, "b_count": c, "b_at": self.bumped[i]} for i, c in self.bumps.items()])


class BatchDeliveries(Delegating):
    def __init__(self, real) -> None:
        super().__init__(real)
        self.added: list = []

    def add(self, d) -> bool:
        self.added.append(d)       # an instant delivery's period is its own notification: never a conflict
        return True

    def flush(self, session) -> None:
        if self.added:
            session.execute(upsert_statement(session, deliveries).on_conflict_do_nothing(
                index_elements=["recipient_id", "kind", "period_key"]), [values(d) for d in self.added])
