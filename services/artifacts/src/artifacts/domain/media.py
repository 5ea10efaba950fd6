"""Artifact media rules: what a file submission must say, where a version's bytes live, and how media is served.

Keys are chosen here, never by clients: ``artifacts/<artifact_id>/v<n>/original`` and ``.../thumbnail``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from chassis.errors import FieldProblem
from chassis.media.kinds import human_size

from artifacts.domain import model
from artifacts.domain.model import Kind, VersionInput

INLINE_DOCUMENT_TYPES = frozenset({"application/pdf", "text/plain"})
FILE_NAME_MAX, CONTENT_TYPE_MAX = 255, 255
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+(;[ \w.+=\"-]*)*")


def file_name_problems(name: str) -> list[FieldProblem]:
    """The uploader's file name is shown and offered on download, never used as a key: length and no controls."""
    if not name.strip():
        return [FieldProblem("file.name", "name the file being uploaded")]
    if len(name) > FILE_NAME_MAX:
        return [FieldProblem("file.name", f"{len(name)} characters; at most {FILE_NAME_MAX}")]
    if model.has_control(name) or any(c in name for c in "/\\"):
        return [FieldProblem("file.name", "must not contain control characters or slashes")]
    return []


def version_problems(kind: Kind, content: VersionInput, max_bytes: int = 0) -> list[FieldProblem]:
    """A link kind takes exactly a link; every other kind takes a file (name, type, size within ``max_bytes``)."""
    if kind is Kind.LINK:
        if content.file_name or content.size_bytes:
            return [FieldProblem("file", "a link artifact has no file")]
        problem = model.link_problem(content.link_url)
        return [problem] if problem else []
    if content.link_url:
        return [FieldProblem("content.link_url", f"a {kind.value} artifact takes a file, not a link")]
    problems = file_name_problems(content.file_name)
    if content.size_bytes <= 0:
        problems.append(FieldProblem("file.size_bytes", f"a {kind.value} artifact needs a file that is not empty"))
    elif max_bytes and content.size_bytes > max_bytes:
        problems.append(FieldProblem("file.size_bytes", f"the file is {human_size(content.size_bytes)}; "
                                                        f"{kind.value} files may be at most {human_size(max_bytes)}"))
    if content.content_type and (len(content.content_type) > CONTENT_TYPE_MAX
                                 or not _MEDIA_TYPE.fullmatch(content.content_type)):
        problems.append(FieldProblem("file.content_type", "is not a valid media type"))
    return problems


def original_key(artifact_id: str, version: int) -> str:
    return f"artifacts/{artifact_id}/v{version}/original"


def thumbnail_key(artifact_id: str, version: int) -> str:
    return f"artifacts/{artifact_id}/v{version}/thumbnail"


@dataclass(frozen=True)
class UploadPlan:
    """How a version's bytes travel: one upload (POST form or PUT), or MULTIPART in ``part_size`` parts when at
    least ``threshold``."""

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
