"""The gettext catalogues of notifications and the pages families use: one ``.po`` per language under
``locales/<lang>/LC_MESSAGES/notifications.po``, read once at runtime through Babel (chassis.i18n; no compiled .mo
committed).

Adding a language is adding its catalogue: ``pybabel init -D notifications -i notifications.pot -d locales -l fr``
(the template is regenerated with ``pybabel extract -F babel.cfg -k _N -k _NP:1,2 -o notifications.pot .`` run in
this folder, and ``pybabel update -D notifications -i notifications.pot -d locales`` carries new messages over).
"""
from __future__ import annotations

import functools
from pathlib import Path

from chassis import i18n
from chassis.i18n import SOURCE_LANGUAGE

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "notifications"
SUPPORTED_LANGUAGES: tuple[str, ...] = i18n.discover(LOCALES_DIR, DOMAIN)
__all__ = ["DOMAIN", "LOCALES_DIR", "SOURCE_LANGUAGE", "SUPPORTED_LANGUAGES", "Catalogues", "catalogues", "negotiate"]


class Catalogues(i18n.Catalogues):
    """Each language's notifications catalogue (chassis.i18n: parsed and compiled in memory on first use)."""

    def __init__(self, directory: Path = LOCALES_DIR) -> None:
        super().__init__(directory, DOMAIN)


@functools.lru_cache(maxsize=1)
def catalogues() -> Catalogues:
    """The package's own catalogues (shared by every renderer in the process)."""
    return Catalogues()


def negotiate(preferred: str | None, accept_language: str | None,
              supported: tuple[str, ...] = SUPPORTED_LANGUAGES) -> str:
    """The language to write in: the person's preference if we have it, else the browser's best, else English."""
    return i18n.negotiate(preferred, accept_language, supported)
