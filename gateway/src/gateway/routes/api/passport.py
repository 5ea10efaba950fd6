"""/api/v1 the digital passport: one student's whole record as a zip archive, streamed (an offline ``index.html``,
``passport.json`` with ``passport.schema.json``, the media files and the credentials). The student, their guardian, or
a district privacy officer stating the records request's reason; each owning service decides and audits the export."""
from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from chassis.records_request import MAX_REASON
from gateway.clients.backends import BackendsDep
from gateway.passport.export import Passport, archive, open_passport
from gateway.passport.media_source import MediaReader
from gateway.passport.read_ahead import read_ahead
from gateway.routes.api.deps import ERRORS, Caller, PathId

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
    try:
        async for chunk in read_ahead(archive(passport, media)):
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
