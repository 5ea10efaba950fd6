"""Safe retries of creates (the HTTP ``Idempotency-Key`` header, passed to services as gRPC metadata): a create's
first result is kept per (principal, operation, key) in the create's own transaction and returned again for the
same request; the same key with a different request is refused. Kept for SKILLFOLIO_IDEMPOTENCY_KEY_HOURS.

Race-free by the table's primary key: of two concurrent duplicates, the second insert waits for the first
transaction and then fails, so its whole create rolls back and it answers with the first result.
"""
from __future__ import annotations

import contextvars
import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from google.protobuf.message import Message
from sqlalchemy import Column, Connection, DateTime, LargeBinary, MetaData, String, Table, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from chassis.calendar import utc_now
from chassis.context import IDEMPOTENCY_HEADER as HEADER  # noqa: F401
from chassis.context import MAX_IDEMPOTENCY_KEY_LENGTH as MAX_KEY_LENGTH
from chassis.context import idempotency_key_var, principal_var
from chassis.errors import Conflict, FieldProblem, InvalidArgument

R = TypeVar("R", bound=Message)


def add_idempotency_table(metadata: MetaData) -> Table:
    return Table("idempotency_keys", metadata,
                 Column("principal", String(200), primary_key=True),
                 Column("operation", String(200), primary_key=True),
                 Column("key", String(MAX_KEY_LENGTH), primary_key=True),
                 Column("request_hash", String(64), nullable=False),
                 Column("response", LargeBinary, nullable=False),
                 Column("created_at", DateTime(timezone=True), nullable=False, index=True))


@functools.lru_cache(maxsize=1)
def default_ttl() -> dt.timedelta:
    from chassis.config import PlatformSettings
    return dt.timedelta(hours=PlatformSettings().idempotency_key_hours)


@dataclass(frozen=True)
class Claim:
    """One create under a key: who, which operation, the request's hash and how to render its result."""

    principal: str
    operation: str
    key: str
    request_hash: str
    render: Callable[[Any], bytes]
    now: dt.datetime
    ttl: dt.timedelta

    def where(self, table: Table) -> tuple:
        return (table.c.principal == self.principal, table.c.operation == self.operation, table.c.key == self.key)


class DuplicateRequest(Exception):
    """Another request under the same key committed first; :func:`idempotent` answers with its result."""


_claim_var: contextvars.ContextVar[Claim | None] = contextvars.ContextVar("idempotency_claim", default=None)


def first_result(session: Session, table: Table, claim: Claim) -> bytes | None:
    """The kept response for the claim's key, None when there is none (or it expired); a different request under
    the same key is refused."""
    row = session.execute(select(table.c.request_hash, table.c.response).where(
        *claim.where(table), table.c.created_at > claim.now - claim.ttl)).first()
    if row is None:
        return None
    if row.request_hash != claim.request_hash:
        raise InvalidArgument(f"{HEADER} {claim.key!r} was already used with a different request; send a new key "
                              f"for a new request", [FieldProblem(HEADER, "was used with a different request body")])
    return bytes(row.response)


def keep(session: Session, table: Table | None, result: Any) -> None:
    """Inside the create's transaction: keep ``result`` under the active claim (no claim: nothing to do)."""
    claim = _claim_var.get()
    if claim is None or table is None:
        return
    session.execute(delete(table).where(*claim.where(table), table.c.created_at <= claim.now - claim.ttl))
    try:
        session.execute(insert(table).values(principal=claim.principal, operation=claim.operation, key=claim.key,
                                             request_hash=claim.request_hash, response=claim.render(result),
                                             created_at=claim.now))
    except IntegrityError as exc:
        raise DuplicateRequest(claim.key) from exc


def purge(session: Session | Connection, table: Table, now: dt.datetime, ttl: dt.timedelta | None = None) -> int:
    """Delete keys older than the retention time (the events role's relay does, with its housekeeping)."""
    return session.execute(delete(table).where(table.c.created_at <= now - (ttl or default_ttl()))).rowcount


def idempotent(uow_factory: Callable[[], Any], request: Message, response_type: type[R],
               respond: Callable[[Any], R], command: Callable[[], Any], now: dt.datetime | None = None,
               ttl: dt.timedelta | None = None) -> R:
    """``respond(command())``, or under an idempotency key the first response for the same request. The command
    calls ``uow.keep_result(result)`` before it commits; ``uow_factory()`` gives a unit of work with
    ``idempotency_keys``."""
    key = idempotency_key_var.get()
    if not key:
        return respond(command())
    principal = principal_var.get()
    operation = request.DESCRIPTOR.full_name
    digest = hashlib.sha256(request.SerializeToString(deterministic=True)).hexdigest()
    claim = Claim(principal.subject if principal else "", operation, key, digest,
                  lambda result: respond(result).SerializeToString(deterministic=True), now or utc_now(),
                  ttl or default_ttl())

    def kept() -> bytes | None:
        with uow_factory() as uow:
            return first_result(uow.session, uow.idempotency_keys, claim)

    stored = kept()
    if stored is None:
        token = _claim_var.set(claim)
        try:
            return respond(command())
        except DuplicateRequest:
            stored = kept()
            if stored is None:
                raise Conflict(f"a request with {HEADER} {key!r} is still being processed; retry") from None
        finally:
            _claim_var.reset(token)
    return response_type.FromString(stored)
