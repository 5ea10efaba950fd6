"""Streaming access to a OneRoster 1.2 CSV bulk set in a folder or a .zip: records with the line each one starts on.

Uses Python's csv module: UTF-8 with or without BOM, CRLF or LF, quoted fields holding commas and newlines.
"""
from __future__ import annotations

import csv
import io
import pathlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from roster.importer.problems import SourceError

csv.field_size_limit(1 << 20)   # a 1 MiB field is already absurd for a roster; larger ones are reported
# A whole district's enrollments.csv is ~70 MB. zipfile never inflates past a member's declared size, so refusing
# large declared sizes up front bounds the work a decompression bomb can cause.
MAX_ZIP_MEMBER_BYTES = 2 << 30


class _CountingReader(io.RawIOBase):
    """Counts bytes read from a binary stream so progress can be shown as a fraction of the file."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._raw.read(len(buffer))
        buffer[:len(data)] = data
        self.bytes_read += len(data)
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


@dataclass
class Record:
    line: int              # the line the record starts on (header = 1)
    values: list[str]


class CsvFile:
    """One open CSV file: ``header`` (names stripped), then :meth:`records`; ``bytes_read`` for progress."""

    def __init__(self, name: str, raw: BinaryIO, size: int) -> None:
        self.name = name
        self.size = size
        self._counter = _CountingReader(raw)
        self._text = io.TextIOWrapper(io.BufferedReader(self._counter, 1 << 16), encoding="utf-8-sig", newline="")
        self._reader = csv.reader(self._text, strict=True)
        self.header: list[str] = [name.strip() for name in next(self._reader, [])]

    @property
    def bytes_read(self) -> int:
        return self._counter.bytes_read

    def records(self) -> Iterator[Record]:
        """Yields non-blank records; csv.Error and UnicodeDecodeError propagate with ``line`` set on the file."""
        reader = self._reader
        ended = reader.line_num
        for values in reader:
            start, ended = ended + 1, reader.line_num
            if values and not (len(values) == 1 and not values[0].strip()):
                yield Record(start, values)

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def close(self) -> None:
        self._text.close()


class RosterSource:
    """A folder or a .zip holding ``manifest.csv`` and the OneRoster files it announces."""

    def __init__(self, path: str | pathlib.Path) -> None:
        self.path = pathlib.Path(path)
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, zipfile.ZipInfo] = {}
        if self.path.is_dir():
            return
        if self.path.is_file() and zipfile.is_zipfile(self.path):
            self._zip = zipfile.ZipFile(self.path)
            for info in self._zip.infolist():
                base = info.filename.rsplit("/", 1)[-1]
                if info.is_dir() or not base.endswith(".csv") or base.startswith("."):
                    continue
                if base in self._members:
                    raise SourceError(f"{self.path}: the zip holds {base} twice")
                if info.file_size > MAX_ZIP_MEMBER_BYTES:
                    raise SourceError(f"{self.path}: {base} expands to {info.file_size:,} bytes; "
                                      f"the limit is {MAX_ZIP_MEMBER_BYTES:,}")
                self._members[base] = info
            return
        raise SourceError(f"{self.path}: not a folder or a .zip file")

    def exists(self, name: str) -> bool:
        if self._zip is not None:
            return name in self._members
        return (self.path / name).is_file()

    def open(self, name: str) -> CsvFile:
        if self._zip is not None:
            info = self._members[name]
            return CsvFile(name, self._zip.open(info), info.file_size)
        file = self.path / name
        return CsvFile(name, open(file, "rb"), file.stat().st_size)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> RosterSource:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
