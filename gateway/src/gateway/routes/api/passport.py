"""/api/v1 the digital passport: one student's whole record as a zip archive, streamed (an offline ``index.html``,
``passport.json`` with ``passport.schema.json``, the media files and the credentials). The student, their guardian, or
a district privacy officer stating the records request's reason; each owning service decides and audits the export.
A privacy officer imports another district's transfer package for a local student (verified before anything is
written)."""
from __future__ import annotations

import pathlib
import tempfile
from collections.abc import AsyncIterator
from dataclasses import asdict
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from chassis.errors import FieldProblem, InvalidArgument
from chassis.records_request import MAX_REASON
from chassis.transfer_verify import TransferRefused
from gateway.clients.backends import BackendsDep
from gateway.i18n import request_language
from gateway.passport.export import Passport, archive, open_passport
from gateway.passport.media_source import MediaReader
from gateway.passport.read_ahead import read_ahead
from gateway.routes.api.deps import ERRORS, Caller, PathId
from gateway.schemas.common import Count
from gateway.usecases.passport_import import find_student, import_package

router = APIRouter(prefix="/api/v1", tags=["passport"], responses=ERRORS)
ZIP = "application/zip"
HEADERS = {
    "Content-Disposition": {"description": "attachment; filename=passport-<family>-<given>.zip",
                            "schema": {"type": "string"}},
    "X-Passport-Artifacts": {"description": "How many artifacts the archive holds (decimal).",
                             "schema": {"type": "string", "pattern": "^[0-9]+$"}},
    "X-Passport-Media-Bytes": {"description": "The media bytes it holds (decimal): a progress bar's total; the "
                                              "archive is a little larger.", "schema": {"type": "string",
                                                                                        "pattern": "^[0-9]+$"}},
}


class PassportRequest(BaseModel):
    reason: str = Field("", max_length=MAX_REASON, description=(
        "Why the record is exported: required of a privacy officer (the records request it answers), optional "
        "for the student and their guardian; every owning service keeps it in its audit row."))


async def archive_bytes(passport: Passport, request: Request) -> AsyncIterator[bytes]:
    """The archive's bytes, media read from this gateway's own store (embedded) or over HTTP (S3/MinIO), the next
    chunks made while the current one is sent."""
    fs_store = getattr(request.app.state, "media_store", None)
    media = MediaReader(fs_store)          # an HTTP client only if a URL needs one
    try:   # index.html in the exporter's language (their preference, the picker, or Accept-Language)
        async for chunk in read_ahead(archive(passport, media, language=request_language(request))):
            if chunk:
                yield chunk
    finally:
        await media.aclose()


def streamed(passport: Passport, request: Request) -> StreamingResponse:
    return StreamingResponse(archive_bytes(passport, request), media_type=ZIP, headers={
        "Content-Disposition": f'attachment; filename="{passport.file_name}"', "Cache-Control": "no-store",
        "X-Passport-Artifacts": str(passport.artifact_count), "X-Passport-Media-Bytes": str(passport.media_bytes),
        "Access-Control-Expose-Headers": "X-Passport-Artifacts, X-Passport-Media-Bytes"})


@router.post("/students/{student_id}/passport", response_class=StreamingResponse,
             summary="Export a student's digital passport (a zip archive, streamed); audited by every service",
             responses={200: {"description": (
                 "The archive: `index.html` (opens offline in any browser), `passport.json` (versioned; documented by "
                 "`passport.schema.json`, also in the archive), `media/<artifact>/v<n>-<file>` and "
                 "`credentials/<id>.jwt` and `credentials/clr.jwt` (VC-JWT). Streamed as it is written: the total "
                 "size is not known in advance (see X-Passport-Media-Bytes)."),
                 "content": {ZIP: {"schema": {"type": "string", "format": "binary"}}}, "headers": HEADERS}})
async def export_passport(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId,
                          body: PassportRequest) -> StreamingResponse:
    return streamed(await open_passport(backends, caller, student_id, body.reason), request)


class PassportImport(BaseModel):
    """What an import attached to the local student."""

    district_id: str = Field(description="The sending district (its did:web), as its signature proved.")
    district_name: str
    student_id: str = Field(description="The local student the history was attached to.")
    student_sourced_id: str
    artifacts: Count = Field(description="Artifacts of the package the student now holds, read-only with their "
                                         "origin.")
    resumed: Count = Field(description="Of those, held already from an earlier run of this import (not recorded "
                                       "again).")
    files: Count = Field(description="Files sent to the media store by this run (each checked like any upload).")
    mapped_skills: Count = Field(description="The sender's skills matched to local ones (CASE identifier, else "
                                             "code).")
    unmapped_skills: list[str] = Field(description='The rest, kept as labels "<name> (from <district>)".')
    skipped: list[str] = Field(description='Artifacts not imported, as "<title>: <why>" (a file the sending '
                                           "district had not accepted, or a rule of this district).")


async def _saved(request: Request, path: pathlib.Path, limit: int) -> None:
    """The request body into ``path``, refused past ``limit`` bytes."""
    received = 0
    with path.open("wb") as out:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise InvalidArgument(f"the package is larger than the allowed {limit >> 20} MiB "
                                      "(GATEWAY_TRANSFER_MAX_MB)", [FieldProblem("package", "too large")])
            await anyio.to_thread.run_sync(out.write, chunk)


@router.post("/passport/imports", response_model=PassportImport,
             summary="Import another district's transfer package for a local student (a privacy officer)",
             openapi_extra={"requestBody": {"required": True, "description": (
                 "The transfer package (`skillfolio passport transfer` in the sending district) as the body."),
                 "content": {ZIP: {"schema": {"type": "string", "format": "binary"}}}}},
             responses={200: {"description": (
                 "Attached: the package's artifacts are now the student's, read-only and labelled with their origin "
                 "(any skipped are listed). Safe to repeat without an Idempotency-Key: running the import again "
                 "resumes one that failed part-way and records each artifact once.")},
                 422: {"description": "The package was refused (tampered, truncated, from a district not in "
                                      "SKILLFOLIO_TRUSTED_DISTRICTS, too large) with the reason; nothing was "
                                      "written"}})
async def import_passport(
        request: Request, backends: BackendsDep, caller: Caller,
        student: Annotated[str, Query(min_length=1, max_length=255,
                                      description="The local student's OneRoster sourcedId.")],
        reason: Annotated[str, Query(min_length=1, max_length=MAX_REASON, description=(
            "The records request the import answers (kept in every service's audit row)."))]) -> PassportImport:
    state = request.app.state
    found = await find_student(backends, caller, student, reason)        # refused before the body is received
    try:
        with tempfile.TemporaryDirectory(prefix="transfer-") as scratch:
            package = pathlib.Path(scratch) / "package.zip"
            await _saved(request, package, state.settings.transfer_max_mb << 20)
            report = await import_package(backends, caller, found, package, reason, state.platform.trusted_districts,
                                          getattr(state, "media_store", None))
    except TransferRefused as refused:
        raise InvalidArgument(f"the package is refused: {refused}", [FieldProblem("package", str(refused))]) from None
    return PassportImport(**asdict(report))
