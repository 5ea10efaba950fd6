"""Media checks and processing as pure functions: sniff the bytes, check them against the declared kind,
strip photo metadata, make thumbnails. The artifacts media worker calls these after an upload lands."""
from __future__ import annotations

from typing import BinaryIO

from chassis.media.images import (
    MAX_IMAGE_PIXELS,
    THUMBNAIL_MAX_SIDE,
    open_image,
    strip_metadata,
    thumbnail,
    thumbnail_mime,
)
from chassis.media.kinds import DEFAULT_LIMITS, KINDS, MediaCheck, MediaLimits, MediaRejected, check, describe
from chassis.media.sniffing import SNIFF_BYTES, sniff

__all__ = ["DEFAULT_LIMITS", "KINDS", "MAX_IMAGE_PIXELS", "SNIFF_BYTES", "THUMBNAIL_MAX_SIDE", "MediaCheck",
           "MediaLimits", "MediaRejected", "check", "check_stream", "describe", "open_image", "sniff",
           "strip_metadata", "thumbnail", "thumbnail_mime"]


def check_stream(declared_kind: str, stream: BinaryIO, size: int,
                 limits: MediaLimits = DEFAULT_LIMITS) -> MediaCheck:
    """Sniff the head of ``stream`` (a stored object of ``size`` bytes, from ``BlobStore.stat``) and check it."""
    return check(declared_kind, size, sniff(stream.read(SNIFF_BYTES)), limits)
