"""The sender (its own process role): builds each recipient's due digests (one per period, nothing in two), then
leases due deliveries and sends each over SMTP in its own transaction, recording every attempt: sent, retried
with backoff on a 4xx, parked after the last attempt, or (bounce / 5xx about the address) counted against the
address, which is marked failing after a threshold and gets nothing more. When the server itself cannot be used
(unreachable, 421) the batch stops at that one recorded attempt: the rest of it is released unattempted, due when
the failed one is, and the sender backs off (the retry schedule, by failed tries in a row) before trying again,
logging the outage once. A killed sender's lease lapses and another sender takes its deliveries over: at most the
emails in flight at the kill go twice."""
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
    ServerUnavailableError,
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


@dataclass
class Outage:
    """The SMTP server could not be used since ``since``: ``attempts`` tries in a row failed, the last with
    ``error``; the sender tries again at ``resume_at``."""
    since: dt.datetime
    resume_at: dt.datetime
    error: str
    attempts: int = 0


class Sender:
    """Keep one per process: it remembers an SMTP outage (``outage``) and backs off from it. ``unreachable`` counts
    the attempts that found the server unusable (one per batch, never one per email)."""

    def __init__(self, uows: Callable, transport, tokens: UnsubscribeTokens, policy: SenderPolicy,
                 clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.uows, self.transport, self.tokens, self.policy, self.clock = uows, transport, tokens, policy, clock
        self.outage: Outage | None = None
        self.unreachable = 0

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
        """Up to a batch of due emails (none while backing off an outage); how many deliveries were handled (the
        ones released unattempted after the server proved unusable are not)."""
        now = self.clock()
        if self.outage is not None and now < self.outage.resume_at:
            return 0
        until = now + self.policy.lease
        with self.uows() as uow:
            ids = uow.deliveries.lease_due(now, until, self.policy.batch_size)
            uow.commit()
        handled = 0
        if ids:
            with self.transport.session() as smtp:
                for delivery_id in ids:
                    handled += 1
                    failed = self.send_one(smtp, delivery_id)
                    if failed is not None:
                        self._back_off(*failed, ids[handled:], until)
                        break
        return handled

    def _back_off(self, error: ServerUnavailableError, retry_at: dt.datetime | None, rest: list[str],
                  until: dt.datetime) -> None:
        """The server could not be used: back the sender off and release the rest of the batch, unattempted, due
        when the failed delivery is (or when the sender tries again, if that one was parked)."""
        now, self.unreachable = self.clock(), self.unreachable + 1
        outage = self.outage
        if outage is None:
            outage = self.outage = Outage(now, now, str(error))
        outage.attempts, outage.error = outage.attempts + 1, str(error)
        outage.resume_at = now + dt.timedelta(seconds=self.policy.retry.delay_seconds(outage.attempts))
        released = 0
        if rest:
            with self.uows() as uow:
                released = uow.deliveries.release(rest, until, retry_at or outage.resume_at)
                uow.commit()
        wait = (outage.resume_at - now).total_seconds()
        if outage.attempts == 1:
            log.warning("SMTP server unreachable (%s): batch stopped, %s deliveries released unattempted; the sender "
                        "backs off %.1fs", error, released, wait)
        else:
            log.debug("SMTP server still unreachable (%s, %s tries): %s released, next try in %.1fs", error,
                      outage.attempts, released, wait)

    def _reached(self) -> None:
        if self.outage is not None:
            outage, self.outage = self.outage, None
            log.info("SMTP server reachable again after %.0fs (%s failed tries); sending resumes",
                     (self.clock() - outage.since).total_seconds(), outage.attempts)

    def send_one(self, smtp, delivery_id: str) -> tuple[ServerUnavailableError, dt.datetime | None] | None:
        """Send (or suppress) one leased delivery in its own transaction; when the server proved unusable, that
        error and the delivery's next attempt (None: parked)."""
        with self.uows() as uow:
            d = uow.deliveries.get(delivery_id, lock=True)
            if d is None or d.status != "queued":
                return None
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
                return None
            recipient = Recipient(d.recipient_id, contact.email, contact.display_name,
                                  prefs.language or contact.language or "en", prefs.time_zone or self.policy.time_zone)
            message = self._render(d, items, contacts, recipient, district.sender_name, now)
            d.attempts += 1
            unusable = self._attempt(uow, smtp, d, message, [n.id for n in items], contact.email, now)
            uow.deliveries.save(d)
            uow.commit()
        if unusable is None:
            self._reached()
            return None
        return unusable, d.due_at if d.status == "queued" else None

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

    def _attempt(self, uow, smtp, d: Delivery, message, notification_ids, address,
                 now) -> ServerUnavailableError | None:
        """Send ``message`` and record the outcome on ``d``; the error when the server itself proved unusable."""
        try:
            smtp.send(message)
        except TransientSendError as error:
            uow.deliveries.attempt(d, now, "transient", str(error))
            d.last_error, d.lease_until = str(error), None
            retry_at = self.policy.retry.next_attempt_at(d.attempts, now)
            if retry_at is not None:
                d.due_at = retry_at
            else:
                self._finish(d, "parked", now, str(error))
                uow.raise_event(NotificationFailed(d.id, d.recipient_id, d.kind, notification_ids, d.attempts,
                                                   str(error), False))
            return error if isinstance(error, ServerUnavailableError) else None
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
        return None

    @staticmethod
    def _finish(d: Delivery, status: str, now: dt.datetime, error: str) -> None:
        d.status, d.finished_at, d.lease_until = status, now, None
        if error:
            d.last_error = error
