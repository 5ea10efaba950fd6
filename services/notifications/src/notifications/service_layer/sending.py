"""The sender (its own process role): builds each recipient's due digests (one per period, nothing in two), then
leases due deliveries and sends each over SMTP in its own transaction, recording every attempt: sent, retried
with backoff on an outage or 4xx, parked after the last attempt, or (bounce / 5xx about the address) counted
against the address, which is marked failing after a threshold and gets nothing more. A killed sender's lease
lapses and another sender takes its deliveries over: at most the emails in flight at the kill go twice."""
from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from chassis.calendar import utc_now
from notifications.adapters.orm import utc
from notifications.domain.events import NotificationFailed, NotificationSent
from notifications.domain.model import Delivery
from notifications.domain.timing import period_key
from notifications.mail import (
    PermanentSendError,
    Recipient,
    RetryPolicy,
    SenderIdentity,
    TransientSendError,
    UnsubscribeTokens,
    render_digest,
    render_instant,
)
from notifications.service_layer.views import grouped_by_child, people_of, unsubscribe_category, view_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SenderPolicy:
    from_address: str
    base_url: str
    time_zone: str = "UTC"
    batch_size: int = 50
    lease: dt.timedelta = dt.timedelta(minutes=2)
    retry: RetryPolicy = RetryPolicy()
    bounce_threshold: int = 3

    def unsubscribe_url(self, token: str) -> str:
        return f"{self.base_url.rstrip('/')}/notifications/unsubscribe?token={token}"


class Sender:
    def __init__(self, uows: Callable, transport, tokens: UnsubscribeTokens, policy: SenderPolicy,
                 clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.uows, self.transport, self.tokens, self.policy, self.clock = uows, transport, tokens, policy, clock

    def run_once(self) -> int:
        """One round: digests that came due, then up to a batch of due emails; how many deliveries were handled."""
        self.build_digests()
        return self.send_due()

    def build_digests(self) -> int:
        now, made = self.clock(), 0
        with self.uows() as uow:
            for row in uow.deliveries.due_digest_notifications(now, 1000):
                zone = uow.settings.preferences(row.recipient_id).time_zone or self.policy.time_zone
                key = period_key(utc(row.email_due_at), row.email_mode, zone)
                d = Delivery(str(uuid.uuid4()), row.recipient_id, row.email_mode, key, "queued", now, now)
                if not uow.deliveries.add(d):          # that period's digest exists: a later due time gets its own
                    d.period_key = f"{key}@{utc(row.email_due_at):%H%M}-{d.id[:8]}"
                    uow.deliveries.add(d)
                made += bool(uow.deliveries.attach(row.recipient_id, row.email_mode, row.email_due_at, d.id))
            uow.commit()
        return made

    def send_due(self) -> int:
        now = self.clock()
        with self.uows() as uow:
            ids = uow.deliveries.lease_due(now, now + self.policy.lease, self.policy.batch_size)
            uow.commit()
        if ids:
            with self.transport.session() as smtp:
                for delivery_id in ids:
                    self.send_one(smtp, delivery_id)
        return len(ids)

    def send_one(self, smtp, delivery_id: str) -> None:
        with self.uows() as uow:
            d = uow.deliveries.get(delivery_id, lock=True)
            if d is None or d.status != "queued":
                return
            items = uow.deliveries.notifications_of(d.id)
            contacts = uow.replicas.contacts(people_of(items) | {d.recipient_id})
            contact, prefs = contacts.get(d.recipient_id), uow.settings.preferences(d.recipient_id)
            district = uow.settings.district()
            now = self.clock()
            why_not = self._why_not(uow, d, items, contact, prefs, district)
            if why_not:
                self._finish(d, "suppressed", now, why_not)
                uow.deliveries.save(d)
                uow.commit()
                return
            recipient = Recipient(d.recipient_id, contact.email, contact.display_name,
                                  prefs.language or contact.language or "en", prefs.time_zone or self.policy.time_zone)
            message = self._render(d, items, contacts, recipient, district.sender_name, now)
            d.attempts += 1
            self._attempt(uow, smtp, d, message, [n.id for n in items], contact.email, now)
            uow.deliveries.save(d)
            uow.commit()

    def _why_not(self, uow, d, items, contact, prefs, district) -> str:
        if not items:
            return "nothing to send"
        if contact is None or not contact.email:
            return "no email address"
        if uow.deliveries.address_failing(contact.email):
            return "address failing"
        if d.kind == "instant" and prefs.email_mode(items[0].category, district) == "none":
            return "email turned off since"
        return ""

    def _render(self, d, items, contacts, recipient, sender_name, now):
        sender = SenderIdentity(sender_name, self.policy.from_address, self.policy.base_url)
        if d.kind == "instant":
            view = view_of(items[0], contacts, self.policy.base_url)
            category = view.category if view.category != "critical" else None
        else:
            category = unsubscribe_category(items)
        url = self.policy.unsubscribe_url(self.tokens.make(d.recipient_id, category)) if category else None
        if d.kind == "instant":
            return render_instant(view, recipient, sender, url, now=now)
        return render_digest(d.kind, d.id, recipient, grouped_by_child(items, contacts, self.policy.base_url),
                             sender, url, now=now)

    def _attempt(self, uow, smtp, d: Delivery, message, notification_ids, address, now) -> None:
        try:
            smtp.send(message)
        except TransientSendError as error:
            uow.deliveries.attempt(d, now, "transient", str(error))
            d.last_error, d.lease_until = str(error), None
            retry_at = self.policy.retry.next_attempt_at(d.attempts, now)
            if retry_at is not None:
                d.due_at = retry_at
                return
            self._finish(d, "parked", now, str(error))
            uow.raise_event(NotificationFailed(d.id, d.recipient_id, d.kind, notification_ids, d.attempts,
                                               str(error), False))
        except PermanentSendError as error:
            uow.deliveries.attempt(d, now, "permanent", str(error))
            if error.recipient:
                uow.deliveries.count_bounce(address, str(error), self.policy.bounce_threshold)
            self._finish(d, "parked", now, str(error))
            uow.raise_event(NotificationFailed(d.id, d.recipient_id, d.kind, notification_ids, d.attempts,
                                               str(error), True))
        else:
            uow.deliveries.attempt(d, now, "sent")
            d.message_id = message["Message-ID"]
            self._finish(d, "sent", now, "")
            uow.raise_event(NotificationSent(d.id, d.recipient_id, d.kind, notification_ids, d.message_id,
                                             d.attempts))

    @staticmethod
    def _finish(d: Delivery, status: str, now: dt.datetime, error: str) -> None:
        d.status, d.finished_at, d.lease_until = status, now, None
        if error:
            d.last_error = error
