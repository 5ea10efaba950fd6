"""Assemble one student's passport archive as a stream of bytes. :func:`open_passport` asks each owning service
(each checks the caller may export, audits it, and refuses before any byte is sent); :func:`archive` then writes the
zip: each artifact's media as it streams from the store, the reflections' recordings, then ``passport.json``, its
schema, the credentials and the offline ``index.html``. Only one media chunk and the (text) records are held in
memory, never a file or the archive."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass

from chassis.access import Role
from chassis.context import Principal
from gateway.clients.backends import Backends
from gateway.passport import document, html_view
from gateway.passport.media_source import MediaReader
from gateway.passport.zipstream import ZipStream
from gateway.usecases.portfolio import school_years
from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.reflections.v1 import passport_pb2 as ppb
from skillfolio.roster.v1 import roster_pb2 as rpb
from skillfolio.skills.v1 import skills_pb2 as spb


@dataclass
class Passport:
    """What the services answered before the archive starts: the refusals have all happened by now."""

    person: rpb.ExportPersonResponse
    role: str
    artifact_count: int
    media_bytes: int
    artifacts: AsyncIterator[apb.ExportPortfolioResponse]
    records: asyncio.Future[tuple[dict[str, list[dict]], dict[str, dict]]]    # still arriving as media stream
    skills: list[spb.Skill]
    years: list[rpb.SchoolYear]

    @property
    def file_name(self) -> str:
        p = self.person.person
        return f"passport-{document.safe_name(p.family_name + '-' + p.given_name, 'student')}.zip"


def export_role(principal: Principal, student_id: str) -> str:
    """The role the export was made in, for the archive's label (the services decided it was allowed)."""
    if principal.subject == student_id:
        return Role.STUDENT.value
    return Role.GUARDIAN.value if Role.GUARDIAN in principal.roles else Role.PRIVACY_OFFICER.value


async def open_passport(backends: Backends, principal: Principal, student_id: str, reason: str = "") -> Passport:
    person = await backends.passport_person.export_person(
        principal, rpb.ExportPersonRequest(student_id=student_id, reason=reason))
    stream = backends.passport_artifacts.export_portfolio(
        principal, apb.ExportPortfolioRequest(student_id=student_id, reason=reason))
    summary = (await anext(stream)).summary
    records = backends.passport_records.export_student_records(
        principal, ppb.ExportStudentRecordsRequest(student_id=student_id, reason=reason))
    first = await anext(records, None)      # the reflections service has decided (and audited) by its first record
    collected = asyncio.ensure_future(collect_records(first, records))
    skills: list[spb.Skill] = []
    if person.HasField("school"):
        skills = list((await backends.skills.get_effective_skills(principal, spb.GetEffectiveSkillsRequest(
            district_id=person.school.district_id, school_id=person.school.id, include_retired=True))).skills)
    years = await school_years(backends, principal)
    return Passport(person, export_role(principal, student_id), summary.artifact_count, summary.media_bytes, stream,
                    collected, skills, years)


async def collect_records(first: ppb.ExportStudentRecordsResponse | None,
                          rest: AsyncIterator[ppb.ExportStudentRecordsResponse]) -> tuple[dict, dict]:
    """The reflections service's records by kind, and the artifacts' discussions by artifact id (collected while
    the media are written: the archive needs them only after)."""
    records: dict[str, list[dict]] = {}
    discussions: dict[str, dict] = {}
    record = first
    while record is not None:
        data = json.loads(record.record_json)
        if record.kind == "discussion":
            discussions[record.artifact_id] = data
        else:
            records.setdefault(record.kind, []).append(data)
        record = await anext(rest, None)
    return records, discussions


async def archive(passport: Passport, media: MediaReader, clock=lambda: dt.datetime.now(dt.UTC),
                  language: str = "en") -> AsyncIterator[bytes]:
    """The zip, chunk by chunk; ``index.html`` in ``language`` (the data in ``passport.json`` is the same in any)."""
    zipped = ZipStream()
    found_all: list[apb.Artifact] = []
    try:
        async for chunk in _stored(zipped, media, _artifact_files(passport, found_all)):
            yield chunk
        records, discussions = await passport.records
        async for chunk in _stored(zipped, media, _listed(_recording_files(discussions))):
            yield chunk
    finally:
        passport.records.cancel()           # a no-op once done; an abandoned download stops the stream
    artifacts = [document.artifact(found, discussions.get(found.id)) for found in found_all]
    whole = document.passport(passport.person, passport.role, passport.skills, passport.years, artifacts,
                              records, clock())
    yield zipped.write("passport.json", document.dumps(whole))
    yield zipped.write(document.SCHEMA_FILE, document.SCHEMA_PATH.read_bytes())
    for credential in whole["credentials"]:
        yield zipped.write(f"credentials/{document.safe_name(credential['id'])}.jwt", credential["jwt"].encode())
    if whole["clr"]:
        yield zipped.write("credentials/clr.jwt", whole["clr"]["jwt"].encode())
    yield zipped.write("index.html", html_view.render(whole, language))
    yield zipped.close()


def _recording_files(discussions: dict[str, dict]) -> Iterator[tuple[str, str]]:
    """Each ready audio/video reflection's recording as (path, the URL the reflections service signed for this
    export); its revision then names the file in the archive (``file``; null for one not checked), never the URL."""
    for discussion in discussions.values():
        for reflection in discussion.get("reflections", []):
            for revision in reflection["revisions"]:
                found = revision["media"]
                if found is None:
                    continue
                url, found["file"] = found.pop("download_url", ""), None
                if not url:
                    continue
                found["file"] = document.recording_path(reflection["id"], revision["number"], found["file_name"])
                yield found["file"], url


async def _artifact_files(passport: Passport, found_all: list[apb.Artifact]) -> AsyncIterator[tuple[str, str]]:
    """Each artifact's media files as (path, URL), as the artifacts service streams the artifacts."""
    async for message in passport.artifacts:
        found = message.artifact
        found_all.append(found)
        for version in found.versions:
            if version.download_url:
                yield document.media_path(found.id, version), version.download_url


async def _listed(files: Iterable[tuple[str, str]]) -> AsyncIterator[tuple[str, str]]:
    for item in files:
        yield item


_END, _DONE = object(), object()


async def _stored(zipped: ZipStream, media: MediaReader, files: AsyncIterator[tuple[str, str]],
                  ahead: int = 2) -> AsyncIterator[bytes]:
    """Each (path, URL) file into the archive, stored (compressed already), chunk by chunk as it streams. The next
    chunks (of this file or the next) are fetched while the current one is written and sent: at most ``ahead``
    chunks wait, so memory stays flat."""
    waiting: asyncio.Queue = asyncio.Queue(maxsize=ahead)

    async def fetch() -> None:
        try:
            async for path, url in files:
                await waiting.put(path)
                async for chunk in media.chunks(url):
                    await waiting.put(chunk)
                await waiting.put(_END)
        except Exception as failed:         # handed to the writer, which raises it in the download
            await waiting.put(failed)
        else:
            await waiting.put(_DONE)

    async def next_item():
        item = await waiting.get()
        if isinstance(item, Exception):
            raise item
        return item

    fetching = asyncio.ensure_future(fetch())
    try:
        while (path := await next_item()) is not _DONE:
            with zipped.entry(path, compress=False) as handle:
                while (chunk := await next_item()) is not _END:
                    handle.write(chunk)         # its CRC: about 0.15 ms for 4 MB with ISA-L (zipstream)
                    yield zipped.take()
            # the entry's data descriptor (24 bytes) goes out with the next piece
    finally:
        fetching.cancel()


