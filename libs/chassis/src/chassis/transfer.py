"""The transfer package between districts: a passport archive sealed with a manifest (every file's path, size and
SHA-256, the sending district, the student, when, the format) that the district key signs as a compact JWS (EdDSA)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import pathlib
import shutil
import zipfile
from dataclasses import dataclass
from typing import IO

from chassis.signing import DistrictKey

FORMAT = "skillfolio-transfer"
FORMAT_VERSION = "1.0"
MANIFEST_PATH = "TRANSFER-MANIFEST.jws"
JWS_TYP = "skillfolio-transfer-manifest+jws"
CHUNK = 1 << 20


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str

    def as_dict(self) -> dict:
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


def digest(stream: IO[bytes]) -> tuple[int, str]:
    """(size, SHA-256 hex) of a stream, read chunk by chunk."""
    hasher, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        hasher.update(chunk)
        size += len(chunk)
    return size, hasher.hexdigest()


def build_manifest(files: list[FileEntry], *, key: DistrictKey, district_name: str, student_sourced_id: str,
                   student_id: str = "", created_at: dt.datetime | None = None) -> dict:
    """The manifest's JSON: the district is named by its did:web (the key's controller) and its key id."""
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "created_at": (created_at or dt.datetime.now(dt.UTC)).isoformat(),
            "district": {"id": key.controller, "name": district_name, "kid": key.kid},
            "student": {"sourced_id": student_sourced_id, "id": student_id},
            "files": [entry.as_dict() for entry in sorted(files, key=lambda e: e.path)]}


def sign_manifest(key: DistrictKey, manifest: dict) -> str:
    return key.sign_jws(manifest, typ=JWS_TYP)


def seal(source: IO[bytes], target: IO[bytes], *, key: DistrictKey, district_name: str,
         created_at: dt.datetime | None = None) -> dict:
    """Copy a passport archive from ``source`` to ``target`` (entry by entry, chunk by chunk: memory stays flat)
    and add the signed manifest as :data:`MANIFEST_PATH`; returns the manifest. The student is the one named in
    the archive's ``passport.json``."""
    files: list[FileEntry] = []
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", allowZip64=True) as out:
        names = archive.namelist()
        if "passport.json" not in names:
            raise ValueError("not a passport archive: passport.json is missing")
        if MANIFEST_PATH in names:
            raise ValueError("the archive is already sealed")
        for info in archive.infolist():
            if info.is_dir():
                continue
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type, copy.external_attr = info.compress_type, info.external_attr
            hasher, size = hashlib.sha256(), 0
            with archive.open(info) as reading, out.open(copy, "w", force_zip64=info.file_size > 1 << 30) as writing:
                while chunk := reading.read(CHUNK):
                    hasher.update(chunk)
                    size += len(chunk)
                    writing.write(chunk)
            files.append(FileEntry(info.filename, size, hasher.hexdigest()))
        student = json.loads(archive.read("passport.json")).get("student") or {}
        manifest = build_manifest(files, key=key, district_name=district_name,
                                  student_sourced_id=student.get("sourced_id", ""),
                                  student_id=student.get("id", ""), created_at=created_at)
        out.writestr(MANIFEST_PATH, sign_manifest(key, manifest))
    return manifest


def seal_file(source_path, target_path, **options) -> dict:
    """:func:`seal` between two paths; the target is written as ``<target>.partial`` and renamed when whole."""

    target = pathlib.Path(target_path)
    partial = target.with_name(target.name + ".partial")
    try:
        with open(source_path, "rb") as source, partial.open("wb") as sink:
            manifest = seal(source, sink, **options)
        shutil.move(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return manifest
