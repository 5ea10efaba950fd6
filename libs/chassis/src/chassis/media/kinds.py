"""What each artifact kind accepts (sniffed MIME types and size limits) and the user-readable rejection reasons."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.errors import FieldProblem, InvalidArgument

MB = 1024 * 1024
KINDS = ("document", "image", "audio", "video", "other")

# sniffed MIME -> (kind, how to name it to a person)
MEDIA_TYPES: dict[str, tuple[str, str]] = {
    "application/pdf": ("document", "a PDF document"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("document", "a Word document"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("document", "an Excel spreadsheet"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation":
        ("document", "a PowerPoint presentation"),
    "application/vnd.oasis.opendocument.text": ("document", "an OpenDocument text"),
    "application/vnd.oasis.opendocument.spreadsheet": ("document", "an OpenDocument spreadsheet"),
    "application/vnd.oasis.opendocument.presentation": ("document", "an OpenDocument presentation"),
    "text/plain": ("document", "a plain-text file"),
    "image/jpeg": ("image", "a JPEG image"),
    "image/png": ("image", "a PNG image"),
    "image/gif": ("image", "a GIF image"),
    "image/webp": ("image", "a WebP image"),
    "audio/mpeg": ("audio", "an MP3 recording"),
    "audio/mp4": ("audio", "an M4A recording"),
    "audio/x-wav": ("audio", "a WAV recording"),
    "audio/ogg": ("audio", "an Ogg recording"),
    "video/mp4": ("video", "an MP4 video"),
    "video/x-m4v": ("video", "an MP4 video"),
    "video/quicktime": ("video", "a QuickTime (MOV) video"),
    "video/webm": ("video", "a WebM video"),
}
# Browsers record audio into WebM (Chrome, Firefox) or MP4 (Safari) containers, which sniff as video.
AUDIO_CONTAINERS = frozenset({"video/webm", "video/mp4"})
# Recognised but refused, with a reason a person can act on.
REFUSED_LABELS: dict[str, str] = {
    "image/heic": "a HEIC photo (export it as JPEG: its location data cannot be removed here yet)",
    "image/avif": "an AVIF image", "image/tiff": "a TIFF image", "image/bmp": "a BMP image",
    "application/msword": "an old-format Word document (save it as .docx or PDF)",
    "application/vnd.ms-excel": "an old-format Excel file (save it as .xlsx or PDF)",
    "application/vnd.ms-powerpoint": "an old-format PowerPoint file (save it as .pptx or PDF)",
    "application/zip": "a ZIP archive", "application/x-msdownload": "a Windows program",
    "application/x-executable": "a program", "application/octet-stream": "of an unrecognised type",
}
# Kind "other" takes any sniffed type except REFUSED_LABELS and these programs and archives.
PROGRAMS_AND_ARCHIVES: dict[str, str] = {
    mime: "a program or archive" for mime in (
        "application/x-tar", "application/x-rar-compressed", "application/gzip", "application/x-bzip2",
        "application/x-7z-compressed", "application/x-xz", "application/zstd", "application/x-lzip",
        "application/x-lzop", "application/x-lz4", "application/x-brotli", "application/x-compress",
        "application/x-unix-archive", "application/vnd.ms-cab-compressed", "application/x-rpm", "application/x-deb",
        "application/x-shockwave-flash", "application/x-google-chrome-extension", "application/wasm",
        "application/x-nintendo-nes-rom", "application/x-sqlite3", "application/java-archive")}
ACCEPTED_SUMMARY = {
    "document": "PDF, Word, Excel, PowerPoint, OpenDocument or plain text",
    "image": "JPEG, PNG, GIF or WebP",
    "audio": "MP3, M4A, WAV, Ogg or WebM audio",
    "video": "MP4, MOV or WebM",
    "other": "any file that is not a program, an archive or of an unrecognised type",
}


@dataclass(frozen=True)
class MediaLimits:
    """Largest accepted size per kind, in bytes."""

    document: int = 25 * MB
    image: int = 25 * MB
    audio: int = 100 * MB
    video: int = 500 * MB
    other: int = 25 * MB

    def for_kind(self, kind: str) -> int:
        return getattr(self, _known_kind(kind))


DEFAULT_LIMITS = MediaLimits()


class MediaRejected(InvalidArgument):
    """An upload that is not what it claims to be, too large, damaged or unsafe; ``reason`` is for people."""

    def __init__(self, reason: str, field: str = "file") -> None:
        super().__init__(reason, [FieldProblem(field, reason)])
        self.reason = reason


@dataclass(frozen=True)
class MediaCheck:
    """The verdict on one upload: ``ok``, the kind the bytes really are, the sniffed MIME and any reason."""

    ok: bool
    mime: str
    kind: str | None
    reason: str | None = None

    def raise_if_rejected(self, field: str = "file") -> MediaCheck:
        if not self.ok:
            raise MediaRejected(self.reason or "the file was rejected", field)
        return self


def check(declared_kind: str, size: int, sniffed_mime: str, limits: MediaLimits = DEFAULT_LIMITS) -> MediaCheck:
    """Does a stored object of ``size`` bytes, sniffed as ``sniffed_mime``, fit the kind the client declared?"""
    declared_kind = _known_kind(declared_kind)
    actual_kind, label = MEDIA_TYPES.get(sniffed_mime, (None, describe(sniffed_mime)))
    if declared_kind == "audio" and sniffed_mime in AUDIO_CONTAINERS:
        actual_kind = "audio"
    if size <= 0:
        return MediaCheck(False, sniffed_mime, actual_kind, "the file is empty")
    if declared_kind == "other":
        return _check_other(size, sniffed_mime, actual_kind, limits.other)
    if actual_kind is None:
        return MediaCheck(False, sniffed_mime, None, f"the file is {label}, which is not accepted; "
                          f"a {declared_kind} must be {ACCEPTED_SUMMARY[declared_kind]}")
    if actual_kind != declared_kind:
        return MediaCheck(False, sniffed_mime, actual_kind, f"the file is {label}, not {_article(declared_kind)}")
    limit = limits.for_kind(declared_kind)
    if size > limit:
        return MediaCheck(False, sniffed_mime, actual_kind, f"the file is {human_size(size)}; "
                          f"{declared_kind}s may be at most {human_size(limit)}")
    return MediaCheck(True, sniffed_mime, actual_kind)


def _check_other(size: int, sniffed_mime: str, actual_kind: str | None, limit: int) -> MediaCheck:
    """Any file but programs, archives and refused types; an image stays ``image`` so the worker cleans it."""
    refused = REFUSED_LABELS.get(sniffed_mime) or PROGRAMS_AND_ARCHIVES.get(sniffed_mime)
    if refused:
        return MediaCheck(False, sniffed_mime, None, f"the file is {refused}, which is not accepted")
    if size > limit:
        return MediaCheck(False, sniffed_mime, actual_kind or "other",
                          f"the file is {human_size(size)}; other files may be at most {human_size(limit)}")
    return MediaCheck(True, sniffed_mime, actual_kind or "other")


def describe(mime: str) -> str:
    """How to name a sniffed type to a person ("a PNG image")."""
    if mime in MEDIA_TYPES:
        return MEDIA_TYPES[mime][1]
    return REFUSED_LABELS.get(mime, f"of type {mime}")


def _known_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InvalidArgument(f"unknown media kind {kind!r}",
                              [FieldProblem("kind", f"must be one of {', '.join(KINDS)}")])
    return kind


def _article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def human_size(size: int) -> str:
    """``1000`` -> "1000 bytes", ``3584`` -> "3.5 KB", ``26214400`` -> "25 MB" (binary units, as limits are set)."""
    if size < 1024:
        return f"{size} bytes"
    unit, name = (MB, "MB") if size >= MB else (1024, "KB")
    return f"{size // unit} {name}" if size % unit == 0 else f"{size / unit:.1f} {name}"
