"""The media worker's step after an upload lands: check the stored bytes, clean photos, store a thumbnail.

Services call :func:`process_upload` from their events role (never in a request); on :class:`MediaRejected`
they delete the object and mark the media rejected with ``reason`` (:func:`judge_upload` returns that as a value).
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from chassis.media.blobstore import BlobStore
from chassis.media.images import strip_metadata, thumbnail, thumbnail_mime
from chassis.media.kinds import DEFAULT_LIMITS, MediaLimits, MediaRejected
from chassis.media.processing import check_stream


@dataclass(frozen=True)
class ProcessedMedia:
    """What a stored upload turned out to be, after cleaning."""

    key: str
    kind: str
    mime: str
    size: int
    thumbnail_key: str | None = None
    thumbnail_mime: str | None = None


def process_upload(store: BlobStore, key: str, declared_kind: str, *, thumbnail_key: str | None = None,
                   limits: MediaLimits = DEFAULT_LIMITS) -> ProcessedMedia:
    """Validate the object at ``key`` against ``declared_kind``; for images, replace it with a metadata-free
    copy (no EXIF/GPS) and store a WebP thumbnail at ``thumbnail_key``. Raises :class:`MediaRejected`."""
    stat = store.stat(key)
    if stat is None:
        raise MediaRejected("no file was uploaded")
    with store.open(key) as stream:
        verdict = check_stream(declared_kind, stream, stat.size, limits).raise_if_rejected()
    if verdict.kind != "image":
        return ProcessedMedia(key, verdict.kind, verdict.mime, stat.size)
    with store.open(key) as stream:
        original = stream.read(limits.for_kind(declared_kind) + 1)
    if len(original) > limits.for_kind(declared_kind):  # changed since stat: oversize, never trust stat alone
        raise MediaRejected(f"the file is larger than the {declared_kind} limit")
    cleaned = strip_metadata(original)
    store.put(key, io.BytesIO(cleaned), len(cleaned), verdict.mime)
    if thumbnail_key is None:
        return ProcessedMedia(key, verdict.kind, verdict.mime, len(cleaned))
    preview = thumbnail(cleaned)
    store.put(thumbnail_key, io.BytesIO(preview), len(preview), thumbnail_mime())
    return ProcessedMedia(key, verdict.kind, verdict.mime, len(cleaned), thumbnail_key, thumbnail_mime())


READY, REJECTED = "ready", "rejected"


@dataclass(frozen=True)
class UploadVerdict:
    """The media worker's verdict on one stored upload: ``ready`` (with what the bytes are) or ``rejected``
    (with a reason for people)."""

    status: str
    mime: str = ""
    size: int = 0
    thumbnail_key: str = ""
    reason: str = ""

    @property
    def ready(self) -> bool:
        return self.status == READY



def judge_upload(store: BlobStore, key: str, declared_kind: str, *, thumbnail_key: str | None = None,
                 limits: MediaLimits = DEFAULT_LIMITS) -> UploadVerdict:
    """:func:`process_upload` as a verdict: rejections (wrong sniffed type, too large, damaged) are a value."""
    try:
        done = process_upload(store, key, declared_kind, thumbnail_key=thumbnail_key, limits=limits)
    except MediaRejected as rejected:
        return UploadVerdict(REJECTED, reason=rejected.reason)
    return UploadVerdict(READY, done.mime, done.size, done.thumbnail_key or "")
