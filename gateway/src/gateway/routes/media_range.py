"""HTTP byte ranges for media downloads (RFC 9110 §14): one ``bytes=`` range, so video and audio can seek.

Several ranges in one header are answered with the whole object (allowed by the RFC), a malformed header is
ignored, and a range that starts past the end is unsatisfiable (416).
"""
from __future__ import annotations

import re

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


class Unsatisfiable(ValueError):
    """The range lies wholly outside the object."""


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(first, last) inclusive byte positions of a single ``Range`` header, or None to send everything."""
    match = _RANGE.fullmatch((header or "").strip())
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.group(1), match.group(2)
    if first == "":                               # "bytes=-500": the last 500 bytes
        length = int(last)
        if length == 0:
            raise Unsatisfiable("an empty suffix range")
        return max(0, size - length), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        raise Unsatisfiable(f"bytes {start}- lie outside the {size} bytes")
    return start, end
