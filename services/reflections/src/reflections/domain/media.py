"""Audio and video reflections: which kinds a recording may be, what its declared file must say, and where its
bytes live. Keys are chosen here, never by clients: ``reflections/<reflection_id>/r<n>/original``."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.errors import FieldProblem
from chassis.media.declared import declared_file_problems

RECORDING_KINDS = ("audio", "video")
PROCESSING, READY, REJECTED = "processing", "ready", "rejected"
EXPIRED = "expired"          # its media removed under the district's retention schedule (the text stays)


@dataclass(frozen=True)
class MediaFile:
    """The file a student is about to upload for an audio or video revision."""

    kind: str
    file_name: str
    content_type: str
    size_bytes: int


def media_file_problems(media: MediaFile, max_bytes: int) -> list[FieldProblem]:
    """The kind must be audio or video; name, type and size (within ``max_bytes``) as the chassis checks them."""
    if media.kind not in RECORDING_KINDS:
        return [FieldProblem("media.kind", "must be audio or video")]
    return declared_file_problems(media.kind, media.file_name, media.content_type, media.size_bytes, max_bytes,
                                  prefix="media", name_field="file_name", what=f"an {media.kind} reflection")


def original_key(reflection_id: str, revision: int) -> str:
    return f"reflections/{reflection_id}/r{revision}/original"
