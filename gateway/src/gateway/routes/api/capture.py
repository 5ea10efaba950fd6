"""/api/v1 class-wide capture: a section's current teacher adds one file to many of its students at once (each gets
their own artifact; the file is uploaded once, checked once). The artifacts service decides who may; the bytes never
pass through here: create returns one UploadTarget, the client sends the file there, then calls complete."""
from __future__ import annotations

from fastapi import APIRouter, Request

from gateway.clients.backends import BackendsDep
from gateway.routes.api.artifacts import REST_NAMES
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, PathId, rest_field_names
from gateway.schemas.artifacts import CompleteUpload
from gateway.schemas.capture import Capture, CaptureCreated, NewCapture
from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.artifacts.v1 import capture_pb2 as cpb

router = APIRouter(prefix="/api/v1", tags=["class capture"], responses=ERRORS)


@router.post("/sections/{section_id}/captures", response_model=CaptureCreated, status_code=201,
             dependencies=IDEMPOTENT,
             summary="Add one file to many students of a section (its current teachers only); then upload the file "
                     "once to `upload` and call complete")
async def create_capture(request: Request, backends: BackendsDep, caller: Caller, section_id: PathId,
                         body: NewCapture):
    async with rest_field_names(REST_NAMES):
        reply = await backends.capture.create_capture(caller, cpb.CreateCaptureRequest(
            section_id=section_id, title=body.title, description=body.description, kind=body.kind,
            skill_ids=list(body.skill_ids), content=apb.VersionInput(
                file_name=body.file.name, content_type=body.file.content_type, size_bytes=body.file.size_bytes),
            recipients=[cpb.CaptureRecipient(student_id=r.student_id, note=r.note) for r in body.recipients]))
    return CaptureCreated.of(reply)


@router.post("/captures/{capture_id}/complete", response_model=Capture,
             summary="The capture's file is uploaded (multipart: with the parts' ETags); it is checked once for "
                     "every student")
async def complete_capture(request: Request, backends: BackendsDep, caller: Caller, capture_id: PathId,
                           body: CompleteUpload):
    async with rest_field_names(REST_NAMES):
        reply = await backends.capture.complete_upload(caller, cpb.CompleteCaptureUploadRequest(
            capture_id=capture_id, part_etags=body.part_etags))
    return Capture.of(reply.capture)


@router.get("/captures/{capture_id}", response_model=Capture,
            summary="Where a capture stands: the shared file and each student's artifact (the capturing teacher)")
async def get_capture(request: Request, backends: BackendsDep, caller: Caller, capture_id: PathId):
    async with rest_field_names(REST_NAMES):
        reply = await backends.capture.get_capture(caller, cpb.GetCaptureRequest(capture_id=capture_id))
    return Capture.of(reply.capture)


@router.get("/sections/{section_id}/captures", response_model=list[Capture],
            summary="Your recent captures in a section you teach now, newest first, with each student's state")
async def list_captures(request: Request, backends: BackendsDep, caller: Caller, section_id: PathId):
    async with rest_field_names(REST_NAMES):
        reply = await backends.capture.list_captures(caller, cpb.ListCapturesRequest(section_id=section_id))
    return [Capture.of(c) for c in reply.captures]
