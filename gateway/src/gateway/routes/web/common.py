"""What every logged-in web page shares: the session principal, the sentence its "not allowed" page says (shown by
gateway.errors when a service refuses), and mapping a service's field problems onto the form controls that caused
them."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from chassis.context import Principal
from chassis.errors import FieldProblem, PermissionDenied, Unauthenticated
from gateway import i18n
from gateway.auth import GUEST_LIMIT, is_guest, session_principal
from gateway.clients.replica_wait import FORM_PATIENCE_SECONDS, VIEW_PATIENCE_SECONDS, wait_for_replicas
from gateway.errors import when_refused
from gateway.sessions.standing import confirm_standing

DENIED_MESSAGE = i18n.N_("You can't open this portfolio. Students see their own, teachers the portfolios of the students "
                  "they teach now, and guardians their children's. Administrators see counts only.")
# Service field names -> the id of the form control that shows the problem.
FIELD_CONTROLS = {"skill_ids": "skills", "content.link_url": "link_url", "link_url": "link_url",
                  "content.size_bytes": "file", "content.content_type": "file", "content.file_name": "file",
                  "file.size_bytes": "file", "file.content_type": "file", "file.name": "file",
                  "content.media_key": "file"}


async def panel_principal(request: Request) -> Principal:
    """The session's principal, panel guests included (only for the milestone pages a panellist uses); without
    one, the error handler redirects to /login?next=<this page>. The rest of the request speaks the page's
    language."""
    i18n.use_request_language(request)    # messages the route builds (labels, "You") are in the page's language
    principal = session_principal(request)
    if principal is None:
        raise Unauthenticated("log in to continue")
    await confirm_standing(request, principal, request.state.session_id)
    # a page waits briefly for a just-created artifact to reach every service (gateway.clients.replica_wait)
    wait_for_replicas(FORM_PATIENCE_SECONDS if request.method == "POST" else VIEW_PATIENCE_SECONDS)
    return principal


async def web_principal(request: Request) -> Principal:
    """The session's principal (a panel guest is refused: 403); without one, a redirect to /login."""
    principal = await panel_principal(request)
    if is_guest(principal):
        raise PermissionDenied(GUEST_LIMIT[0].upper() + GUEST_LIMIT[1:] + ".")
    return principal


Viewer = Annotated[Principal, Depends(web_principal)]
PanelViewer = Annotated[Principal, Depends(panel_principal)]


def refusal(message: str = DENIED_MESSAGE):
    """A route's dependency: if a service refuses the viewer, the "not allowed" page says ``message``."""
    async def declare(request: Request) -> None:      # a coroutine: FastAPI runs a plain def in a thread
        when_refused(request, message)
    return Depends(declare)


REFUSED = refusal()   # a student's pages: "You can't open this portfolio. ..."


def field_errors(problems: list[FieldProblem]) -> dict[str, str]:
    """{control id: sentence} for an error summary and the fields' inline messages."""
    errors: dict[str, str] = {}
    for problem in problems:
        control = FIELD_CONTROLS.get(problem.field, problem.field)
        errors.setdefault(control, f"{i18n.gettext(_label(control))} {problem.reason}.".replace("..", "."))
    return errors


def _label(control: str) -> str:
    return {"skills": i18n.N_("Skills:"), "link_url": i18n.N_("Link:"), "file": i18n.N_("File:"),
            "school_year_id": i18n.N_("School year:"), "title": i18n.N_("Title:"),
            "success_criteria": i18n.N_("Success criteria:")}.get(
        control, f"{control.replace('_', ' ').capitalize()}:")
