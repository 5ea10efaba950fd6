"""/api/v1 discussion of an artifact: read it (reflections with revisions, feedback, comments), reflect, edit a
reflection (a new revision), give feedback, comment, hide a comment, and list the guided prompts. The reflections
service decides who may do what (the student reflects; their current teachers give feedback and hide comments;
the student, their teachers and guardians comment and read)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, rest_field_names
from gateway.schemas.discussion import (
    Comment,
    CompleteRecording,
    Discussion,
    Feedback,
    NewComment,
    NewFeedback,
    NewReflection,
    Prompt,
    RecordingFile,
    Reflection,
    ReflectionEdit,
)
from gateway.usecases import discussion, recordings

router = APIRouter(prefix="/api/v1", tags=["discussion"], responses=ERRORS)
PathId = Annotated[str, Path(min_length=1, max_length=64)]
RevisionNumber = Annotated[int, Path(ge=1, le=100000, description="The revision's number (1 = the first).")]
REST_NAMES: dict[str, str] = {}     # the service's field names are the REST body's


def _recording(media: RecordingFile) -> recordings.Recording:
    return recordings.Recording(media.kind, media.file_name, media.content_type, media.size_bytes)


@router.get("/artifacts/{artifact_id}/discussion", response_model=Discussion,
            summary="An artifact's reflections (every revision), feedback and comments (hidden ones without text)")
async def get_discussion(backends: BackendsDep, caller: Caller, artifact_id: PathId):
    async with rest_field_names(REST_NAMES):
        return Discussion.of(await discussion.get_discussion(backends, caller, artifact_id))


@router.get("/prompts", response_model=list[Prompt], summary="The district's guided reflection prompts")
async def list_prompts(request: Request, backends: BackendsDep, caller: Caller):
    async with rest_field_names(REST_NAMES):
        return [Prompt.of(p) for p in await discussion.list_prompts(backends, caller)]


@router.post("/artifacts/{artifact_id}/reflections", response_model=Reflection, status_code=201,
             dependencies=IDEMPOTENT,
             summary="The student reflects on an artifact of their portfolio (optionally answering a prompt): "
                     "text, or an audio/video file (then upload it to `upload` and call .../complete)")
async def add_reflection(request: Request, backends: BackendsDep, caller: Caller, artifact_id: PathId,
                         body: NewReflection):
    backends = backends
    async with rest_field_names(REST_NAMES):
        if body.media is not None:
            reply = await recordings.add(backends, caller, artifact_id, _recording(body.media), body.text,
                                         body.prompt_id)
            return Reflection.of(reply.reflection, reply.upload)
        return Reflection.of(await discussion.add_reflection(backends, caller, artifact_id, body.text,
                                                             body.prompt_id))


@router.patch("/reflections/{reflection_id}", response_model=Reflection,
              summary="The student edits a reflection: a new revision (text, or an audio/video file to upload), "
                      "the earlier ones kept")
async def edit_reflection(request: Request, backends: BackendsDep, caller: Caller, reflection_id: PathId,
                          body: ReflectionEdit):
    backends = backends
    async with rest_field_names(REST_NAMES):
        if body.media is not None:
            reply = await recordings.revise(backends, caller, reflection_id, _recording(body.media), body.text)
            return Reflection.of(reply.reflection, reply.upload)
        return Reflection.of(await discussion.edit_reflection(backends, caller, reflection_id, body.text))


@router.post("/reflections/{reflection_id}/revisions/{number}/complete", response_model=Reflection,
             summary="An audio/video revision's file is uploaded (multipart: with the parts' ETags); checking it "
                     "starts (the revision shows processing, then ready with a media_url, or rejected with a reason)")
async def complete_recording(request: Request, backends: BackendsDep, caller: Caller, reflection_id: PathId,
                             number: RevisionNumber,
                             body: CompleteRecording):
    async with rest_field_names(REST_NAMES):
        return Reflection.of(await recordings.complete(backends, caller, reflection_id, number,
                                                       list(body.part_etags)))


@router.post("/artifacts/{artifact_id}/feedback", response_model=Feedback, status_code=201,
             dependencies=IDEMPOTENT,
             summary="A current teacher's feedback: what the learner can do, and next steps")
async def give_feedback(request: Request, backends: BackendsDep, caller: Caller, artifact_id: PathId,
                        body: NewFeedback):
    async with rest_field_names(REST_NAMES):
        return Feedback.of(await discussion.give_feedback(backends, caller, artifact_id,
                                                          body.can_do, body.next_steps))


@router.post("/artifacts/{artifact_id}/comments", response_model=Comment, status_code=201,
             dependencies=IDEMPOTENT,
             summary="Comment on an artifact (the student, their current teachers and their guardians)")
async def add_comment(request: Request, backends: BackendsDep, caller: Caller, artifact_id: PathId, body: NewComment):
    async with rest_field_names(REST_NAMES):
        return Comment.of(await discussion.add_comment(backends, caller, artifact_id, body.body))


@router.post("/comments/{comment_id}/hide", response_model=Comment,
             summary="A current teacher hides a comment (shown as hidden to everyone; kept in the audit trail)")
async def hide_comment(request: Request, backends: BackendsDep, caller: Caller, comment_id: PathId):
    async with rest_field_names(REST_NAMES):
        return Comment.of(await discussion.hide_comment(backends, caller, comment_id))
