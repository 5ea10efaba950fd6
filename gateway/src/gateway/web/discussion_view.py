"""The artifact page's discussion, shaped for the templates: reflections (current text, prompt, history), feedback,
the comment thread with authors named, and which "add" forms to offer: those the reflections service says the viewer
may use (``viewer_can`` in its reply; a page never grants anything)."""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from chassis.context import Principal
from chassis.errors import DomainError, PermissionDenied
from gateway.clients.backends import Backends
from gateway.i18n import N_, gettext
from gateway.usecases import discussion
from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.reflections.v1 import reflections_pb2 as pb

log = logging.getLogger(__name__)
# Service field names -> the id of the form control that shows the problem, per form.
FORM_CONTROLS = {
    "reflect": {"text": "reflection-text", "prompt_id": "reflection-prompt"},
    "feedback": {"can_do": "feedback-can-do", "next_steps": "feedback-next-steps"},
    "comment": {"body": "comment-body"},
}
# Marked, in English: the page translates the notice, form_errors its labels.
DONE = {"reflection": N_("Your reflection was saved."),
        "edited": N_("Your reflection was updated; the earlier version is kept."),
        "recording": N_("Your recording was uploaded. It is being checked and plays here once it has been accepted."),
        "feedback": N_("Your feedback was saved."), "comment": N_("Your comment was posted."),
        "hidden": N_("The comment is hidden."), "assessment": N_("Your assessment was saved."),
        "self-assessment": N_("Your self-assessment was saved.")}
LABELS = {"reflection-text": N_("Your reflection"), "reflection-prompt": N_("Guided prompt"),
          "feedback-can-do": N_("Can do"), "feedback-next-steps": N_("Next steps"), "comment-body": N_("Comment")}


@dataclass
class DiscussionView:
    available: bool = True
    reflections: list[dict] = field(default_factory=list)
    feedback: list[dict] = field(default_factory=list)
    comments: list[dict] = field(default_factory=list)
    prompts: list = field(default_factory=list)     # offered in the reflect form
    # the reply's viewer_can: the forms to offer (none while unavailable)
    can: pb.DiscussionViewerCan = field(default_factory=pb.DiscussionViewerCan)


def _author(person_id: str, role: str, viewer: Principal, name: str) -> str:
    """"You", or the writer's name and role ("Maria Cruz (teacher)"); the role alone while no name is known (in the
    request's language)."""
    if person_id == viewer.subject:
        return gettext("You")
    label = gettext(discussion.ROLE_LABELS.get(role, discussion.SOMEONE))
    return gettext("%(name)s (%(role)s)") % {"name": name, "role": label.lower()} if name else label


def _revision(v) -> dict:
    """One revision for the page: its text (or a recording's caption) and, for a recording, what to play or why
    it was refused."""
    return {"number": v.number, "text": v.text, "created_at": v.created_at, "kind": v.kind or "text",
            "status": v.media_status, "url": v.media_url, "reason": v.rejection_reason, "file_name": v.file_name,
            "content_type": v.content_type}


def _reflection(r, prompt_texts: dict[str, str]) -> dict:
    """The current revision, when it was first written and last edited, and the earlier revisions newest first;
    the prompt as it was answered (kept by the service even once retired)."""
    prompt = (r.prompt_text or prompt_texts.get(r.prompt_id) or gettext("A guided prompt (no longer offered)")
              if r.prompt_id else "")
    current = _revision(r.revisions[-1])
    return {"id": r.id, "prompt": prompt, "text": current["text"], "current": current,
            "first_at": r.revisions[0].created_at,
            "edited_at": r.revisions[-1].created_at if len(r.revisions) > 1 else "",
            "history": [_revision(v) for v in reversed(r.revisions[:-1])]}


def processing(talk: DiscussionView) -> bool:
    """Whether a recording on the page still awaits its check (the page then polls and reloads)."""
    return any(v["status"] == "processing" for r in talk.reflections for v in [r["current"], *r["history"]])


async def load(backends: Backends, viewer: Principal, artifact: apb.Artifact) -> DiscussionView:
    """The discussion of ``artifact``; ``available`` False while the reflections service cannot answer for it yet
    (its copy of who owns a new artifact arrives by event) or is down: the rest of the page still shows."""
    try:
        found, prompts = await asyncio.gather(discussion.get_discussion(backends, viewer, artifact.id),
                                              discussion.list_prompts(backends, viewer))
    except DomainError as error:     # PERMISSION_DENIED: the replica has not heard of the artifact yet
        level = logging.INFO if isinstance(error, PermissionDenied) else logging.WARNING
        log.log(level, "discussion of %s unavailable: %s", artifact.id, error.code)
        return DiscussionView(available=False)
    can = found.viewer_can
    prompt_texts = {p.id: p.text for p in prompts}
    reflections = [_reflection(r, prompt_texts) for r in found.reflections if r.revisions]
    feedback = [{"id": f.id, "by": _author(f.teacher_id, "teacher", viewer, f.teacher_name), "can_do": f.can_do,
                 "next_steps": f.next_steps, "created_at": f.created_at, "disagreements": list(f.disagreements),
                 "amended": f.amended, "own": f.teacher_id == viewer.subject} for f in found.feedback]
    comments = [{"id": c.id, "by": _author(c.author_id, c.author_role, viewer, c.author_name),
                 "role": c.author_role, "body": c.body, "hidden": c.hidden, "created_at": c.created_at,
                 "disagreements": list(c.disagreements), "amended": c.amended, "own": c.author_id == viewer.subject}
                for c in found.comments]
    return DiscussionView(True, reflections, feedback, comments, prompts if can.reflect else [], can)


def form_errors(controls: dict[str, str], problems, message: str) -> dict[str, str]:
    """{control id: sentence} for one form's fields (service field -> control id in ``controls``); a problem with no
    control of its own, or an error without problems (``message``), goes on the form's first control."""
    first = next(iter(controls.values()))
    errors: dict[str, str] = {}
    for problem in problems:
        control = controls.get(problem.field, first)
        label = gettext(LABELS.get(control, LABELS["reflection-text"] if control.startswith("edit-") else control))
        errors.setdefault(control, f"{label}: {problem.reason}.".replace("..", "."))
    return errors or {first: message}
