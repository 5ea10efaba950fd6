"""Checks of the file a client declares before uploading it (name, type, size): refused before any upload.

The declared type is only the browser's word: the media worker sniffs the stored bytes again afterwards.
"""
from __future__ import annotations

import re
import unicodedata

from chassis.errors import FieldProblem
from chassis.media.kinds import human_size

FILE_NAME_MAX, CONTENT_TYPE_MAX = 255, 255
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+(;[ \w.+=\"-]*)*")

# Invisible characters that reorder or hide text: a right-to-left override shows "gpj.exe" as "exe.jpg".
# Format characters (Cf) go too, except the joiners that Persian, Indic scripts and emoji need.
_JOINERS = frozenset("\u200c\u200d")
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


def has_hidden(value: str) -> bool:
    """Control, bidirectional, format, surrogate or private-use characters (what a page and a download would show
    differently)."""
    return any(unicodedata.category(c) in _HIDDEN_CATEGORIES and c not in _JOINERS for c in value)


def file_name_problems(name: str, field: str = "file.name") -> list[FieldProblem]:
    """The uploader's file name is shown and offered on download, never used as a key: it must read the same on
    the page and on disk (no controls, bidirectional overrides or slashes; not ``.``/``..``; no trailing dot or
    space, which Windows drops)."""
    if not name.strip():
        return [FieldProblem(field, "name the file being uploaded")]
    if len(name) > FILE_NAME_MAX:
        return [FieldProblem(field, f"{len(name)} characters; at most {FILE_NAME_MAX}")]
    if has_hidden(name) or any(c in name for c in "/\\"):
        return [FieldProblem(field, "must not contain control characters, invisible or right-to-left formatting "
                                    "characters, or slashes")]
    if not name.strip(". "):
        return [FieldProblem(field, "must be a file name, not only dots")]
    if name.endswith((".", " ")):
        return [FieldProblem(field, "must not end with a dot or a space (Windows would drop them on download)")]
    return []


def declared_file_problems(kind: str, file_name: str, content_type: str, size_bytes: int, max_bytes: int,
                           prefix: str = "file", name_field: str = "name", what: str = "") -> list[FieldProblem]:
    """Name, size (not empty, within ``max_bytes``) and media type of a declared ``kind`` file, reported on fields
    ``<prefix>.<name_field>``, ``<prefix>.size_bytes``, ``<prefix>.content_type``; ``what`` names the thing the file
    is for in messages ("a video artifact"; default "a <kind> file")."""
    what = what or f"a {kind} file"
    problems = file_name_problems(file_name, f"{prefix}.{name_field}")
    if size_bytes <= 0:
        problems.append(FieldProblem(f"{prefix}.size_bytes", f"{what} needs a file that is not empty"))
    elif max_bytes and size_bytes > max_bytes:
        problems.append(FieldProblem(f"{prefix}.size_bytes", f"the file is {human_size(size_bytes)}; "
                                                             f"{kind} files may be at most {human_size(max_bytes)}"))
    if content_type and (len(content_type) > CONTENT_TYPE_MAX or not _MEDIA_TYPE.fullmatch(content_type)):
        problems.append(FieldProblem(f"{prefix}.content_type", "is not a valid media type"))
    return problems
