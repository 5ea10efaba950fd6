"""Panel links: the guest URL a teacher hands to a panellist, and the edge's limit on a panel guest's session
(its one milestone; the reflections service checks the invitation again on every call)."""
from __future__ import annotations

from fastapi import Request

from chassis.context import Principal
from chassis.errors import PermissionDenied

from gateway.auth import GUEST_LIMIT, is_guest


def guest_url(request: Request, token: str) -> str:
    """The panel link: GATEWAY_PUBLIC_URL (else this request's origin) + /panel/<token>."""
    base = request.app.state.settings.public_url.rstrip("/") or str(request.base_url).rstrip("/")
    return f"{base}/panel/{token}"


def guest_milestone(principal: Principal) -> str:
    """The milestone a panel guest's session was opened for ("" for everyone else)."""
    return str(principal.extra.get("milestone_id", "")) if is_guest(principal) else ""


def refuse_other_milestones(principal: Principal, milestone_id: str) -> None:
    """403 for a panel guest asking about any milestone but the one their link opened."""
    if is_guest(principal) and guest_milestone(principal) != milestone_id:
        raise PermissionDenied(GUEST_LIMIT)
