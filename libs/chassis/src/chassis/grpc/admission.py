"""Refusing inactive accounts: after the principal token is verified, the chassis interceptor asks the service's own
record of people (the roster's table, or a service's roster replica) whether the caller was deactivated (and the
roster, whether their password changed after the login behind the principal).

Only a person the record knows to be inactive is refused: a person the replica has not heard of yet (eventual
consistency) and non-person subjects (``service:...``, ``guest:...``) are admitted.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import grpc

from chassis.context import Principal
from chassis.errors import Unauthenticated

if TYPE_CHECKING:   # the database extra: the gateway imports this module for ends_sessions only
    from sqlalchemy import Column
    from sqlalchemy.orm import sessionmaker

ACCOUNT_INACTIVE = "account inactive: this person was deactivated in the roster"
PASSWORD_CHANGED = "password changed since this login: sign in again"
Admission = Callable[[Principal], None]


class AccountInactive(Unauthenticated):
    """The caller's account is deactivated (UNAUTHENTICATED with the :data:`ACCOUNT_INACTIVE` message)."""

    def __init__(self) -> None:
        super().__init__(ACCOUNT_INACTIVE)


class PasswordChanged(Unauthenticated):
    """The caller's password was changed after they logged in (UNAUTHENTICATED, :data:`PASSWORD_CHANGED`)."""

    def __init__(self) -> None:
        super().__init__(PASSWORD_CHANGED)


def refuse_inactive(session_factory: sessionmaker, person_id: Column, active: Column) -> Admission:
    """An admission check reading ``active`` of the row whose ``person_id`` is the caller's subject (one primary-key
    lookup per call, in autocommit: one round trip, where a transaction would add its BEGIN and ROLLBACK); raises
    :class:`AccountInactive` when that row says inactive."""
    from sqlalchemy import bindparam, select
    query = select(active).where(person_id == bindparam("subject"))

    def admit(principal: Principal) -> None:
        with session_factory() as session:
            connection = session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            status = connection.execute(query, {"subject": principal.subject}).scalar()
        if status is False:
            raise AccountInactive()
    return admit


def ends_sessions(error: grpc.RpcError) -> bool:
    """True when a failed call is a service refusing the account itself (inactive, or its password changed since
    the login): the gateway then ends every session of that person."""
    code = error.code() if hasattr(error, "code") else None
    details = (error.details() if hasattr(error, "details") else "") or ""
    return code == grpc.StatusCode.UNAUTHENTICATED and details.startswith((ACCOUNT_INACTIVE, PASSWORD_CHANGED))
