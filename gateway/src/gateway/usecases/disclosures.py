"""The record of disclosures the portfolio's page and the REST API share: every audit-keeping service's rows about
one student (each service decides who may read them), merged newest first into pages; the page token holds each
service's cursor and the filters it was made for."""
from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass

from chassis.context import Principal
from chassis.errors import FieldProblem, InvalidArgument, NotYetReplicated, PermissionDenied
from gateway.clients.backends import Backends
from skillfolio.disclosures.v1 import disclosures_pb2 as dpb

SERVICES = ("roster", "artifacts", "reflections", "notifications")
DEFAULT_PAGE, MAX_PAGE = 50, 200


@dataclass(frozen=True)
class Page:
    items: list[dpb.Disclosure]
    next_page_token: str


def _encode(cursors: dict[str, str], filters: list[str]) -> str:
    raw = json.dumps({"c": cursors, "f": filters}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(token: str, filters: list[str]) -> dict[str, str]:
    try:
        body = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        cursors, made_for = dict(body["c"]), body["f"]
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise InvalidArgument("page_token: not a token this endpoint gave",
                              [FieldProblem("page_token", "is not a next_page_token of this list")]) from None
    if made_for != filters or not set(cursors) <= set(SERVICES):
        raise InvalidArgument("page_token: made for other filters",
                              [FieldProblem("page_token", "was made for other filters: start again without it")])
    return {name: str(cursor) for name, cursor in cursors.items()}


def _when(item: dpb.Disclosure) -> dt.datetime:
    return dt.datetime.fromisoformat(item.occurred_at)


async def student_disclosures(backends: Backends, principal: Principal, student_id: str, from_date: str = "",
                              to_date: str = "", services: list[str] | None = None, page_token: str = "",
                              page_size: int = 0) -> Page:
    """One page, newest first. A refusal by every service is a refusal; by some while others answer, it is their
    replica still catching up with the roster (retryable, never a refusal)."""
    chosen = sorted(set(services or SERVICES))
    size = page_size or DEFAULT_PAGE
    filters = [from_date, to_date, *chosen]
    cursors = _decode(page_token, filters) if page_token else dict.fromkeys(chosen, "")
    names = list(cursors)
    replies = await asyncio.gather(*(backends.disclosures[name].list_disclosures(principal, dpb.ListDisclosuresRequest(
        student_id=student_id, from_date=from_date, to_date=to_date, after=cursors[name], limit=size))
        for name in names), return_exceptions=True)
    failures = [r for r in replies if isinstance(r, BaseException)]
    if failures:
        if all(isinstance(f, PermissionDenied) for f in failures):
            if len(failures) == len(replies):
                raise failures[0]
            raise NotYetReplicated("a service has not yet heard who you are to this student; retry shortly", 1)
        raise next(f for f in failures if not isinstance(f, PermissionDenied))
    merged = sorted(((item, name) for name, reply in zip(names, replies, strict=True) for item in reply.disclosures),
                    key=lambda pair: _when(pair[0]), reverse=True)
    known = {item.actor_id: item.actor_name for item, _ in merged if item.actor_name}
    for item, _ in merged:                  # a service that does not know the actor by name: another may
        item.actor_name = item.actor_name or known.get(item.actor_id, "")
    taken = merged[:size]
    following: dict[str, str] = {}
    for name, reply in zip(names, replies, strict=True):
        own = [item for item, source in taken if source == name]
        if len(own) < len(reply.disclosures) or reply.more:
            following[name] = own[-1].cursor if own else cursors[name]
    return Page([item for item, _ in taken], _encode(following, filters) if following else "")
