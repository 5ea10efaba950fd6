"""Panel links: the guest URL a teacher hands to a panellist, and the edge's limit on a panel guest's session
(its one milestone; the reflections service checks the invitation again on every call), and keeping the links'
tokens out of the access log."""
from __future__ import annotations

import logging
import re

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


class RedactPanelTokens(logging.Filter):
    """An access-log filter: ``/panel/<token>`` is logged as ``/panel/[redacted]`` (a token is a credential)."""

    TOKEN = re.compile(r"(/panel/)[^/?#\s\"]+")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(self.TOKEN.sub(r"\1[redacted]", a) if isinstance(a, str) else a
                                for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = self.TOKEN.sub(r"\1[redacted]", record.msg)
        return True


class RedactReasons(RedactPanelTokens):
    """A ``reason=`` query value (a records request's or a legal hold's words, which may name people) is logged as
    ``reason=[redacted]``; the audit rows keep it."""

    TOKEN = re.compile(r"([?&]reason=)[^&#\s\"]*")


def redact_in_access_log(*filters: type[RedactPanelTokens]) -> None:
    """Install each of these redactions on uvicorn's access logger, once."""
    access = logging.getLogger("uvicorn.access")
    for kind in filters:
        if not any(type(f) is kind for f in access.filters):
            access.addFilter(kind())
