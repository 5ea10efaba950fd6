"""Ids that carry their creation time (UUID version 7, RFC 9562), so a service whose replica has not heard of an id
yet can tell "created moments ago elsewhere" (retry) from "unknown for good" (refuse)."""
from __future__ import annotations

import datetime as dt
import os
import uuid

from chassis.calendar import utc_now


def new_id(now: dt.datetime | None = None) -> str:
    """A UUIDv7 string: 48 bits of Unix milliseconds, the version and variant bits, 74 random bits
    (Python 3.14's ``uuid.uuid7`` makes the same layout)."""
    millis = int((now or utc_now()).timestamp() * 1000) & ((1 << 48) - 1)
    random = int.from_bytes(os.urandom(10), "big")
    value = (millis << 80) | (random & ((1 << 80) - 1))
    value = (value & ~(0xF << 76)) | (0x7 << 76)            # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)            # RFC 9562 variant
    return str(uuid.UUID(int=value))


def created_at(object_id: str) -> dt.datetime | None:
    """When a UUIDv7 id was minted; None for any other id (a UUIDv4, a roster sourcedId, garbage)."""
    try:
        parsed = uuid.UUID(object_id)
    except (ValueError, TypeError, AttributeError):
        return None
    if parsed.version != 7 or parsed.variant != uuid.RFC_4122:
        return None
    return dt.datetime.fromtimestamp((parsed.int >> 80) / 1000, dt.UTC)


def may_still_arrive(object_id: str, now: dt.datetime, wait: dt.timedelta) -> bool:
    """True when ``object_id`` was minted within ``wait`` of ``now`` (either side: clocks differ between hosts), so
    an event announcing it may still be on its way."""
    minted = created_at(object_id)
    return minted is not None and abs(now - minted) <= wait
