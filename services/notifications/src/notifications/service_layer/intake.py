"""Turning an occurrence into notifications (the events role): the recipients rule over the replicas, teacher
approval holds, coalescing (one actor's same kind of news about one student within
:data:`~notifications.domain.timing.COALESCE_WINDOW` is one notification), and each recipient's email scheduled
by their preferences: instant (after the coalescing delay, outside quiet hours), in the next daily or weekly
digest, or none. Every notification is recorded here, before anything is sent."""
from __future__ import annotations

import datetime as dt
import functools
import uuid
from dataclasses import dataclass

from chassis.events import Envelope
from chassis.messaging.replica import named_ids
from notifications.domain.approval import needs_approval
from notifications.domain.model import Approval, Delivery, Notification
from notifications.domain.preferences import DistrictSettings, Preferences
from notifications.domain.recipients import Audience, Occurrence, category_of, recipients
from notifications.domain.timing import COALESCE_WINDOW, digest_due, instant_due
from notifications.service_layer.occurrences import READERS, Details, moment

NOT_COALESCED = frozenset({"comment_added", "panel_invited", "milestone_completed"})  # each carries its own words


@dataclass(frozen=True)
class IntakePolicy:
    time_zone: str = "UTC"                            # the district's: recipients' until they choose one
    instant_delay: dt.timedelta = dt.timedelta(minutes=2)


@functools.cache
def policy() -> IntakePolicy:
    from notifications.config import NotificationsOptions
    options = NotificationsOptions()
    return IntakePolicy(options.time_zone, dt.timedelta(seconds=options.instant_delay_seconds))


def schedule_email(uow, n: Notification, prefs: Preferences, district: DistrictSettings, at: dt.datetime,
                   zone: str, delay: dt.timedelta) -> None:
    """Set how and when ``n``'s email goes (``n.email_mode`` already says which way); an instant one is queued as
    its own delivery now."""
    zone = prefs.time_zone or zone
    if n.email_mode == "instant":
        due = instant_due(at, zone, prefs.quiet_hours_start, prefs.quiet_hours_end, delay)
        delivery = Delivery(str(uuid.uuid4()), n.recipient_id, "instant", n.id, "queued", due, at,
                            category=n.category)
        uow.deliveries.add(delivery)
        n.delivery_id = delivery.id
    elif n.email_mode in ("daily", "weekly"):
        n.email_due_at = digest_due(at, n.email_mode, zone, district.digest_hour, district.weekly_weekday)


def notify(uow, o: Occurrence, details: Details, pol: IntakePolicy) -> list[Notification]:
    """Record the notifications ``o`` makes (returned), inside the caller's transaction."""
    at = o.occurred_at or dt.datetime.now(dt.UTC)
    heard = recipients(o, uow.replicas, at.astimezone(_zone(pol.time_zone)).date())
    if not heard:
        return []
    district = uow.settings.district()
    category = category_of(o.kind)
    school = details.school_id or uow.replicas.primary_school(o.student_id)
    held = ""
    if needs_approval(o.kind, o.actor_role, school, district) and Audience.GUARDIANS in heard.values():
        held = str(uuid.uuid4())
        uow.notifications.hold(Approval(held, o.student_id, o.kind, o.subject_id, at, details.title, details.link))
    contacts = uow.replicas.contacts(heard)
    made = []
    for person, audience in heard.items():
        prefs = uow.settings.preferences(person)
        hold = held if audience is Audience.GUARDIANS else ""
        if not hold and o.kind not in NOT_COALESCED:
            earlier = uow.notifications.coalescible(person, o.actor_id, o.student_id, o.kind, at - COALESCE_WINDOW,
                                                    at + COALESCE_WINDOW)
            if earlier is not None:
                uow.notifications.bump(earlier.id, at)
                continue
        contact = contacts.get(person)
        mode = prefs.email_mode(category, district) if contact is not None and contact.email else "none"
        n = Notification(str(uuid.uuid4()), person, o.student_id, o.kind, category, o.actor_id, at,
                         subject_id=o.subject_id, title=details.title, user_text=details.user_text,
                         outcome=details.outcome, link=details.link, held_by=hold, email_mode=mode)
        if not hold:
            schedule_email(uow, n, prefs, district, at, pol.time_zone, pol.instant_delay)
        uow.notifications.add(n)
        made.append(n)
    return made


def _zone(name: str):
    from zoneinfo import ZoneInfo
    return ZoneInfo(name)


def handle(uow, envelope: Envelope) -> None:
    """The subscriptions table's effect for every notifying event type (about a student, or an artifact, erased here:
    nothing)."""
    if not uow.replicas.erased(named_ids(envelope.data)):
        notify_of(uow, envelope)


def notify_of(uow, envelope: Envelope) -> None:
    """The notifications an event makes, once the caller knows it names nothing erased here."""
    data = envelope.data
    artifact = uow.replicas.artifact(str(data["artifact_id"])) if data.get("artifact_id") else None
    reading = READERS[(envelope.producer, envelope.type)](data, moment(envelope), artifact)
    if reading is not None:
        notify(uow, *reading, policy())
