"""MIME type from the file's first bytes (``filetype``); the client's declared type and file name are ignored."""
from __future__ import annotations

import codecs

import filetype

SNIFF_BYTES = 8192  # read this much of the head: office formats are recognised by their first zip entries
TEXT_PLAIN = "text/plain"
UNKNOWN = "application/octet-stream"
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D}


def sniff(head: bytes) -> str:
    """The MIME type of content starting with ``head`` (pass at least :data:`SNIFF_BYTES` when available)."""
    head = bytes(head[:SNIFF_BYTES])
    if not head:
        return UNKNOWN
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    return TEXT_PLAIN if _looks_like_text(head) else UNKNOWN


def _looks_like_text(head: bytes) -> bool:
    """UTF-8 (a multi-byte character may be cut at the end of the head) without control characters."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return not any(ord(ch) < 0x20 and ord(ch) not in _TEXT_CONTROLS or ord(ch) == 0x7F for ch in text)
