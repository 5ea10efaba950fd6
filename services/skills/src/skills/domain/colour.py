"""Skill colours: #RRGGBB parsing and WCAG 2.x contrast, to pick the legible text colour (white or black)."""
from __future__ import annotations

import re

HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
WHITE, BLACK = "#FFFFFF", "#000000"
MIN_CONTRAST = 4.5          # WCAG 2.x AA for normal text


def is_hex(colour: str) -> bool:
    return bool(HEX.match(colour or ""))


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#RRGGBB`` (0 = black, 1 = white)."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio between two colours, 1.0 .. 21.0."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def legible_text_colour(colour: str) -> str | None:
    """WHITE or BLACK, whichever contrasts more with ``colour``; None if neither reaches MIN_CONTRAST."""
    best = max((WHITE, BLACK), key=lambda text: contrast_ratio(colour, text))
    return best if contrast_ratio(colour, best) >= MIN_CONTRAST else None


def colour_problem(colour: str) -> str | None:
    """Why ``colour`` cannot be a skill colour, or None if it can."""
    if not is_hex(colour):
        return f"{colour!r} is not #RRGGBB"
    if legible_text_colour(colour) is None:
        return (f"{colour!r} is not legible with white ({contrast_ratio(colour, WHITE):.2f}:1) or black "
                f"({contrast_ratio(colour, BLACK):.2f}:1) text; WCAG needs {MIN_CONTRAST}:1")
    return None
