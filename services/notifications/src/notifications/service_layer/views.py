"""Notifications as their recipient reads them: the mail package's NotificationView from a stored notification
and the replicas' names (the feed line, the instant email and digest items all start here)."""
from __future__ import annotations

from collections import Counter

from notifications.adapters.orm import utc
from notifications.adapters.replicas import Contact
from notifications.mail.model import MUTABLE_CATEGORIES, NotificationView


def first_name(contacts: dict[str, Contact], person_id: str) -> str:
    contact = contacts.get(person_id)
    return (contact.given_name if contact else "") or "your child"


def view_of(n, contacts: dict[str, Contact], base_url: str) -> NotificationView:
    """``n``: a notification record (row or dataclass) with the notification table's fields."""
    actor = contacts.get(n.actor_id)
    return NotificationView(
        notification_id=n.id, category=n.category, kind=n.kind, child_first_name=first_name(contacts, n.student_id),
        actor_name=actor.display_name if actor else "Someone", count=n.count, title=n.title or None,
        user_text=n.user_text or None, outcome=n.outcome or None, occurred_at=utc(n.updated_at or n.created_at),
        link=base_url.rstrip("/") + (n.link or "/"))


def people_of(items) -> set[str]:
    return {p for n in items for p in (n.actor_id, n.student_id, n.recipient_id) if p}


def unsubscribe_category(items) -> str | None:
    """The category a digest's one-click link mutes: its most frequent mutable one (None: only critical items)."""
    counts = Counter(n.category for n in items if n.category in MUTABLE_CATEGORIES)
    return counts.most_common(1)[0][0] if counts else None


def grouped_by_child(items, contacts: dict[str, Contact], base_url: str):
    """Digest groups: (child first name, that child's views), children in a stable order."""
    groups: dict[str, list] = {}
    for n in sorted(items, key=lambda n: (n.student_id, n.created_at)):
        groups.setdefault(n.student_id, []).append(view_of(n, contacts, base_url))
    return [(first_name(contacts, student), views) for student, views in groups.items()]


def approval_line(a, contacts: dict[str, Contact], language: str) -> str:
    """The teacher's one line for a held item (what families will be told once approved)."""
    from notifications.domain.recipients import category_of
    from notifications.mail import render_in_app
    student = contacts.get(a.student_id)
    view = NotificationView(notification_id=a.id, category=category_of(a.kind), kind=a.kind,
                            child_first_name=first_name(contacts, a.student_id),
                            actor_name=student.display_name if student else "", count=1, title=a.title or None,
                            user_text=None, outcome=None, occurred_at=utc(a.created_at), link="http://app" + a.link)
    return render_in_app(view, language)
