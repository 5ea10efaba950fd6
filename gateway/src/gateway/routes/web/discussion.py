"""The artifact page's discussion forms, working without JavaScript: reflect (with a guided prompt), edit a
reflection, give feedback, comment, hide a comment, assess and self-assess a skill (scale level, rubric criteria).
Each is a CSRF-checked POST that redirects back to the page (post/redirect/get); bad input re-shows the page (422)
with the message next to the field that caused it; a refusal, the "not allowed" page with the form's sentence."""
from __future__ import annotations

from collections.abc import Awaitable
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from chassis.context import Principal
from chassis.errors import AlreadyExists, Conflict, InvalidArgument
from gateway.clients.backends import Backends, BackendsDep
from gateway.errors import when_refused
from gateway.i18n import N_, gettext
from gateway.routes.web.artifact import artifact_page_with
from gateway.routes.web.common import Viewer
from gateway.sessions.csrf import verify_csrf
from gateway.usecases import assessments as assessing
from gateway.usecases import discussion
from gateway.web import assessment_view, discussion_view
from gateway.web.render import render_error

router = APIRouter(include_in_schema=False, dependencies=[Depends(verify_csrf)])
NOT_YOURS = {
    "reflect": N_("Only the student whose portfolio this is can reflect on it."),
    "feedback": N_("Only a teacher who teaches this student now can give feedback."),
    "comment": N_("Only the student, their current teachers and their guardians can comment here."),
    "hide": N_("Only a teacher who teaches this student now can hide comments."),
    "assess": N_("Only a teacher who teaches this student now can assess this work."),
    "self": N_("Only the student whose portfolio this is can self-assess it."),
}
SECTION = {"reflect": "reflections", "feedback": "feedback", "comment": "comments", "hide": "comments",
           "assess": "assessments", "self": "assessments"}
Text = Annotated[str, Form(max_length=20000)]
Id = Annotated[str, Form(max_length=64)]


async def submit(request: Request, backends: Backends, viewer: Principal, artifact_id: str, form: str, done: str,
                 call: Awaitable, values: dict, error_form: str | None = None, controls=None):
    """Run ``call``; on success redirect to the page's section, on bad input re-show it with ``form``'s errors
    (``controls``: service field -> control id, default the form's own; or a function of the error -> errors); a
    refusal shows the "not allowed" page with the form's sentence (NOT_YOURS)."""
    when_refused(request, NOT_YOURS[form])
    try:
        await call
    except (InvalidArgument, Conflict, AlreadyExists) as domain:
        if form == "hide":           # already hidden (by another teacher meanwhile): the page shows it so
            return RedirectResponse(f"/artifacts/{artifact_id}?done=hidden#comments", status_code=303)
        errors = (controls(domain) if callable(controls) else
                  discussion_view.form_errors(controls or discussion_view.FORM_CONTROLS[form], domain.problems,
                                              domain.message))
        return await artifact_page_with(request, backends, viewer, artifact_id, status=422, errors=errors,
                                        form=error_form or form, values=values)
    return RedirectResponse(f"/artifacts/{artifact_id}?done={done}#{SECTION[form]}", status_code=303)


@router.post("/artifacts/{artifact_id}/reflections")
async def reflect(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str, text: Text = "",
                  prompt_id: Id = ""):
    call = discussion.add_reflection(backends, viewer, artifact_id, text, prompt_id)
    return await submit(request, backends, viewer, artifact_id, "reflect", "reflection", call,
                        {"text": text, "prompt_id": prompt_id})


@router.post("/artifacts/{artifact_id}/recordings")
async def recording_without_javascript(request: Request, viewer: Viewer, artifact_id: str):
    """The audio/video form posted without JavaScript: the file must go straight to the store, which needs it."""
    return render_error(request, 422, N_("Uploading a recording needs JavaScript in this browser. Write a text "
                                         "reflection instead, or try again with JavaScript turned on."),
                        title=N_("The recording was not uploaded"))


@router.post("/reflections/{reflection_id}/edit")
async def edit_reflection(request: Request, backends: BackendsDep, viewer: Viewer, reflection_id: str,
                          artifact_id: Id, text: Text = ""):
    """A new revision of the reflection (the form sits under the reflection, on its artifact's page)."""
    call = discussion.edit_reflection(backends, viewer, reflection_id, text)
    return await submit(request, backends, viewer, artifact_id, "reflect", "edited", call,
                        {"text": text, "reflection_id": reflection_id}, error_form=f"edit-{reflection_id}",
                        controls={"text": f"edit-{reflection_id}-text"})


@router.post("/artifacts/{artifact_id}/feedback")
async def give_feedback(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str, can_do: Text = "",
                        next_steps: Text = ""):
    call = discussion.give_feedback(backends, viewer, artifact_id, can_do, next_steps)
    return await submit(request, backends, viewer, artifact_id, "feedback", "feedback", call,
                        {"can_do": can_do, "next_steps": next_steps})


@router.post("/artifacts/{artifact_id}/comments")
async def comment(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str, body: Text = ""):
    call = discussion.add_comment(backends, viewer, artifact_id, body)
    return await submit(request, backends, viewer, artifact_id, "comment", "comment", call, {"body": body})


@router.post("/comments/{comment_id}/hide")
async def hide(request: Request, backends: BackendsDep, viewer: Viewer, comment_id: str, artifact_id: Id):
    call = discussion.hide_comment(backends, viewer, comment_id)
    return await submit(request, backends, viewer, artifact_id, "hide", "hidden", call, {})


async def _judge(request: Request, backends: Backends, viewer, artifact_id: str, kind: str):
    """A skill's assess ("assess") or self-assess ("self") form: level_rank, comment and criterion.<code> radios."""
    form = await request.form()
    skill_id, level = str(form.get("skill_id", ""))[:64], str(form.get("level_rank", ""))
    criteria = {key[len("criterion."):]: int(value) for key, value in form.multi_items()
                if key.startswith("criterion.") and str(value).isdigit()}
    values = {"skill_id": skill_id, "level_rank": level, "comment": str(form.get("comment", ""))[:5000],
              "criteria": {code: rank for code, rank in criteria.items()}}
    error_form = f"{kind}-{skill_id}"
    if not level.isdigit():
        errors = {assessment_view.control(kind, skill_id, "level"): gettext("Level: choose one of the levels.")}
        return await artifact_page_with(request, backends, viewer, artifact_id, status=422, errors=errors,
                                        form=error_form,
                                        values=values)
    judgement = assessing.Judgement(skill_id, int(level), values["comment"], criteria)
    use = assessing.assess if kind == "assess" else assessing.self_assess
    call = use(backends, viewer, artifact_id, judgement)
    codes = list(criteria)
    return await submit(request, backends, viewer, artifact_id, kind,
                        "assessment" if kind == "assess" else "self-assessment",
                        call, values, error_form=error_form, controls=lambda error: assessment_view.form_errors(
                            kind, skill_id, codes, error.problems, error.message))


@router.post("/artifacts/{artifact_id}/assessments")
async def assess(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str):
    return await _judge(request, backends, viewer, artifact_id, "assess")


@router.post("/artifacts/{artifact_id}/self-assessments")
async def self_assess(request: Request, backends: BackendsDep, viewer: Viewer, artifact_id: str):
    return await _judge(request, backends, viewer, artifact_id, "self")
