"""Gettext catalogues read from ``.po`` files at runtime through Babel (nothing compiled is committed), and choosing
the language to write in: the person's preference, else the browser's ``Accept-Language``, else the source language.

A package keeps ``<dir>/<lang>/LC_MESSAGES/<domain>.po`` per language; adding a language is adding its catalogue.
"""
from __future__ import annotations

import functools
import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

SOURCE_LANGUAGE = "en"
_TAG = re.compile(r"[A-Za-z]{1,8}")


def discover(directory: Path, domain: str) -> tuple[str, ...]:
    """The languages with a catalogue of ``domain`` under ``directory`` (the source language first)."""
    found = {p.name for p in Path(directory).iterdir() if (p / "LC_MESSAGES" / f"{domain}.po").is_file()}
    return tuple(sorted(found, key=lambda lang: (lang != SOURCE_LANGUAGE, lang)))


class Catalogues:
    """Each language's catalogue of one domain, parsed and compiled in memory on first use, then kept."""

    def __init__(self, directory: Path, domain: str) -> None:
        self.directory, self.domain = Path(directory), domain
        self.languages = discover(self.directory, domain)

    def catalog(self, language: str) -> Catalog:
        """The parsed ``.po`` of ``language`` (for checks and tooling)."""
        if language not in self.languages:
            raise ValueError(f"language: no catalogue for {language!r} (have {', '.join(self.languages)})")
        with open(self.directory / language / "LC_MESSAGES" / f"{self.domain}.po", "rb") as po:
            return read_po(po, locale=language, domain=self.domain)

    @functools.cache  # noqa: B019 - one Catalogues per package and process, kept for its life
    def translations(self, language: str) -> Translations:
        """gettext-style translations of ``language``; a message without a translation reads as its msgid."""
        compiled = io.BytesIO()
        write_mo(compiled, self.catalog(language), use_fuzzy=False)
        compiled.seek(0)
        return Translations(compiled, domain=self.domain)

    def gettext(self, language: str, message: str) -> str:
        return self.translations(language).gettext(message)

    def ngettext(self, language: str, singular: str, plural: str, n: int) -> str:
        return self.translations(language).ngettext(singular, plural, n)


def primary(tag: str) -> str:
    """The primary language subtag, lower case: ``es-MX`` and ``ES_us`` are ``es``."""
    return tag.strip().replace("_", "-").split("-", 1)[0].lower()


def negotiate(preferred: str | None, accept_language: str | None, supported: tuple[str, ...]) -> str:
    """The language to write in: the person's preference if we have it, else the best of the browser's
    ``Accept-Language`` (highest q first; ``es-MX`` matches ``es``), else the source language."""
    if preferred and primary(preferred) in supported:
        return primary(preferred)
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        language = primary(tag)
        if quality > 0 and _TAG.fullmatch(language or "-"):
            ranked.append((-quality, position, language))
    for _, _, language in sorted(ranked):
        if language in supported:
            return language
    return SOURCE_LANGUAGE if SOURCE_LANGUAGE in supported else supported[0]
