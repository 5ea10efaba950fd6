"""Notification use cases the pages and the REST API share: building the notifications service's requests from
what a person changed (only the fields given change), made as the caller's principal; the service decides access."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from chassis.context import Principal
from chassis.errors import DomainError
from gateway.clients.backends import Backends
from skillfolio.notifications.v1 import notifications_pb2 as npb

DELIVERIES = ("instant", "daily", "weekly", "off")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _categories(choices: Mapping[str, str]) -> list[npb.CategoryPreference]:
    return [npb.CategoryPreference(category=c, delivery=d) for c, d in choices.items()]


async def feed(backends: Backends, principal: Principal, page_size: int = 20, page_token: str = "",
               unread_only: bool = False) -> npb.ListFeedResponse:
    return await backends.notifications.list_feed(principal, npb.ListFeedRequest(
        page_size=page_size, page_token=page_token, unread_only=unread_only))


async def mark_read(backends: Backends, principal: Principal, ids: Iterable[str]) -> int:
    """Marks the caller's own notifications read; the unread count after."""
    return (await backends.notifications.mark_read(principal, npb.MarkReadRequest(ids=list(ids)))).unread_count


async def mark_all_read(backends: Backends, principal: Principal) -> int:
    return (await backends.notifications.mark_all_read(principal)).unread_count


async def update_preferences(backends: Backends, principal: Principal, *, categories: Mapping[str, str] = {},
                             **fields) -> npb.UpdatePreferencesResponse:
    """Change the given categories' delivery and the fields given (email, language, time_zone, quiet hours)."""
    given = {name: value for name, value in fields.items() if value is not None}
    return await backends.notifications.update_preferences(principal, npb.UpdatePreferencesRequest(
        categories=_categories(categories), **given))


async def update_district(backends: Backends, principal: Principal, *, default_delivery: Mapping[str, str] = {},
                          school_overrides: Mapping[str, bool] = {}, clear_school_overrides: Iterable[str] = (),
                          **fields) -> npb.UpdateDistrictSettingsResponse:
    """Change the district's defaults, approval setting, digest timing or sender name (only what is given)."""
    given = {name: value for name, value in fields.items() if value is not None}
    return await backends.notifications.update_district_settings(principal, npb.UpdateDistrictSettingsRequest(
        default_delivery=_categories(default_delivery),
        school_overrides=[npb.SchoolApproval(school_id=s, approval_required=r) for s, r in school_overrides.items()],
        clear_school_overrides=list(clear_school_overrides), **given))


async def remember_language(backends: Backends, principal: Principal) -> str:
    """The person's preferred language (read once per session by the pages), "" when the service has none."""
    return (await backends.notifications.get_preferences(principal)).preferences.language


async def home_feed(backends: Backends, principal: Principal) -> npb.ListFeedResponse | None:
    """The newest few notifications for a home page; None while the notifications service is unreachable (the
    rest of the home page still shows)."""
    try:
        return await feed(backends, principal, page_size=5)
    except DomainError as error:
        if error.code in ("UNAVAILABLE", "DEADLINE_EXCEEDED", "CANCELLED"):
            return None
        raise
