"""Local accounts (demos; districts use OIDC): authenticate a username and password, set a password."""
from __future__ import annotations

import logging

from chassis.errors import Conflict, FieldProblem, InvalidArgument, NotFound, Unauthenticated
from roster.adapters.passwords import Argon2Passwords
from roster.domain.model import Person
from roster.domain.password_policy import MAX_LENGTH, check_password
from roster.service_layer.unit_of_work import UowFactory

log = logging.getLogger(__name__)
BAD_CREDENTIALS = "invalid username or password"


class Accounts:
    def __init__(self, unit_of_work: UowFactory, passwords: Argon2Passwords) -> None:
        self.unit_of_work = unit_of_work
        self.passwords = passwords

    def authenticate(self, username: str, password: str) -> Person:
        """The active person these credentials belong to, or Unauthenticated with one message whatever was
        wrong; an unknown username costs the same argon2 verification as a known one."""
        if not username or not password or len(password) > MAX_LENGTH:
            self.passwords.dummy_verify(password[:MAX_LENGTH])
            raise Unauthenticated(BAD_CREDENTIALS)
        with self.unit_of_work() as uow:
            credential = uow.credentials.by_username(username)
            if credential is None:
                self.passwords.dummy_verify(password)
                raise Unauthenticated(BAD_CREDENTIALS)
            if not self.passwords.verify(credential.password_hash, password):
                raise Unauthenticated(BAD_CREDENTIALS)
            person = uow.people.get(credential.person_id)
            if person is None or not person.active:
                raise Unauthenticated(BAD_CREDENTIALS)
            if self.passwords.needs_rehash(credential.password_hash):
                uow.credentials.replace_hash(person.id, self.passwords.hash(password))
                uow.commit()
                log.info("rehashed password with current argon2 parameters", extra={"person_id": person.id})
        return person

    def set_password(self, username: str, password: str) -> Person:
        """Set the password of the person whose roster username is ``username`` (case-insensitive)."""
        username = (username or "").strip()
        if not username:
            raise InvalidArgument("username is required", [FieldProblem("username", "must not be empty")])
        check_password(password, username)
        with self.unit_of_work() as uow:
            matches = uow.people.find_by_username(username)
            if not matches:
                raise NotFound(f"no person in the roster has username {username!r}")
            if len(matches) > 1:
                raise Conflict(f"{len(matches)} people share username {username!r}; fix the roster first")
            person = matches[0]
            uow.credentials.save(person.id, person.username, self.passwords.hash(password))
            uow.commit()
        log.info("password set", extra={"person_id": person.id})
        return person
