"""Completed uploads of the filesystem blob store: one empty marker per key under ``<root>/.sealed/`` that makes its
signed upload URLs (whole file or parts) refuse more bytes, so what the media worker checks stays what was sent."""
from __future__ import annotations

import pathlib

from chassis.errors import Conflict, FieldProblem
from chassis.media.naming import validate_key

SEALED_DIR = ".sealed"  # keys cannot start a segment with '.', so no object can collide with it


class UploadSealed(Conflict):
    """The upload was completed: its target accepts no more bytes (what was checked must stay what was sent)."""


class Seals:
    """The sealed upload keys of one store root; a seal outlives the object (a deleted upload is not reopened)."""

    def __init__(self, root: pathlib.Path) -> None:
        self.root = root / SEALED_DIR

    def seal(self, key: str) -> None:
        marker = self.root / validate_key(key)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()

    def sealed(self, key: str) -> bool:
        return (self.root / validate_key(key)).is_file()

    def refuse_if_sealed(self, key: str) -> None:
        if self.sealed(key):
            raise UploadSealed("this upload was completed and accepts no more bytes; start a new version instead",
                               [FieldProblem("file", "the upload is already complete")])
