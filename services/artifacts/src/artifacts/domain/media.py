"""Artifact media rules: where a version's bytes live, how big each kind may be, and how media is served.

Keys are chosen here, never by clients: ``artifacts/<artifact_id>/v<n>/original`` and ``.../thumbnail``.
"""
from __future__ import annotations

from dataclasses import dataclass

from artifacts.domain.model import Kind

INLINE_DOCUMENT_TYPES = frozenset({"application/pdf", "text/plain"})


def original_key(artifact_id: str, version: int) -> str:
    return f"artifacts/{artifact_id}/v{version}/original"


def thumbnail_key(artifact_id: str, version: int) -> str:
    return f"artifacts/{artifact_id}/v{version}/thumbnail"


@dataclass(frozen=True)
class UploadPlan:
    """How a version's bytes travel: one PUT, or MULTIPART in ``part_size`` parts when at least ``threshold``."""

    multipart_threshold: int
    part_size: int

    def is_multipart(self, size: int) -> bool:
        return size >= self.multipart_threshold


def served_inline(kind: Kind, sniffed_type: str) -> bool:
    """Whether ``media_url`` may open in the browser: images, audio and video (served as their SNIFFED type), PDFs
    and plain text; office files and "other" files are always downloads (attachment)."""
    if kind in (Kind.IMAGE, Kind.AUDIO, Kind.VIDEO):
        return True
    return kind is Kind.DOCUMENT and sniffed_type in INLINE_DOCUMENT_TYPES
