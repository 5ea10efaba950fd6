"""Import another district's transfer package for a local student (a privacy officer, with the records request's
reason). The student is found by their sourcedId first (the roster decides whether the caller may, and audits).
The package is then verified (a trusted sending district's signature over the manifest, every file's size and
digest, nothing missing or extra): a tampered, truncated or untrusted one is refused with the reason before anything
is written. Then the sender's skills are mapped onto the student's school's (by CASE identifier, else code; the rest
kept as "from <district>" labels), and each artifact is attached through the artifacts service (read-only, labelled
with its origin) with its file sent to the store. Running an import again resumes it: the artifacts service records
each origin once per student."""
from __future__ import annotations

import json
import pathlib
import zipfile
from dataclasses import dataclass, field
from typing import IO

import anyio.to_thread

from chassis.context import Principal
from chassis.errors import InvalidArgument
from chassis.media.fs_store import FilesystemBlobStore
from chassis.transfer_plan import ImportedArtifact, LocalSkill, plan
from chassis.transfer_verify import TrustedDistricts, verify_package
from gateway.clients.backends import Backends
from gateway.passport.media_sink import MediaSink
from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.artifacts.v1 import history_pb2 as hpb
from skillfolio.roster.v1 import roster_pb2 as rpb
from skillfolio.skills.v1 import skills_pb2 as spb

LINK = "link"


@dataclass
class ImportReport:
    """What an import attached (``resumed``: held already from an earlier run of it)."""

    district_id: str
    district_name: str
    student_id: str
    student_sourced_id: str
    artifacts: int = 0
    resumed: int = 0
    files: int = 0
    mapped_skills: int = 0
    unmapped_skills: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)     # "<title>: <why>", for the privacy officer to follow up


async def find_student(backends: Backends, principal: Principal, sourced_id: str,
                       reason: str) -> rpb.ExportPersonResponse:
    """The local student the import is for: the roster decides whether the caller may act on their record (a privacy
    officer with a reason) and audits it. Asked before the package is received or read."""
    return await backends.passport_person.export_person(principal, rpb.ExportPersonRequest(
        student_sourced_id=sourced_id, reason=reason))


async def import_package(backends: Backends, principal: Principal, student: rpb.ExportPersonResponse,
                         package: pathlib.Path | IO[bytes], reason: str, trusted_setting: str,
                         fs_store: FilesystemBlobStore | None) -> ImportReport:
    """Verify against the districts ``trusted_setting`` names (SKILLFOLIO_TRUSTED_DISTRICTS), then attach; the
    package is a path or a seekable binary file (a form's spooled upload). Files go to ``fs_store`` (the embedded
    default's own store) or, without one, over HTTP to the store the upload targets name."""
    trusted = TrustedDistricts.from_setting(trusted_setting)
    manifest = await anyio.to_thread.run_sync(verify_package, package, trusted)       # TransferRefused: nothing written
    local = await _local_skills(backends, principal, student)
    sink = MediaSink(fs_store)
    try:
        with zipfile.ZipFile(package) as archive:
            brought = plan(manifest, json.loads(archive.read("passport.json")), local)
            report = ImportReport(brought.district_id, brought.district_name, student.person.id,
                                  student.person.sourced_id, mapped_skills=len(brought.skills.mapped),
                                  unmapped_skills=sorted(brought.skills.unmapped.values()))
            for item in brought.artifacts:
                await _attach(backends, principal, archive, brought.district_id, brought.district_name,
                              student.person.id, item, reason, sink, report)
    finally:
        await anyio.to_thread.run_sync(sink.close)
    return report


async def _local_skills(backends: Backends, principal: Principal, found: rpb.ExportPersonResponse) -> list[LocalSkill]:
    if not found.HasField("school"):
        return []
    reply = await backends.skills.get_effective_skills(principal, spb.GetEffectiveSkillsRequest(
        district_id=found.school.district_id, school_id=found.school.id))
    return [LocalSkill(s.id, s.code) for s in reply.skills]


async def _attach(backends: Backends, principal: Principal, archive: zipfile.ZipFile, district_id: str,
                  district_name: str, student_id: str, item: ImportedArtifact, reason: str, sink: MediaSink,
                  report: ImportReport) -> None:
    """One artifact. One this district cannot keep (its file is not in the package: the sender had rejected or not
    yet checked it; or it breaks a rule here) is reported as skipped, and the rest of the package still comes."""
    present = [v for v in item.files if v.get("file") in archive.NameToInfo]
    current = max(present, key=lambda v: v.get("number", 0)) if present else None
    if current is None and item.kind != LINK:
        report.skipped.append(f"{item.title}: its file is not in the package (the sending district had not "
                              "accepted it)")
        return
    content = apb.VersionInput(link_url=item.link_url)
    if current is not None:
        content = apb.VersionInput(file_name=current.get("file_name", ""), size_bytes=current.get("size_bytes", 0),
                                   content_type=current.get("content_type", ""))
    try:
        made = await backends.imported_history.import_artifact(principal, hpb.ImportArtifactRequest(
            student_id=student_id, origin=apb.Origin(district_id=district_id, district_name=district_name,
                                                     ref=item.origin_id, skill_labels=item.skill_labels,
                                                     school_year=item.school_year,
                                                     school_year_start=item.school_year_start),
            title=item.title, description=item.description, kind=item.kind, skill_ids=item.skill_ids,
            created_at=item.created_at, content=content, reason=reason))
    except InvalidArgument as refused:
        problems = "; ".join(f"{p.field}: {p.reason}" for p in refused.problems) or refused.message
        report.skipped.append(f"{item.title}: {problems}")
        return
    report.artifacts += 1
    report.resumed += made.resumed
    if current is None or not made.HasField("upload"):
        return
    etags = await anyio.to_thread.run_sync(sink.send, made.upload, lambda: archive.open(current["file"]),
                                           current.get("content_type", ""))
    await backends.imported_history.complete_upload(principal, hpb.CompleteImportedUploadRequest(
        artifact_id=made.artifact.id, part_etags=etags))
    report.files += 1
