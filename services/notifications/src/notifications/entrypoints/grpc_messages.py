"""Proto <-> service-layer values for the notifications gRPC API (no rules here)."""
from __future__ import annotations

from notifications.domain.access import viewer_can as can
from notifications.domain.preferences import CRITICAL, DistrictSettings
from notifications.mail import SUPPORTED_LANGUAGES
from notifications.mail.model import CATEGORIES, MUTABLE_CATEGORIES
from skillfolio.notifications.v1 import notifications_pb2 as pb


def iso(moment) -> str:
    return moment.isoformat() if moment else ""


def viewer_can(viewer) -> pb.ViewerCan:
    return pb.ViewerCan(**can(viewer)) if viewer is not None else pb.ViewerCan()


def feed_item(n, text: str, names) -> pb.FeedItem:
    student = names.get(n.student_id)
    return pb.FeedItem(id=n.id, kind=n.kind, category=n.category, student_id=n.student_id,
                       student_first_name=student.given_name if student else "", text=text, link=n.link,
                       created_at=iso(n.updated_at or n.created_at), read=n.read, count=n.count,
                       user_text=n.user_text)


def categories(values) -> dict[str, str]:
    return {c.category: c.delivery for c in values}


def preferences_reply(view, district: DistrictSettings):
    p = view.preferences
    chosen = [pb.CategoryPreference(category=c, delivery=p.delivery(c, district)) for c in CATEGORIES]
    prefs = pb.Preferences(categories=chosen, email=p.email, language=p.language, time_zone=p.time_zone,
                           quiet_hours_start=p.quiet_hours_start, quiet_hours_end=p.quiet_hours_end,
                           email_address=view.email_address, email_failing=view.email_failing)
    defaults = [pb.CategoryPreference(category=c, delivery=district.default_delivery.get(c, "instant"))
                for c in MUTABLE_CATEGORIES]
    return prefs, list(CRITICAL), defaults, list(SUPPORTED_LANGUAGES)


def changes(request, names: tuple[str, ...]) -> dict:
    return {name: getattr(request, name) for name in names if request.HasField(name)}


def district(d: DistrictSettings) -> pb.DistrictSettings:
    return pb.DistrictSettings(
        default_delivery=[pb.CategoryPreference(category=c, delivery=d.default_delivery.get(c, "instant"))
                          for c in MUTABLE_CATEGORIES],
        approval_required=d.approval_required,
        school_overrides=[pb.SchoolApproval(school_id=s, approval_required=v)
                          for s, v in sorted(d.school_overrides.items())],
        digest_hour=d.digest_hour, weekly_weekday=d.weekly_weekday, sender_name=d.sender_name)


def approval(a, names, text: str) -> pb.Approval:
    student = names.get(a.student_id)
    return pb.Approval(id=a.id, kind=a.kind, student_id=a.student_id,
                       student_name=student.display_name if student else a.student_id, subject_id=a.subject_id,
                       link=a.link, created_at=iso(a.created_at), text=text)


def parked(d, names) -> pb.ParkedDelivery:
    person = names.get(d.recipient_id)
    return pb.ParkedDelivery(id=d.id, recipient_id=d.recipient_id,
                             recipient_name=person.display_name if person else d.recipient_id, kind=d.kind,
                             attempts=d.attempts, last_error=d.last_error, parked_at=iso(d.finished_at))
