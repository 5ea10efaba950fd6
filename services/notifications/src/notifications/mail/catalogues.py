"""The gettext catalogues of notifications and the pages families use: one ``.po`` per language under
``locales/<lang>/LC_MESSAGES/notifications.po``, read once at runtime through Babel (no compiled .mo committed).

Adding a language is adding its catalogue: ``pybabel init -D notifications -i notifications.pot -d locales -l fr``
(the template is regenerated with ``pybabel extract -F babel.cfg -k _N -k _NP:1,2 -o notifications.pot .`` run in
this folder, and ``pybabel update -D notifications -i notifications.pot -d locales`` carries new messages over).
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

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "notifications"
SOURCE_LANGUAGE = "en"
_TAG = re.compile(r"[A-Za-z]{1,8}")


def _discover(directory: Path) -> tuple[str, ...]:
    found = {p.name for p in directory.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()}
    return tuple(sorted(found, key=lambda lang: (lang != SOURCE_LANGUAGE, lang)))


SUPPORTED_LANGUAGES: tuple[str, ...] = _discover(LOCALES_DIR)


class Catalogues:
    """Each language's catalogue, parsed and compiled in memory on first use, then kept."""

    def __init__(self, directory: Path = LOCALES_DIR) -> None:
        self.directory = Path(directory)
        self.languages = _discover(self.directory)

    def catalog(self, language: str) -> Catalog:
        """The parsed ``.po`` of ``language`` (for checks and tooling)."""
        if language not in self.languages:
            raise ValueError(f"language: no catalogue for {language!r} (have {', '.join(self.languages)})")
        with open(self.directory / language / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as po:
            return read_po(po, locale=language, domain=DOMAIN)

    @functools.cache  # noqa: B019 - one Catalogues per process, kept for its life
    def translations(self, language: str) -> Translations:
        """gettext-style translations of ``language``; a message without a translation reads as its English msgid."""
        compiled = io.BytesIO()
        write_mo(compiled, self.catalog(language), use_fuzzy=False)
        compiled.seek(0)
        return Translations(compiled, domain=DOMAIN)

    def gettext(self, language: str, message: str) -> str:
        return self.translations(language).gettext(message)

    def ngettext(self, language: str, singular: str, plural: str, n: int) -> str:
        return self.translations(language).ngettext(singular, plural, n)


@functools.lru_cache(maxsize=1)
def catalogues() -> Catalogues:
    """The package's own catalogues (shared by every renderer in the process)."""
    return Catalogues()


def _primary(tag: str) -> str:
    return tag.strip().replace("_", "-").split("-", 1)[0].lower()


def negotiate(preferred: str | None, accept_language: str | None,
              supported: tuple[str, ...] = SUPPORTED_LANGUAGES) -> str:
    """The language to write in: the person's preference if we have it, else the best of the browser's
    ``Accept-Language`` (highest q first; ``es-MX`` matches ``es``), else English."""
    if preferred and _primary(preferred) in supported:
        return _primary(preferred)
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
        language = _primary(tag)
        if quality > 0 and _TAG.fullmatch(language or "-"):
            ranked.append((-quality, position, language))
    for _, _, language in sorted(ranked):
        if language in supported:
            return language
    return SOURCE_LANGUAGE if SOURCE_LANGUAGE in supported else supported[0]
