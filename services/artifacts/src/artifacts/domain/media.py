"""Artifact media rules: what a file submission must say, where a version's bytes live, and how media is served.

Keys are chosen here, never by clients: the upload goes to ``artifacts/<artifact_id>/v<n>/original``; the media
worker's checked copy (``checked/artifacts/.../original``) and thumbnail (``checked/.../thumbnail``) are served.
"""
from __future__ import annotations

from artifacts.domain import model
from artifacts.domain.model import Kind, VersionInput
from chassis.errors import FieldProblem
from chassis.media.declared import declared_file_problems, file_name_problems  # noqa: F401 (re-exported)
from chassis.media.naming import checked_key

INLINE_DOCUMENT_TYPES = frozenset({"application/pdf", "text/plain"})


def version_problems(kind: Kind, content: VersionInput, max_bytes: int = 0) -> list[FieldProblem]:
    """A link kind takes exactly a link; every other kind takes a file (name, type, size within ``max_bytes``)."""
    if kind is Kind.LINK:
        if content.file_name or content.size_bytes:
            return [FieldProblem("file", "a link artifact has no file")]
        problem = model.link_problem(content.link_url)
        return [problem] if problem else []
    if content.link_url:
        return [FieldProblem("content.link_url", f"a {kind.value} artifact takes a file, not a link")]
    return declared_file_problems(kind.value, content.file_name, content.content_type, content.size_bytes,
                                  max_bytes, what=f"a {kind.value} artifact")


def original_key(artifact_id: str, version: int) -> str:
    return f"artifacts/{artifact_id}/v{version}/original"


def thumbnail_key(artifact_id: str, version: int) -> str:
    """Written by the media worker only, in the checked namespace (no upload target is ever issued there)."""
    return checked_key(f"artifacts/{artifact_id}/v{version}/thumbnail")


def legacy_thumbnail_key(artifact_id: str, version: int) -> str:
    """Where thumbnails were kept before checked copies (removed when such a version is re-checked)."""
    return f"artifacts/{artifact_id}/v{version}/thumbnail"


def served_inline(kind: Kind, sniffed_type: str) -> bool:
    """Whether ``media_url`` may open in the browser: images, audio and video (served as their SNIFFED type), PDFs
    and plain text; office files and "other" files are always downloads (attachment)."""
    if kind in (Kind.IMAGE, Kind.AUDIO, Kind.VIDEO):
        return True
    return kind is Kind.DOCUMENT and sniffed_type in INLINE_DOCUMENT_TYPES
