"""The notifications service's demo seed (`skillfolio seed`, `up`): the replicas primed with the roster's and the
artifacts' demo events (applied with the events worker's own code and consumer names, so RabbitMQ's later
deliveries are duplicates), which records the demo guardian's notifications; then their first daily digest goes
now, filed into the local mail sink's Maildir (var/mail), so the guardian's home page shows a feed and the sent
emails page shows the digest. Reflections' events reach the service through RabbitMQ once the platform runs."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update

from chassis.config import service_settings
from chassis.descriptor import SeedContext
from chassis.messaging.subscriptions import feed_before_workers
from notifications.adapters.maildir import MaildirTransport
from notifications.adapters.orm import deliveries, notifications
from notifications.bootstrap import build
from notifications.service_layer.subscriptions import SUBSCRIPTIONS

MAIL_DIR = "mail"


def _guardians(events, student_id: str) -> list[str]:
    return sorted({e.data["guardian_id"] for e in events if e.type == "guardianship_added"
                   and e.data.get("student_id") == student_id})


def seed_demo(context: SeedContext) -> dict:
    roster = context.results.get("roster", {})
    cast = roster.get("cast")
    if cast is None:
        return {}
    events = [*context.events("roster"), *context.events("artifacts"), *context.events("reflections")]
    app = build(service_settings("notifications"))
    try:
        new = feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, events, "notifications")
        guardians = _guardians(events, cast.student_id)
        now = dt.datetime.now(dt.UTC)
        with app.engine.begin() as conn:     # the demo's first digest is due now rather than tonight
            conn.execute(update(notifications).where(
                notifications.c.recipient_id.in_(guardians), notifications.c.email_mode == "daily",
                notifications.c.delivery_id.is_(None)).values(email_due_at=now))
            count = conn.execute(select(func.count()).select_from(notifications)
                                 .where(notifications.c.recipient_id.in_(guardians))).scalar_one()
        sent = 0
        if context.var_dir is not None:
            sender = app.sender(MaildirTransport(context.var_dir / MAIL_DIR))
            sender.build_digests()
            with app.engine.begin() as conn:
                conn.execute(update(deliveries).where(deliveries.c.recipient_id.notin_(guardians),
                                                      deliveries.c.status == "queued")
                             .values(due_at=now + dt.timedelta(minutes=1)))   # only the guardian's mail goes now
            while sender.send_due():
                sent += 1
    finally:
        app.close()
    if not new:
        return {}
    return {"messages": [f"seeded notifications: {count} for the demo guardian"
                         + (", their first digest is in the mail sink" if sent else "")]}
