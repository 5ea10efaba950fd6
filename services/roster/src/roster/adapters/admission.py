"""The roster's admission check for the chassis interceptor: refuse a caller the roster knows as inactive, or whose
password was changed after the login behind their principal (one lookup per call)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select
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
            row = session.execute(_STANDING, {"subject": principal.subject}).first()
        if row is None:                     # a service, a panel guest, or no such person: nothing to refuse here
            return
        if not row.active:
            raise AccountInactive()
        if (principal.authenticated_at and row.password_set_at is not None
                and _epoch(row.password_set_at) > principal.authenticated_at):
            raise PasswordChanged()
    return admit
