"""Keyset pagination shared by every service: page-size rules and opaque page tokens carrying the last sort key.

A token also carries a fingerprint of the query it belongs to, so a token from another list (or from the same
list with other filters) is rejected instead of silently skipping rows.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass

from chassis.errors import FieldProblem, InvalidArgument

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
TOKEN_FIELD = "page.page_token"
SIZE_FIELD = "page.page_size"

Key = tuple[str | int, ...]


def query_fingerprint(kind: str, *filters: object) -> str:
    """A short digest naming one list query with its filters."""
    raw = json.dumps([kind, *[str(f) for f in filters]], separators=(",", ":"))
    return hashlib.blake2s(raw.encode(), digest_size=6).hexdigest()


@dataclass(frozen=True)
class PageRequest:
    """What a caller asked for: a page size (already defaulted and capped) and where to resume."""

    size: int = DEFAULT_PAGE_SIZE
    after: Key | None = None

    @classmethod
    def parse(cls, page_size: int, page_token: str, fingerprint: str) -> PageRequest:
        """Validate raw request fields; size 0 means the default, sizes above the maximum are capped."""
        if page_size < 0:
            raise InvalidArgument("page_size must not be negative",
                                  [FieldProblem(SIZE_FIELD, f"got {page_size}; use 1..{MAX_PAGE_SIZE} or 0")])
        size = min(page_size or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
        return cls(size=size, after=decode_token(page_token, fingerprint) if page_token else None)


def encode_token(key: Key, fingerprint: str) -> str:
    body = json.dumps({"q": fingerprint, "k": list(key)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(body).rstrip(b"=").decode()


def decode_token(token: str, fingerprint: str) -> Key:
    """The sort key a token resumes after; InvalidArgument if it is malformed or from another query."""
    try:
        padded = token + "=" * (-len(token) % 4)
        body = json.loads(base64.urlsafe_b64decode(padded.encode()))
        key, query = body["k"], body["q"]
        if not isinstance(key, list) or not all(isinstance(v, (str, int)) for v in key):
            raise ValueError("key")
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidArgument("page_token is not a token this service issued",
                              [FieldProblem(TOKEN_FIELD, "malformed")]) from exc
    if query != fingerprint:
        raise InvalidArgument("page_token belongs to a different query or different filters",
                              [FieldProblem(TOKEN_FIELD, "reuse the same filters as the first page")])
    return tuple(key)
