"""The district admin's guided prompts page (/admin/prompts): the prompts students are offered, with forms to add
one, reword one and retire one. Each form is a CSRF-checked POST that redirects back (post/redirect/get); bad
input re-shows the page (422) with the message next to its field. The reflections service decides who may change
prompts; the page is offered to district admins only."""
from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from gateway.clients.backends import Backends, BackendsDep
from gateway.errors import when_refused
from gateway.routes.web.common import Viewer
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import discussion, prompts
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
ONLY_DISTRICT = "Only a district administrator can manage the guided reflection prompts."
DONE = {"added": "The prompt was added.", "saved": "The prompt was reworded.",
        "retired": "The prompt was retired: students are no longer offered it."}
Text = Annotated[str, Form(max_length=20000)]


async def _page(request: Request, backends: Backends, viewer: Principal, status: int = 200, notice: str = "",
                errors: dict | None = None,
                form: str = "", value: str = ""):
    offered = await discussion.offered_prompts(backends, viewer)
    if not offered.viewer_can.manage:        # the reflections service says who manages the prompts
        raise PermissionDenied(ONLY_DISTRICT)
    return render(request, "admin_prompts.html", status=status, prompts=list(offered.prompts), notice=notice,
                  errors=errors or {},
                  form=form, value=value)


@router.get("/admin/prompts")
async def prompts_page(request: Request, backends: BackendsDep, viewer: Viewer, done: str = ""):
    return await _page(request, backends, viewer, notice=DONE.get(done, ""))


async def _submit(request: Request, backends: Backends, viewer: Principal, call: Awaitable, done: str, form: str,
                  value: str = ""):
    """Run ``call``; redirect back on success; on bad input re-show the page with the form's error."""
    control = f"{form}-text"
    when_refused(request, ONLY_DISTRICT)
    try:
        await call
    except (InvalidArgument, Conflict, NotFound) as domain:
        reason = next((p.reason for p in domain.problems), domain.message)
        return await _page(request, backends, viewer, status=422, errors={control: f"Prompt: {reason}."
                                                                 .replace("..", ".")}, form=form, value=value)
    return RedirectResponse(f"/admin/prompts?done={done}", status_code=303)


@router.post("/admin/prompts", dependencies=[Depends(verify_csrf)])
async def add_prompt(request: Request, backends: BackendsDep, viewer: Viewer, text: Text = ""):
    return await _submit(request, backends, viewer, prompts.define(backends, viewer, text), "added",
                         "new-prompt", text)


@router.post("/admin/prompts/{prompt_id}", dependencies=[Depends(verify_csrf)])
async def reword_prompt(request: Request, backends: BackendsDep, viewer: Viewer, prompt_id: str, text: Text = ""):
    return await _submit(request, backends, viewer, prompts.update(backends, viewer, prompt_id, text),
                         "saved", f"prompt-{prompt_id}", text)


@router.post("/admin/prompts/{prompt_id}/retire", dependencies=[Depends(verify_csrf)])
async def retire_prompt(request: Request, backends: BackendsDep, viewer: Viewer, prompt_id: str):
    return await _submit(request, backends, viewer, prompts.retire(backends, viewer, prompt_id), "retired",
                         f"prompt-{prompt_id}")
