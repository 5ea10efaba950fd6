"""The media worker's step after an upload lands: snapshot the upload where no client can write, check THAT copy,
clean photos, store a thumbnail. The snapshot (``checked/<upload key>``) is the only object ever served.

Services call :func:`judge_upload` from their media or events role (never in a request) and record its verdict;
a rejected upload's bytes are deleted.
"""
from __future__ import annotations

import io
import secrets
from dataclasses import dataclass

from chassis.media.blobstore import BlobNotFound, BlobStore
from chassis.media.images import strip_metadata, thumbnail, thumbnail_mime
from chassis.media.kinds import DEFAULT_LIMITS, MediaLimits, MediaRejected, human_size
from chassis.media.naming import checked_key as checked_key_of
from chassis.media.processing import check_stream


@dataclass(frozen=True)
class ProcessedMedia:
    """What a stored upload turned out to be, after cleaning; ``key`` is the checked copy that is served."""

    key: str
    kind: str
    mime: str
    size: int
    thumbnail_key: str | None = None
    thumbnail_mime: str | None = None


def size_problem(size: int, kind: str, declared_size: int | None, limits: MediaLimits) -> str | None:
    """Why ``size`` stored bytes are refused: over the kind's limit, or not the size the client declared."""
    limit = limits.for_kind(kind)
    if size > limit:
        return f"the file is {human_size(size)}; {'other file' if kind == 'other' else kind}s may be at most " \
               f"{human_size(limit)}"
    if declared_size is not None and size != declared_size:
        return f"the uploaded file is {size:,} bytes, but {declared_size:,} bytes were declared; upload it again"
    return None


def process_upload(store: BlobStore, key: str, declared_kind: str, *, checked_key: str | None = None,
                   thumbnail_key: str | None = None, declared_size: int | None = None,
                   limits: MediaLimits = DEFAULT_LIMITS) -> ProcessedMedia:
    """Copy the upload at ``key`` to a scratch key of this run, validate that copy against ``declared_kind`` and
    ``declared_size`` (None: not compared), for images replace it with a metadata-free one (no EXIF/GPS) and store
    a WebP thumbnail at ``thumbnail_key``; only then publish it at ``checked_key`` (default ``checked/<key>``).
    So nothing but checked bytes is ever written there, even by two runs at once, and a write to ``key`` after
    the copy changes nothing that is served. Raises :class:`MediaRejected` (the scratch copy is deleted)."""
    checked_key = checked_key or checked_key_of(key)
    stat = store.stat(key)
    if stat is None:
        raise MediaRejected("no file was uploaded")
    if problem := size_problem(stat.size, declared_kind, declared_size, limits):
        raise MediaRejected(problem)                          # refused before copying anything
    scratch = f"{checked_key}.{secrets.token_hex(8)}"
    try:
        store.copy(key, scratch)
    except BlobNotFound:
        raise MediaRejected("no file was uploaded") from None
    try:
        done = _process_copy(store, scratch, declared_kind, thumbnail_key, declared_size, limits)
        store.copy(scratch, checked_key)
    finally:
        store.delete(scratch)
    return ProcessedMedia(checked_key, done.kind, done.mime, done.size, done.thumbnail_key, done.thumbnail_mime)


def _process_copy(store: BlobStore, key: str, declared_kind: str, thumbnail_key: str | None,
                  declared_size: int | None, limits: MediaLimits) -> ProcessedMedia:
    stat = store.stat(key)
    if stat is None:
        raise MediaRejected("no file was uploaded")
    if problem := size_problem(stat.size, declared_kind, declared_size, limits):
        raise MediaRejected(problem)                          # replaced between the stat and the copy
    with store.open(key) as stream:
        verdict = check_stream(declared_kind, stream, stat.size, limits).raise_if_rejected()
    if verdict.kind != "image":
        return ProcessedMedia(key, verdict.kind, verdict.mime, stat.size)
    with store.open(key) as stream:
        original = stream.read(limits.for_kind(declared_kind) + 1)
    if len(original) > limits.for_kind(declared_kind):  # never trust stat alone
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
    """The media worker's verdict on one stored upload: ``ready`` (with what the bytes are and the checked key to
    serve) or ``rejected`` (with a reason for people)."""

    status: str
    mime: str = ""
    size: int = 0
    thumbnail_key: str = ""
    reason: str = ""
    key: str = ""

    @property
    def ready(self) -> bool:
        return self.status == READY


def judge_upload(store: BlobStore, key: str, declared_kind: str, *, thumbnail_key: str | None = None,
                 declared_size: int | None = None, limits: MediaLimits = DEFAULT_LIMITS) -> UploadVerdict:
    """:func:`process_upload` as a verdict: rejections (wrong sniffed type, size, damage) are a value."""
    try:
        done = process_upload(store, key, declared_kind, thumbnail_key=thumbnail_key, declared_size=declared_size,
                              limits=limits)
    except MediaRejected as rejected:
        return UploadVerdict(REJECTED, reason=rejected.reason)
    return UploadVerdict(READY, done.mime, done.size, done.thumbnail_key or "", key=done.key)
