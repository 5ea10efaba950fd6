"""/api/v1 discussion of an artifact: read it (reflections with revisions, feedback, comments), reflect, edit a
reflection (a new revision), give feedback, comment, hide a comment, and list the guided prompts. The reflections
service decides who may do what (the student reflects; their current teachers give feedback and hide comments;
the student, their teachers and guardians comment and read)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from gateway import discussion
from gateway.discussion_schemas import (Comment, Discussion, Feedback, NewComment, NewFeedback, NewReflection,
                                        Prompt, Reflection, ReflectionEdit)
from gateway.routes.api_deps import ERRORS, Caller, rest_field_names

router = APIRouter(prefix="/api/v1", tags=["discussion"], responses=ERRORS)
PathId = Annotated[str, Path(min_length=1, max_length=64)]
REST_NAMES: dict[str, str] = {}     # the service's field names are the REST body's


@router.get("/artifacts/{artifact_id}/discussion", response_model=Discussion,
            summary="An artifact's reflections (every revision), feedback and comments (hidden ones without text)")
async def get_discussion(request: Request, caller: Caller, artifact_id: PathId):
    async with rest_field_names(REST_NAMES):
        return Discussion.of(await discussion.get_discussion(request.app.state.backends, caller, artifact_id))


@router.get("/prompts", response_model=list[Prompt], summary="The district's guided reflection prompts")
async def list_prompts(request: Request, caller: Caller):
    async with rest_field_names(REST_NAMES):
        return [Prompt.of(p) for p in await discussion.list_prompts(request.app.state.backends, caller)]


@router.post("/artifacts/{artifact_id}/reflections", response_model=Reflection, status_code=201,
             summary="The student reflects on an artifact of their portfolio (optionally answering a prompt)")
async def add_reflection(request: Request, caller: Caller, artifact_id: PathId, body: NewReflection):
    async with rest_field_names(REST_NAMES):
        return Reflection.of(await discussion.add_reflection(request.app.state.backends, caller, artifact_id,
                                                             body.text, body.prompt_id))


@router.patch("/reflections/{reflection_id}", response_model=Reflection,
              summary="The student edits a reflection: a new revision, the earlier ones kept")
async def edit_reflection(request: Request, caller: Caller, reflection_id: PathId, body: ReflectionEdit):
    async with rest_field_names(REST_NAMES):
        return Reflection.of(await discussion.edit_reflection(request.app.state.backends, caller, reflection_id,
                                                              body.text))


@router.post("/artifacts/{artifact_id}/feedback", response_model=Feedback, status_code=201,
             summary="A current teacher's feedback: what the learner can do, and next steps")
async def give_feedback(request: Request, caller: Caller, artifact_id: PathId, body: NewFeedback):
    async with rest_field_names(REST_NAMES):
        return Feedback.of(await discussion.give_feedback(request.app.state.backends, caller, artifact_id,
                                                          body.can_do, body.next_steps))


@router.post("/artifacts/{artifact_id}/comments", response_model=Comment, status_code=201,
             summary="Comment on an artifact (the student, their current teachers and their guardians)")
async def add_comment(request: Request, caller: Caller, artifact_id: PathId, body: NewComment):
    async with rest_field_names(REST_NAMES):
        return Comment.of(await discussion.add_comment(request.app.state.backends, caller, artifact_id, body.body))


@router.post("/comments/{comment_id}/hide", response_model=Comment,
             summary="A current teacher hides a comment (shown as hidden to everyone; kept in the audit trail)")
async def hide_comment(request: Request, caller: Caller, comment_id: PathId):
    async with rest_field_names(REST_NAMES):
        return Comment.of(await discussion.hide_comment(request.app.state.backends, caller, comment_id))
