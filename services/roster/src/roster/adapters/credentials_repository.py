"""Local-account credentials: one argon2 hash per person, looked up by (lower-cased) username."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from roster.adapters.orm import credentials


@dataclass(frozen=True)
class Credential:
    person_id: str
    username: str
    password_hash: str


def normalise_username(username: str) -> str:
    return username.strip().lower()


class CredentialsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_username(self, username: str) -> Credential | None:
        row = self.session.execute(select(credentials).where(
            credentials.c.username == normalise_username(username))).first()
        return Credential(row.person_id, row.username, row.password_hash) if row else None

    def save(self, person_id: str, username: str, password_hash: str) -> None:
        """Insert or replace the credential of ``person_id``; ``updated_at`` (to the microsecond) is when the password
        was set: sessions from logins before it are refused."""
        values = {"username": normalise_username(username), "password_hash": password_hash,
                  "updated_at": dt.datetime.now(dt.UTC)}
        changed = self.session.execute(update(credentials).where(credentials.c.person_id == person_id)
                                       .values(**values)).rowcount
        if not changed:
            self.session.execute(insert(credentials).values(person_id=person_id, **values))

    def replace_hash(self, person_id: str, password_hash: str) -> None:
        """The same password rehashed with current parameters: not a password change, so ``updated_at`` stays."""
        self.session.execute(update(credentials).where(credentials.c.person_id == person_id)
                             .values(password_hash=password_hash, updated_at=credentials.c.updated_at))
