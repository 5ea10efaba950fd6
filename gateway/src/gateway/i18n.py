"""The web app's languages: the gateway's gettext catalogues (``locales/<lang>/LC_MESSAGES/gateway.po``, read at
runtime through Babel), the language of each request, and the gettext the templates call (jinja2's i18n extension).

A request is written in the signed-in person's preference (their notifications preference, kept in the session), else
the language picked with the picker (a cookie), else the browser's ``Accept-Language``, else English. A signed-in
page's request speaks that language from the start (messages its route builds with ``gettext``); labels and notices
kept in English (``N_``) are translated where the page shows them (``_()``, or the ``translate`` filter for one
chosen at run time). User-written text is never passed through the catalogues. Adding a language is adding a catalogue:
``pybabel init -D gateway -i gateway.pot -d locales -l fr`` in this folder (``babel.cfg`` says how ``gateway.pot``
is extracted; ``pybabel update -D gateway -i gateway.pot -d locales`` carries new messages over).
"""
from __future__ import annotations

import contextvars
import datetime as dt
import functools
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from fastapi import Request
from jinja2 import Environment

from chassis.i18n import SOURCE_LANGUAGE, Catalogues, negotiate

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "gateway"
CATALOGUES = Catalogues(LOCALES_DIR, DOMAIN)
SUPPORTED_LANGUAGES = CATALOGUES.languages
LANGUAGE_COOKIE = "skillfolio_language"
SESSION_KEY = "language"
_language: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=SOURCE_LANGUAGE)


def language_name(language: str) -> str:
    """A language's own name for itself ("English", "Español"), as the picker offers it."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


@functools.cache
def language_choices() -> tuple[tuple[str, str], ...]:
    return tuple((language, language_name(language)) for language in SUPPORTED_LANGUAGES)


def request_language(request: Request) -> str:
    """The language of this request's page (see the module docstring for the order)."""
    preferred = request.session.get(SESSION_KEY) if "sub" in request.session else None
    return negotiate(preferred or request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language"),
                     SUPPORTED_LANGUAGES)


def current_language() -> str:
    return _language.get()


def use_language(language: str) -> contextvars.Token:
    """Write what follows (templates, dates) in ``language``; ``reset_language(token)`` undoes it."""
    return _language.set(language if language in SUPPORTED_LANGUAGES else SOURCE_LANGUAGE)


def reset_language(token: contextvars.Token) -> None:
    _language.reset(token)


def N_(message: str) -> str:   # noqa: N802 - the gettext convention for "marked, translated later"
    """Marks ``message`` for the catalogue (``pybabel extract -k N_``) without translating it here."""
    return message


def gettext(message: str) -> str:
    return CATALOGUES.gettext(_language.get(), message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return CATALOGUES.ngettext(_language.get(), singular, plural, n)


def translate(message: str) -> str:
    """``message`` (marked with ``N_`` where it was written) in the page's language, as plain text that the
    template escapes ("" stays ""); unlike ``_()`` it is neither formatted nor trusted as markup, so it suits a
    message chosen at run time, which may also be a service's own sentence (not in the catalogue: shown as is)."""
    return gettext(message) if message else ""


def local_number(value: float, decimals: int = 0) -> str:
    """A number as the page's language writes it ("1,234.5" in English, "1234,5" in Spanish)."""
    return format_decimal(value, "#,##0" + ("." + "0" * decimals if decimals else ""), locale=_language.get())


def use_request_language(request: Request) -> None:
    """Write the rest of this request (messages built in Python, then its page) in the request's language."""
    _language.set(request_language(request))


def local_date(value: str) -> str:
    """An RFC 3339 timestamp or ISO date as "23 Nov 2026" in the page's language ("" when empty or unreadable)."""
    try:
        return format_date(dt.datetime.fromisoformat(value), "d MMM y", locale=_language.get())
    except (TypeError, ValueError):
        return ""


def install(env: Environment) -> None:
    """Give ``env`` the i18n extension with this module's gettext (new-style: ``_("Hi %(name)s", name=n)``)."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)   # type: ignore[attr-defined]
    env.globals["language_choices"] = language_choices
    env.globals["current_language"] = current_language
    env.filters["nice_date"] = local_date
    env.filters["translate"] = translate
    env.filters["number"] = local_number
