"""Each person's own side: the feed (rendered in their language, unread counts, mark read), their preferences, and
the one-click unsubscribe (no principal: the signed token names the person and the category)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from chassis.access import Viewer
from chassis.calendar import utc_now
from chassis.errors import FieldProblem, InvalidArgument
from chassis.paging import PageRequest, encode_token, query_fingerprint
from notifications.domain import access
from notifications.domain.access import Action
from notifications.domain.preferences import DistrictSettings, Preferences, updated_preferences
from notifications.mail import BadUnsubscribeToken, UnsubscribeTokens, render_in_app
from notifications.service_layer.views import people_of, view_of

FEED_PAGE, FEED_MAX = 20, 100


@dataclass
class FeedPage:
    items: list                      # (notification, its line in the viewer's language)
    unread_count: int
    next_page_token: str


@dataclass
class PreferencesView:
    preferences: Preferences
    district: DistrictSettings
    email_address: str
    email_failing: bool


def page_request(size: int, token: str, fingerprint: str, default: int = FEED_PAGE,
                 largest: int = FEED_MAX) -> PageRequest:
    parsed = PageRequest.parse(size, token, fingerprint)
    return PageRequest(min(size or default, largest), parsed.after)


def next_token(rows: list, size: int, key: Callable, fingerprint: str) -> str:
    return encode_token(key(rows[size - 1]), fingerprint) if len(rows) > size else ""


class PersonalUseCases:
    def __init__(self, uows: Callable, tokens: UnsubscribeTokens | None, time_zone: str = "UTC",
                 clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.uows, self.tokens, self.time_zone, self.clock = uows, tokens, time_zone, clock

    def language(self, uow, viewer_id: str) -> str:
        contact = uow.replicas.contacts([viewer_id]).get(viewer_id)
        return uow.settings.preferences(viewer_id).language or (contact.language if contact else "") or "en"

    def feed(self, viewer: Viewer | None, size: int, token: str, unread_only: bool) -> FeedPage:
        viewer = access.require(viewer, Action.READ_FEED)
        fingerprint = query_fingerprint("feed", viewer.subject, unread_only)
        page = page_request(size, token, fingerprint)
        with self.uows() as uow:
            rows = uow.notifications.feed(viewer.subject, unread_only, page.after, page.size)
            shown = rows[:page.size]
            contacts, language = uow.replicas.contacts(people_of(shown)), self.language(uow, viewer.subject)
            items = [(n, render_in_app(view_of(n, contacts, "http://app"), language)) for n in shown]
            students = sorted({n.student_id for n in shown if n.student_id != viewer.subject})
            if students:
                uow.audit(viewer, "feed", students)
            unread = uow.notifications.unread_count(viewer.subject)
            uow.commit()
        return FeedPage(items, unread, next_token(rows, page.size, lambda n: (n.created_at.isoformat(), n.id),
                                                  fingerprint))

    def mark_read(self, viewer: Viewer | None, ids: list[str] | None) -> int:
        viewer = access.require(viewer, Action.READ_FEED)
        with self.uows() as uow:
            uow.notifications.mark_read(viewer.subject, ids)
            unread = uow.notifications.unread_count(viewer.subject)
            uow.commit()
        return unread

    def preferences(self, viewer: Viewer | None) -> PreferencesView:
        viewer = access.require(viewer, Action.READ_FEED)
        with self.uows() as uow:
            return self._view(uow, viewer.subject)

    def _view(self, uow, person_id: str) -> PreferencesView:
        contact = uow.replicas.contacts([person_id]).get(person_id)
        email = contact.email if contact else ""
        return PreferencesView(uow.settings.preferences(person_id), uow.settings.district(), email,
                               bool(email) and uow.deliveries.address_failing(email))

    def update_preferences(self, viewer: Viewer | None, categories: dict[str, str], changes: dict) -> PreferencesView:
        viewer = access.require(viewer, Action.READ_FEED)
        with self.uows() as uow:
            current = uow.settings.preferences(viewer.subject)
            uow.settings.save_preferences(viewer.subject, updated_preferences(current, categories, changes))
            uow.commit()
            return self._view(uow, viewer.subject)

    def unsubscribe(self, token: str) -> tuple[str, str]:
        """Mute the token's category's email for its person (idempotent); (category, their language)."""
        if not token:
            raise InvalidArgument("token is required", [FieldProblem("token", "required")])
        if self.tokens is None:
            raise InvalidArgument("token: unsubscribe links are not configured here",
                                  [FieldProblem("token", "no NOTIFICATIONS_UNSUBSCRIBE_SECRET to check it with")])
        try:
            person_id, category = self.tokens.read(token)
        except BadUnsubscribeToken as error:
            raise InvalidArgument(str(error), [FieldProblem("token", "not a valid unsubscribe link")]) from None
        with self.uows() as uow:
            current = uow.settings.preferences(person_id)
            if current.categories.get(category) != "off":
                uow.settings.save_preferences(person_id, updated_preferences(current, {category: "off"}, {}))
            language = self.language(uow, person_id)
            uow.commit()
        return category, language
