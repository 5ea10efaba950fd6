"""/api/v1 artifacts: a student's portfolio (filtered, paginated), create (link or file), read, edit, delete, new
versions, and completing an upload. The artifacts service decides who may do what; bytes never pass through here:
creating a file artifact (or version) returns an UploadTarget the client sends the file to, then calls complete."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from chassis.errors import FieldProblem, InvalidArgument
from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, PageSize, PageToken, rest_field_names
from gateway.schemas import common as schemas
from gateway.schemas.artifacts import (
    Artifact,
    ArtifactChanges,
    CompleteUpload,
    Created,
    Kind,
    NewArtifact,
    NewVersion,
    artifact_json,
)
from gateway.usecases import portfolio

router = APIRouter(prefix="/api/v1", tags=["artifacts"], responses=ERRORS)
# The service names a version's content "content.*"; the REST body has link_url and file{name,...}.
REST_NAMES = {"content.link_url": "link_url", "content.size_bytes": "file.size_bytes",
              "content.content_type": "file.content_type", "content.file_name": "file.name",
              "content.media_key": "file", "content.": "file.", "content": "file", "title_query": "q",
              "page.page_token": "page_token", "page.page_size": "page_size"}
PathId = Annotated[str, Path(min_length=1, max_length=64)]
VersionNumber = Annotated[int, Path(ge=1, le=100000, description="The version's number (1 = the first).")]


def _file(body: NewVersion) -> portfolio.FileToUpload | None:
    """The file the body announces; a body with both a link and a file is refused (which one was meant?)."""
    file = body.file
    if file and body.link_url:
        raise InvalidArgument("send either link_url (a link) or file, not both",
                              [FieldProblem("link_url", "leave empty when sending a file")])
    return portfolio.FileToUpload(file.name, file.content_type, file.size_bytes) if file else None


@router.get("/students/{student_id}/artifacts", response_model=schemas.Page[Artifact],
            summary="A student's portfolio, newest first; filters combine with AND, skill_id matches any")
async def list_portfolio(
        request: Request, backends: BackendsDep, caller: Caller, student_id: PathId,
        q: Annotated[str, Query(max_length=200, description="Words of the title (full-text).")] = "",
        skill_id: Annotated[list[str], Query(max_length=50, description="Repeat for several skills.")] = [],
        school_year_id: Annotated[str, Query(max_length=64)] = "", kind: Kind | None = None,
        added_by: Annotated[str, Query(max_length=64, description="Person id of whoever added it.")] = "",
        page_size: PageSize = 0, page_token: PageToken = ""):
    async with rest_field_names(REST_NAMES):
        reply = await portfolio.list_portfolio(
            backends, caller, student_id, title_query=q, skill_ids=skill_id,
            school_year_id=school_year_id, kind=kind or "", added_by=added_by, page_size=page_size,
            page_token=page_token)
    # Built straight from the reply (the response model documents it): validating and dumping a model per item
    # cost more than the rest of the gateway's work on a page.
    return JSONResponse({"items": [artifact_json(a) for a in reply.artifacts],
                         "next_page_token": reply.next_page_token})


@router.post("/students/{student_id}/artifacts", response_model=Created, status_code=201,
             dependencies=IDEMPOTENT,
             summary="Add an artifact: a link, or a file (then upload it to `upload` and call complete)")
async def create_artifact(request: Request, backends: BackendsDep, caller: Caller, student_id: PathId,
                          body: NewArtifact):
    async with rest_field_names(REST_NAMES):
        reply = await portfolio.create_artifact(
            backends, caller, student_id, title=body.title, description=body.description,
            kind=body.kind, skill_ids=body.skill_ids, school_year_id=body.school_year_id, link_url=body.link_url,
            file=_file(body))
    return Created.of(reply)


@router.get("/artifacts/{artifact_id}", response_model=Artifact, summary="One artifact with its versions")
async def get_artifact(request: Request, backends: BackendsDep, caller: Caller, artifact_id: PathId):
    async with rest_field_names(REST_NAMES):
        return Artifact.of(await portfolio.get_artifact(backends, caller, artifact_id))


@router.patch("/artifacts/{artifact_id}", response_model=Artifact,
              summary="Change an artifact's title, description, skills or school year (only the fields sent)")
async def update_artifact(request: Request, backends: BackendsDep, caller: Caller, artifact_id: PathId,
                          body: ArtifactChanges):
    changes = body.model_dump(include=body.model_fields_set)
    if not changes:
        raise InvalidArgument("send at least one field to change", [
            FieldProblem("body", f"name one of {', '.join(ArtifactChanges.model_fields)}")])
    async with rest_field_names(REST_NAMES):
        return Artifact.of(await portfolio.update_artifact(backends, caller, artifact_id,
                                                           changes))


@router.delete("/artifacts/{artifact_id}", status_code=204, response_class=Response,
               summary="Delete an artifact (with its versions)")
async def delete_artifact(request: Request, backends: BackendsDep, caller: Caller, artifact_id: PathId):
    async with rest_field_names(REST_NAMES):
        await portfolio.delete_artifact(backends, caller, artifact_id)
    return Response(status_code=204)


@router.post("/artifacts/{artifact_id}/versions", response_model=Created, status_code=201,
             dependencies=IDEMPOTENT,
             summary="Resubmit: a new version (a link, or a file then upload it and call complete)")
async def add_version(request: Request, backends: BackendsDep, caller: Caller, artifact_id: PathId, body: NewVersion):
    async with rest_field_names(REST_NAMES):
        reply = await portfolio.add_version(backends, caller, artifact_id,
                                            link_url=body.link_url, file=_file(body))
    return Created.of(reply)


@router.post("/artifacts/{artifact_id}/versions/{number}/complete", response_model=Artifact,
             summary="The version's file is uploaded (multipart: with the parts' ETags); checking it starts")
async def complete_upload(request: Request, backends: BackendsDep, caller: Caller, artifact_id: PathId,
                          number: VersionNumber,
                          body: CompleteUpload):
    async with rest_field_names(REST_NAMES):
        return Artifact.of(await portfolio.complete_upload(backends, caller, artifact_id,
                                                           number, body.part_etags))
