"""What the skills and artifacts API routes share: the caller dependency, documented errors, paging parameters, and
service failures with their field problems renamed to the REST body's field names."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, Header, Path, Query

from chassis.context import IDEMPOTENCY_HEADER as HEADER
from chassis.context import MAX_IDEMPOTENCY_KEY_LENGTH as MAX_KEY_LENGTH
from chassis.context import Principal, idempotency_key_var
from chassis.errors import DomainError, FieldProblem
from gateway.auth import api_principal

ERRORS = {401: {"description": "No valid bearer token or session"},
          403: {"description": "Not allowed for this caller, or a cookie-session write without X-CSRF-Token"},
          404: {"description": "No such record"}, 409: {"description": "Conflicts with the record's state"},
          422: {"description": "Invalid parameter or body (see problems)"},
          503: {"description": "A service behind the gateway is unavailable, or a record created moments ago has not "
                               "reached every service yet (code NOT_YET_REPLICATED): retry after `Retry-After` "
                               "seconds", "headers": {"Retry-After": {"description": "Seconds to wait before "
                                                                      "retrying", "schema": {"type": "integer",
                                                                                             "minimum": 0,
                                                                                         "maximum": 3600}}}}}
Caller = Annotated[Principal, Depends(api_principal)]
IDEMPOTENCY_KEY_DOC = (
    "Makes the create safe to retry: the same key with the same body returns the first result (same status and "
    "body) instead of creating again; the same key with a different body is refused (422). Keys are per caller "
    "and operation and are kept for SKILLFOLIO_IDEMPOTENCY_KEY_HOURS (default 24 h). Use a fresh random value "
    "(a UUID) per intended create.")


async def idempotency_key(key: Annotated[str | None, Header(
        alias=HEADER, min_length=1, max_length=MAX_KEY_LENGTH, pattern=r"^[\x21-\x7E]+$",
        description=IDEMPOTENCY_KEY_DOC)] = None) -> None:
    """Passes the request's Idempotency-Key to the services it calls (gRPC metadata, chassis.idempotency)."""
    idempotency_key_var.set(key or "")


# On every POST that creates: ``@router.post(..., dependencies=IDEMPOTENT)``.
IDEMPOTENT = [Depends(idempotency_key)]
PageSize = Annotated[int, Query(ge=0, le=1000, description="Items per page; 0 means the default (100).")]
PageToken = Annotated[str, Query(max_length=512, description="next_page_token of the previous page.")]
PathId = Annotated[str, Path(min_length=1, max_length=64)]


def renamed(problem: FieldProblem, names: dict[str, str]) -> FieldProblem:
    """``problem`` with its field given the REST name (exact names first, then dotted prefixes)."""
    field = problem.field
    if field in names:
        return FieldProblem(names[field], problem.reason)
    head, dot, rest = field.partition(".")
    if dot and f"{head}." in names:
        return FieldProblem(names[f"{head}."] + rest, problem.reason)
    return problem


@asynccontextmanager
async def rest_field_names(names: dict[str, str]) -> AsyncIterator[None]:
    """Around service calls: a failure's field problems get REST names (``names``: service field -> REST field)."""
    try:
        yield
    except DomainError as error:
        error.problems = [renamed(p, names) for p in error.problems]
        raise
