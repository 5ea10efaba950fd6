"""Render notifications in the recipient's language: the feed's one line, the instant email and the digest email.

Every word comes from the catalogues (``phrases`` holds the msgids); the two templates (text and HTML, Jinja2 with
HTML autoescaping) only lay them out, so they are compiled once for all languages. User-written text (a comment, a
title, a name) is kept as written: escaped in HTML, control characters removed from one-line places.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_datetime
from babel.lists import format_list
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from notifications.mail import phrases
from notifications.mail.catalogues import catalogues, negotiate
from notifications.mail.message import build_message, one_line
from notifications.mail.model import PERIODS, NotificationView, Recipient, SenderIdentity, require, require_id

TEMPLATES_DIR = Path(__file__).parent / "templates"
_ENV = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape(["html"]), trim_blocks=True,
                   lstrip_blocks=True, keep_trailing_newline=True, undefined=StrictUndefined, auto_reload=False)
_TEXT, _HTML = _ENV.get_template("mail.txt"), _ENV.get_template("mail.html")


@dataclass(frozen=True)
class _Item:
    line: str
    user_text: str | None
    when: str
    link: str


@functools.cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


@functools.cache
def _chrome(language: str) -> MappingProxyType:
    """The fixed words of an email, translated once per language."""
    tr = catalogues().translations(language)
    return MappingProxyType({key: tr.gettext(message) for key, message in phrases.CHROME.items()})


@functools.lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"recipient.time_zone: unknown time zone {name!r}") from None


def _line(view: NotificationView, language: str) -> str:
    tr = catalogues().translations(language)
    singular, plural = phrases.LINES.get(view.kind, phrases.GENERIC_LINE)
    line = tr.ngettext(singular, plural, view.count) % {
        "actor": one_line(view.actor_name), "child": one_line(view.child_first_name), "count": view.count}
    if view.title:
        line = tr.gettext(phrases.WITH_TITLE) % {"line": line, "title": one_line(view.title)}
    if view.outcome:
        line = tr.gettext(phrases.WITH_OUTCOME) % {"line": line, "outcome": one_line(view.outcome)}
    return line


def render_in_app(view: NotificationView, language: str | None) -> str:
    """The feed's one line for ``view``, in ``language`` (English when there is no catalogue for it)."""
    return _line(view, negotiate(language, None))


def _item(view: NotificationView, zone: ZoneInfo, language: str) -> _Item:
    when = format_datetime(view.occurred_at, "medium", tzinfo=zone, locale=_locale(language))
    return _Item(_line(view, language), view.user_text or None, when, view.link)


def _email(*, subject: str, intro: str | None, unsubscribe_text: str, groups: list[tuple[str, list[_Item]]],
           message_id: str, language: str, recipient: Recipient, sender: SenderIdentity,
           unsubscribe_url: str | None, now: datetime | None) -> EmailMessage:
    require(unsubscribe_url is None or isinstance(unsubscribe_url, str), "unsubscribe_url", "must be a URL or None")
    tr = catalogues().translations(language)
    context = {"language": language, "subject": subject, "intro": intro, "groups": groups, "sender": sender,
               "greeting": tr.gettext(phrases.GREETING) % {"name": one_line(recipient.display_name)},
               "why": tr.gettext(phrases.WHY) % {"sender": one_line(sender.from_name)},
               "unsubscribe_url": unsubscribe_url, "unsubscribe_text": unsubscribe_text, "t": _chrome(language)}
    return build_message(subject=subject, sender=sender, recipient=recipient, language=language,
                         message_id=message_id, text=_TEXT.render(context), html=_HTML.render(context),
                         unsubscribe_url=unsubscribe_url, now=now)


def render_instant(view: NotificationView, recipient: Recipient, sender: SenderIdentity, unsubscribe_url: str | None,
                   *, now: datetime | None = None) -> EmailMessage:
    """One notification as an email; ``unsubscribe_url`` (one click, mutes ``view.category``) may be None only
    for a category that cannot be muted."""
    language = negotiate(recipient.language, None)
    tr = catalogues().translations(language)
    child = one_line(view.child_first_name)
    subject = tr.gettext(phrases.SUBJECTS.get(view.kind, phrases.GENERIC_SUBJECT)) % {"child": child}
    stop = tr.gettext(phrases.STOP_CATEGORY) % {"category": tr.gettext(phrases.CATEGORY_NAMES[view.category])}
    item = _item(view, _zone(recipient.time_zone), language)
    return _email(subject=subject, intro=None, unsubscribe_text=stop, groups=[(child, [item])],
                  message_id=f"<notification-{view.notification_id}@{sender.domain}>", language=language,
                  recipient=recipient, sender=sender, unsubscribe_url=unsubscribe_url, now=now)


def render_digest(period: str, digest_id: str, recipient: Recipient,
                  groups: list[tuple[str, list[NotificationView]]], sender: SenderIdentity,
                  unsubscribe_url: str | None, *, now: datetime | None = None) -> EmailMessage:
    """One recipient's digest for a period, grouped by child (``groups``: child first name, that child's items)."""
    require(period in PERIODS, "period", f"must be one of {', '.join(PERIODS)}")
    require_id(digest_id, "digest_id")
    require(bool(groups) and all(views for _, views in groups), "groups", "must hold at least one notification each")
    language = negotiate(recipient.language, None)
    tr = catalogues().translations(language)
    zone, chrome = _zone(recipient.time_zone), _chrome(language)
    children = [one_line(child) for child, _ in groups]
    subject = tr.gettext(phrases.DIGEST_SUBJECTS[period]) % {
        "children": format_list(children, locale=_locale(language))}
    rendered = [(child, [_item(v, zone, language) for v in views]) for child, (_, views) in zip(children, groups)]
    return _email(subject=subject, intro=chrome[period], unsubscribe_text=chrome["stop_digest"], groups=rendered,
                  message_id=f"<digest-{digest_id}@{sender.domain}>", language=language, recipient=recipient,
                  sender=sender, unsubscribe_url=unsubscribe_url, now=now)
