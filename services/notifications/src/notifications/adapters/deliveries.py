"""Deliveries over one session: queue an email, lease due ones to a sender (a killed sender's lease lapses and
another takes over), record each attempt and its outcome, build digests from due notifications, and the parked
list with resend; plus the failing-address count."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.orm import Session

from chassis.messaging.replica import upsert_statement
from notifications.adapters.orm import addresses, deliveries, delivery_attempts, notifications, utc
from notifications.domain.model import Delivery

_D = [f.name for f in fields(Delivery)]


def _delivery(row) -> Delivery:
    return Delivery(**{name: utc(v) if isinstance(v := getattr(row, name), dt.datetime) else v for name in _D})


class DeliveriesRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, d: Delivery) -> bool:
        """Queue ``d``; False (nothing written) when that recipient already has that period's delivery."""
        statement = upsert_statement(self.session, deliveries).values(**asdict(d)).on_conflict_do_nothing(
            index_elements=["recipient_id", "kind", "period_key"])
        return self.session.execute(statement).rowcount == 1

    def get(self, delivery_id: str, lock: bool = False) -> Delivery | None:
        query = select(deliveries).where(deliveries.c.id == delivery_id)
        row = self.session.execute(query.with_for_update() if lock else query).first()
        return _delivery(row) if row else None

    def lease_due(self, now: dt.datetime, until: dt.datetime, limit: int) -> list[str]:
        """Take up to ``limit`` queued deliveries that are due and not leased (or whose lease lapsed)."""
        c = deliveries.c
        ids = list(self.session.execute(
            select(c.id).where(c.status == "queued", c.due_at <= now,
                               or_(c.lease_until.is_(None), c.lease_until < now))
            .order_by(c.due_at).limit(limit).with_for_update(skip_locked=True)).scalars())
        if ids:
            self.session.execute(update(deliveries).where(c.id.in_(ids)).values(lease_until=until))
        return ids

    def release(self, ids: list[str], leased_until: dt.datetime, due_at: dt.datetime) -> int:
        """Give back deliveries leased until ``leased_until`` and not attempted, due again at ``due_at`` (only those
        still queued under that lease: a lapsed lease another sender took is theirs); how many were released."""
        c = deliveries.c
        return self.session.execute(update(deliveries).where(c.id.in_(ids), c.status == "queued",
                                                             c.lease_until == leased_until)
                                    .values(lease_until=None, due_at=due_at)).rowcount

    def notifications_of(self, delivery_id: str):
        return list(self.session.execute(select(notifications).where(notifications.c.delivery_id == delivery_id)
                                         .order_by(notifications.c.student_id, notifications.c.created_at)))

    def attempt(self, d: Delivery, at: dt.datetime, outcome: str, error: str = "") -> None:
        self.session.execute(insert(delivery_attempts).values(delivery_id=d.id, attempt=d.attempts, at=at,
                                                              outcome=outcome, error=error[:2000]))

    def save(self, d: Delivery) -> None:
        values = asdict(d)
        values.pop("id")
        self.session.execute(update(deliveries).where(deliveries.c.id == d.id).values(**values))

    # --- digests ---
    def due_digest_notifications(self, now: dt.datetime, limit: int):
        """(recipient, mode, due) of notifications whose digest time has come and no digest carries yet."""
        n = notifications.c
        return list(self.session.execute(
            select(n.recipient_id, n.email_mode, n.email_due_at).where(
                n.email_mode.in_(("daily", "weekly")), n.delivery_id.is_(None), n.held_by == "",
                n.email_due_at <= now).group_by(n.recipient_id, n.email_mode, n.email_due_at).limit(limit)))

    def attach(self, recipient_id: str, mode: str, due_at: dt.datetime, delivery_id: str) -> list[str]:
        n = notifications.c
        where = and_(n.recipient_id == recipient_id, n.email_mode == mode, n.email_due_at == due_at,
                     n.delivery_id.is_(None), n.held_by == "")
        ids = list(self.session.execute(select(n.id).where(where).with_for_update()).scalars())
        if ids:
            self.session.execute(update(notifications).where(n.id.in_(ids)).values(delivery_id=delivery_id))
        return ids

    # --- parked ---
    def parked(self, after: tuple | None, size: int) -> list[Delivery]:
        c = deliveries.c
        query = select(deliveries).where(c.status == "parked")
        if after is not None:
            at = dt.datetime.fromisoformat(after[0])
            query = query.where(or_(c.finished_at < at, and_(c.finished_at == at, c.id < after[1])))
        return [_delivery(r) for r in self.session.execute(query.order_by(c.finished_at.desc(), c.id.desc())
                                                           .limit(size + 1))]

    def count(self, status: str) -> int:
        return self.session.execute(select(func.count()).select_from(deliveries)
                                    .where(deliveries.c.status == status)).scalar_one()

    # --- addresses ---
    def address_failing(self, email: str) -> bool:
        return bool(self.session.execute(select(addresses.c.failing).where(addresses.c.email == email.lower()))
                    .scalar())

    def count_bounce(self, email: str, error: str, threshold: int) -> bool:
        """One more permanent failure for ``email``; True when it is (now) failing."""
        key = email.lower()
        failures = (self.session.execute(select(addresses.c.failures).where(addresses.c.email == key)
                                         .with_for_update()).scalar() or 0) + 1
        values = {"failures": failures, "failing": failures >= threshold, "last_error": error[:2000]}
        self.session.execute(upsert_statement(self.session, addresses).values(email=key, **values)
                             .on_conflict_do_update(index_elements=["email"], set_=values))
        return failures >= threshold
