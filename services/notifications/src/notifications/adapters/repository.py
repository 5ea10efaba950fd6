"""Notifications and approvals over one session: intake (add, coalesce, hold), the feed (keyset pages, unread
counts, mark read) and the teacher approval queue."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from notifications.adapters.orm import approvals, deliveries, notifications, utc
from notifications.domain.model import Approval, Notification

_N = [f.name for f in fields(Notification)]
_A = [f.name for f in fields(Approval)]
_MOMENTS = frozenset({"created_at", "updated_at", "email_due_at", "approved_at"})


def _value(row, name: str):
    value = getattr(row, name)
    return utc(value) if name in _MOMENTS else value


def _notification(row) -> Notification:
    return Notification(**{name: _value(row, name) for name in _N})


class NotificationsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, n: Notification) -> None:
        self.session.execute(insert(notifications).values(**{**asdict(n), "updated_at": n.updated_at or n.created_at}))

    def coalescible(self, recipient_id: str, actor_id: str, student_id: str, kind: str,
                    since: dt.datetime, until: dt.datetime) -> Notification | None:
        """The latest like notification made between ``since`` and ``until`` whose email has not gone (not held, no
        attempt made); bounded on both sides, so news delivered out of order never folds into later news."""
        row = self.session.execute(
            select(notifications).outerjoin(deliveries, deliveries.c.id == notifications.c.delivery_id)
            .where(notifications.c.recipient_id == recipient_id, notifications.c.actor_id == actor_id,
                   notifications.c.student_id == student_id, notifications.c.kind == kind,
                   notifications.c.created_at >= since, notifications.c.created_at <= until,
                   notifications.c.held_by == "",
                   or_(notifications.c.delivery_id.is_(None),
                       and_(deliveries.c.status == "queued", deliveries.c.attempts == 0)))
            .order_by(notifications.c.created_at.desc()).limit(1).with_for_update(of=notifications)).first()
        return _notification(row) if row else None

    def bump(self, notification_id: str, at: dt.datetime) -> None:
        self.session.execute(update(notifications).where(notifications.c.id == notification_id).values(
            count=notifications.c.count + 1, updated_at=at, read=False, title=""))

    def get(self, ids) -> list[Notification]:
        ids = sorted(set(ids))
        if not ids:
            return []
        rows = self.session.execute(select(notifications).where(notifications.c.id.in_(ids)))
        return [_notification(r) for r in rows]

    def set_email(self, notification_id: str, mode: str, due_at: dt.datetime | None, delivery_id: str | None) -> None:
        self.session.execute(update(notifications).where(notifications.c.id == notification_id).values(
            email_mode=mode, email_due_at=due_at, delivery_id=delivery_id))

    def forget(self, recipient_id: str, student_id: str) -> int:
        """Delete what ``recipient_id`` was told about ``student_id``; a queued email left empty is suppressed."""
        n = notifications.c
        return self.session.execute(delete(notifications).where(n.recipient_id == recipient_id,
                                                                n.student_id == student_id)).rowcount

    # --- the feed ---
    def feed(self, recipient_id: str, unread_only: bool, after: tuple | None, size: int) -> list[Notification]:
        n = notifications.c
        query = select(notifications).where(n.recipient_id == recipient_id, n.held_by == "")
        if unread_only:
            query = query.where(n.read.is_(False))
        if after is not None:
            at = dt.datetime.fromisoformat(after[0])
            query = query.where(or_(n.created_at < at, and_(n.created_at == at, n.id < after[1])))
        rows = self.session.execute(query.order_by(n.created_at.desc(), n.id.desc()).limit(size + 1))
        return [_notification(r) for r in rows]

    def unread_count(self, recipient_id: str) -> int:
        n = notifications.c
        return self.session.execute(select(func.count()).select_from(notifications).where(
            n.recipient_id == recipient_id, n.held_by == "", n.read.is_(False))).scalar_one()

    def mark_read(self, recipient_id: str, ids: list[str] | None) -> None:
        """Mark the recipient's own notifications ``ids`` (None: all) read; anyone else's are untouched."""
        n = notifications.c
        query = update(notifications).where(n.recipient_id == recipient_id, n.read.is_(False))
        if ids is not None:
            if not ids:
                return
            query = query.where(n.id.in_(sorted(set(ids))))
        self.session.execute(query.values(read=True))

    # --- approvals ---
    def hold(self, a: Approval) -> None:
        self.session.execute(insert(approvals).values(**asdict(a)))

    def pending(self, student_ids: set[str], after: tuple | None, size: int) -> list[Approval]:
        c = approvals.c
        if not student_ids:
            return []
        query = select(approvals).where(c.approved_at.is_(None), c.student_id.in_(sorted(student_ids)))
        if after is not None:
            at = dt.datetime.fromisoformat(after[0])
            query = query.where(or_(c.created_at > at, and_(c.created_at == at, c.id > after[1])))
        rows = self.session.execute(query.order_by(c.created_at, c.id).limit(size + 1))
        return [Approval(**{name: _value(r, name) for name in _A}) for r in rows]

    def pending_students(self) -> set[str]:
        return set(self.session.execute(select(approvals.c.student_id).where(
            approvals.c.approved_at.is_(None)).distinct()).scalars())

    def approvals(self, ids) -> list[Approval]:
        ids = sorted(set(ids))
        rows = self.session.execute(select(approvals).where(approvals.c.id.in_(ids), approvals.c.approved_at.is_(None))
                                    .with_for_update()) if ids else []
        return [Approval(**{name: _value(r, name) for name in _A}) for r in rows]

    def approve(self, approval_id: str, by: str, at: dt.datetime) -> list[Notification]:
        """Mark approved and release its notifications (returned: they now need their email scheduled)."""
        self.session.execute(update(approvals).where(approvals.c.id == approval_id).values(
            approved_by=by, approved_at=at))
        rows = self.session.execute(select(notifications).where(notifications.c.held_by == approval_id))
        released = [_notification(r) for r in rows]
        self.session.execute(update(notifications).where(notifications.c.held_by == approval_id).values(
            held_by="", created_at=at, updated_at=at))
        for n in released:
            n.held_by, n.created_at = "", at
        return released
