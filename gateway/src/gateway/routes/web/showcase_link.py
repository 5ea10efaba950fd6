"""The public view of a showcase's external link (/showcase-links/<token>): no login; the token is the credential.
It shows that showcase alone (title, introduction, its artifacts and their signed media URLs), never the rest of
the portfolio; an ended (expired or revoked) link gets a 410 page, an unknown one a 404. The artifacts service
audits every view. Tokens are kept out of the access log."""
from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Request

from chassis.errors import Conflict, NotFound
from gateway.i18n import N_
from gateway.panel import RedactPanelTokens
from gateway.usecases import showcases
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
REFUSED = {Conflict: (410, N_("This showcase link has ended"), N_("It expired or was revoked.")),
           NotFound: (404, N_("This showcase link does not work"), N_("Check that the whole link was copied."))}
ASK_AGAIN = N_("Ask the student or their teacher for a new link.")


class RedactShowcaseTokens(RedactPanelTokens):
    """``/showcase-links/<token>`` is logged as ``/showcase-links/[redacted]``."""

    TOKEN = re.compile(r"(/showcase-links/)[^/?#\s\"]+")


@router.get("/showcase-links/{token}")
async def open_showcase_link(request: Request, token: Annotated[str, Path(min_length=1, max_length=200)]):
    backends = request.app.state.backends
    try:
        opened = await showcases.open_link(backends, token)
    except (Conflict, NotFound) as error:
        status, title, message = REFUSED[type(error)]
        return render(request, "panel_refused.html", status=status, title=title, message=message, advice=ASK_AGAIN)
    return render(request, "showcase_public.html", showcase=opened.showcase, expires_at=opened.expires_at,
                  audiences=showcases.AUDIENCES)

