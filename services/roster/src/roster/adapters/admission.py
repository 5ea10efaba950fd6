"""The roster's admission check for the chassis interceptor: refuse a caller the roster knows as inactive, or whose
password was changed after the login behind their principal (one lookup per call, in autocommit on an engine: one
round trip, where a transaction would add its BEGIN and ROLLBACK)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.orm import sessionmaker

from chassis.context import Principal
from chassis.grpc.admission import AccountInactive, Admission, PasswordChanged
from roster.adapters.orm import credentials, people

_STANDING = (select(people.c.active, credentials.c.updated_at.label("password_set_at"))
             .select_from(people.outerjoin(credentials, credentials.c.person_id == people.c.id))
             .where(people.c.id == bindparam("subject")))


def _epoch(moment: dt.datetime) -> float:
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).timestamp()


def roster_admission(session_factory: sessionmaker) -> Admission:
    def admit(principal: Principal) -> None:
        with session_factory() as session:
            if isinstance(session.get_bind(), Engine):
                connection = session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
                row = connection.execute(_STANDING, {"subject": principal.subject}).first()
            else:                           # bound to a connection already in a transaction: read in it
                row = session.execute(_STANDING, {"subject": principal.subject}).first()
        if row is None:                     # a service, a panel guest, or no such person: nothing to refuse here
            return
        if not row.active:
            raise AccountInactive()
        if (principal.authenticated_at and row.password_set_at is not None
                and _epoch(row.password_set_at) > principal.authenticated_at):
            raise PasswordChanged()
    return admit
