"""Guest entry to a milestone panel: /panel/<token> redeems the link (a public RPC), starts a guest session that
ends no later than the invitation (principal guest:<invitation_id>, role panel_guest, one milestone) and
redirects to the milestone page. An expired link gets a friendly 410 Gone page with the service's message; an
unknown one a 404."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse

from chassis.errors import Conflict, NotFound
from gateway.auth import start_session
from gateway.clients.backends import BackendsDep
from gateway.i18n import N_
from gateway.usecases import milestones
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
REFUSED = {Conflict: (410, N_("This panel link has expired")), NotFound: (404, N_("This panel link does not work"))}
ASK_AGAIN = N_("Ask the teacher who invited you for a new link.")      # marked; the page translates it


@router.get("/panel/{token}")
async def enter_panel(request: Request, backends: BackendsDep,
                      token: Annotated[str, Path(min_length=1, max_length=200)]):
    try:
        redeemed = await milestones.redeem_invitation(backends, token)
    except (Conflict, NotFound) as error:
        status, title = REFUSED[type(error)]
        message = (error.message or title).rstrip(".")
        return render(request, "panel_refused.html", status=status, title=title,
                      message=message[:1].upper() + message[1:] + ".", advice=ASK_AGAIN)
    start_session(request, milestones.guest_principal(redeemed), expires_at=milestones.expiry_epoch(
        redeemed.expires_at))
    return RedirectResponse(f"/milestones/{redeemed.milestone_id}", status_code=303)
