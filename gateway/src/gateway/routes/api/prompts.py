"""/api/v1 guided prompts, managed by a district admin: define, reword, retire (GET /api/v1/prompts, in
api_discussion, lists the ones still offered). The reflections service refuses anyone else."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from gateway.clients.backends import BackendsDep
from gateway.routes.api.deps import ERRORS, IDEMPOTENT, Caller, rest_field_names
from gateway.schemas.discussion import Prompt, PromptText
from gateway.usecases import prompts

router = APIRouter(prefix="/api/v1", tags=["discussion"], responses=ERRORS)
PathId = Annotated[str, Path(min_length=1, max_length=64)]
REST_NAMES: dict[str, str] = {}     # the service's field names are the REST body's


@router.post("/prompts", response_model=Prompt, status_code=201,
             dependencies=IDEMPOTENT,
             summary="A district admin adds a guided reflection prompt")
async def define_prompt(request: Request, backends: BackendsDep, caller: Caller, body: PromptText):
    async with rest_field_names(REST_NAMES):
        return Prompt.of(await prompts.define(backends, caller, body.text))


@router.patch("/prompts/{prompt_id}", response_model=Prompt,
              summary="A district admin rewords a prompt (reflections already written keep the text they answered)")
async def update_prompt(request: Request, backends: BackendsDep, caller: Caller, prompt_id: PathId, body: PromptText):
    async with rest_field_names(REST_NAMES):
        return Prompt.of(await prompts.update(backends, caller, prompt_id, body.text))


@router.post("/prompts/{prompt_id}/retire", response_model=Prompt,
             summary="A district admin retires a prompt: no longer offered for new reflections")
async def retire_prompt(request: Request, backends: BackendsDep, caller: Caller, prompt_id: PathId):
    async with rest_field_names(REST_NAMES):
        return Prompt.of(await prompts.retire(backends, caller, prompt_id))
