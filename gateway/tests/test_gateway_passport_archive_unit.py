"""The passport's archive pieces without any service: the streamed zip is valid piece by piece (stored media, deflated
JSON), the offline page escapes what people wrote, links only inside the archive and loads nothing from outside, and
a hand-made passport document validates against the JSON Schema the archive carries. The page is written in the
exporter's language; what people wrote stays as they wrote it. Media are fetched a few chunks ahead of the writing,
never more, and a failed fetch fails the download."""
from __future__ import annotations

import asyncio
import io
import json
import os
import re
import zipfile

import jsonschema
import pytest

from gateway.passport import document, html_view
from gateway.passport.export import _listed, _stored
from gateway.passport.zipstream import ZipStream

SCHEMA = json.loads(document.SCHEMA_PATH.read_text())
EVIL = '<script>alert("x")</script>'


def minimal(**artifact) -> dict:
    base = {"id": "a1", "title": EVIL, "description": "", "kind": "link", "link_url": "https://example.org/x",
            "skill_ids": ["s1"], "school_year_id": "y1", "school_id": "", "added_by_role": "student",
            "status": "ready", "created_at": "2026-01-02T00:00:00+00:00", "updated_at": "2026-01-02T00:00:00+00:00",
            "current_version": 1, "versions": [], "reflections": [], "feedback": [], "comments": [],
            "assessments": [{"id": "x1", "skill_id": "s1", "assessor": "T", "assessor_role": "teacher",
                             "self_assessment": False, "level_rank": 2, "level_name": "Ready", "comment": EVIL,
                             "assessed_at": "2026-01-03T00:00:00+00:00", "criteria": []}], **artifact}
    return {"$schema": document.SCHEMA_FILE, "schema_version": document.SCHEMA_VERSION,
            "generated_at": "2026-12-06T20:00:00+00:00", "exported_as": "student",
            "student": {"id": "st", "sourced_id": "s", "given_name": EVIL, "family_name": "Z", "grade_level": "05"},
            "school": None, "guardians": [], "school_years": [{"id": "y1", "title": "2025-26", "start_date": "",
                                                               "end_date": ""}],
            "skills": [{"id": "s1", "code": "c", "name": "Communicator", "description": "",
                        "colour": "#1F5FAD", "text_colour": "#FFFFFF", "retired": False}],
            "artifacts": [base], "goals": [], "milestones": [], "credentials": [], "clr": None}


def test_the_zip_is_written_as_a_stream_and_reads_back():
    stream, sent, media = ZipStream(), [], os.urandom(3 << 20)
    with stream.entry("media/a1/v1-file.bin", compress=False) as handle:
        for start in range(0, len(media), 1 << 20):
            handle.write(media[start:start + (1 << 20)])
            sent.append(stream.take())
    sent.append(stream.take())
    sent.append(stream.write("passport.json", b'{"a": 1}' * 1000))
    sent.append(stream.close())
    archive = zipfile.ZipFile(io.BytesIO(b"".join(sent)))
    assert archive.testzip() is None and archive.read("media/a1/v1-file.bin") == media
    assert archive.getinfo("passport.json").compress_type == zipfile.ZIP_DEFLATED
    assert archive.getinfo("media/a1/v1-file.bin").compress_type == zipfile.ZIP_STORED


def test_a_document_validates_and_a_broken_one_does_not():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(minimal(), SCHEMA)
    broken = minimal()
    del broken["artifacts"][0]["versions"]
    try:
        jsonschema.validate(broken, SCHEMA)
    except jsonschema.ValidationError as error:
        assert "versions" in error.message
    else:
        raise AssertionError("a passport without versions validated")


def test_the_offline_page_escapes_and_loads_nothing_from_outside():
    page = html_view.render(minimal()).decode()
    assert EVIL not in page and "&lt;script&gt;" in page
    assert not re.search(r"<script", page) and "<svg" in page           # the growth chart, drawn inline
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)        # the link artifact's URL is shown as text
    assert "https://example.org/x" in page


def test_the_offline_page_is_written_in_the_exporters_language():
    english, spanish = (html_view.render(minimal(), language).decode() for language in ("en", "es"))
    assert '<html lang="en">' in english and "Digital passport:" in english and "1 assessment, levels 2" in english
    assert '<html lang="es">' in spanish and "Pasaporte digital:" in spanish and "1 evaluación, niveles 2" in spanish
    assert "Habilidades" in spanish and "Skills</h2>" not in spanish and "Enlace" in spanish
    assert "Communicator" in spanish and "&lt;script&gt;" in spanish               # people's words as written
    assert "2 ene 2026" in spanish and "2 Jan 2026" in english                     # dates as each language writes them
    assert html_view.render(minimal(), "xx").decode().startswith('<!doctype html>\n<html lang="en">')


def test_file_names_in_the_archive_are_safe():
    assert document.safe_name("../../etc/passwd") == "etc_passwd"
    assert document.safe_name("\u202ecod.exe") == "cod.exe" and document.safe_name("...") == "file"


class _Media:
    """A MediaReader stand-in: each URL's bytes in chunks; ``fail`` raises on that URL; records how far the fetching
    got ahead of the writing."""

    def __init__(self, files: dict[str, list[bytes]], fail: str = "") -> None:
        self.files, self.fail, self.fetched = files, fail, 0

    async def chunks(self, url: str):
        if url == self.fail:
            raise OSError(f"{url}: connection reset")
        for chunk in self.files[url]:
            self.fetched += 1
            yield chunk


def _drain(media: _Media, names: list[str], written: list[int] | None = None) -> bytes:
    async def run() -> bytes:
        zipped, out = ZipStream(), []
        async for piece in _stored(zipped, media, _listed([(f"media/{n}", n) for n in names]), ahead=2):
            out.append(piece)
            if written is not None:
                written.append(media.fetched)
        out.append(zipped.close())
        return b"".join(out)
    return asyncio.run(run())


def test_media_is_fetched_ahead_of_the_writing_by_at_most_a_few_chunks_and_arrives_whole():
    files = {"a.jpg": [b"a" * 10, b"b" * 10, b"c" * 10, b"d" * 10], "b.mp3": [b"e" * 5], "c.pdf": []}
    progress: list[int] = []
    data = _drain(_Media(files), list(files), progress)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    assert {name: archive.read(f"media/{name}") for name in files} == {n: b"".join(c) for n, c in files.items()}
    assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())
    written = 0
    for fetched in progress:                          # a piece is sent per chunk (an entry's end goes with the next)
        written += 1
        assert fetched <= written + 3                 # two chunks waiting, one in the fetcher's hand


def test_a_failed_fetch_fails_the_download_with_its_reason():
    with pytest.raises(OSError, match="b.mp3: connection reset"):
        _drain(_Media({"a.jpg": [b"x"], "b.mp3": [b"y"]}, fail="b.mp3"), ["a.jpg", "b.mp3"])
