"""A zip archive written as a stream: entries go through :mod:`zipfile` into a buffer that the caller drains after
each write (no seeking, so sizes and CRCs follow each entry in data descriptors); nothing is held but one chunk.

zipfile computes each entry's CRC-32 with its module's ``crc32``, bound at import to zlib's. This zlib has no
hardware CRC: a passport's gigabyte of media took 0.22 s of CRC alone. ISA-L's ``crc32`` (``isal``) computes the same
value about six times faster, so it is bound in its place: the archives are byte for byte the same."""
from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from isal import isal_zlib

zipfile.crc32 = isal_zlib.crc32     # the same function, faster (above); zipfile looks it up at each write


class _Sink:
    """A write-only file for zipfile (no ``tell``/``seek``: zipfile then streams with data descriptors); it keeps
    the written pieces as they are (a stored media chunk is passed on without a copy)."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = pieces

    def write(self, data) -> int:
        self.pieces.append(bytes(data) if not isinstance(data, bytes) else data)
        return len(data)

    def flush(self) -> None:
        pass


class ZipStream:
    """``with stream.entry(name) as f: f.write(...); yield stream.take()`` for each entry, then ``close()`` and a
    last ``take()`` for the central directory."""

    def __init__(self) -> None:
        self._pieces: list[bytes] = []
        self._zip = zipfile.ZipFile(_Sink(self._pieces), "w", allowZip64=True)
        self._stamp = time.localtime()[:6]

    def take(self) -> bytes:
        """The bytes written since the last take."""
        data = b"".join(self._pieces)          # one piece (a media chunk) is returned as it is
        self._pieces.clear()
        return data

    @contextmanager
    def entry(self, name: str, compress: bool = True) -> Iterator[IO[bytes]]:
        """An entry to write; ``compress=False`` stores it (media are compressed already: deflating costs CPU)."""
        info = zipfile.ZipInfo(name, date_time=self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        with self._zip.open(info, "w", force_zip64=not compress) as handle:
            yield handle

    def write(self, name: str, data: bytes) -> bytes:
        """A whole small entry (JSON, HTML, a JWT), deflated; returns the bytes to send."""
        with self.entry(name) as handle:
            handle.write(data)
        return self.take()

    def close(self) -> bytes:
        self._zip.close()
        return self.take()
