"""Accounts with fakes: no user enumeration (same message, same argon2 work), rehash on new parameters."""
from __future__ import annotations

import pytest
from roster_fakes import FakeRosterUnitOfWork

from chassis.errors import Conflict, InvalidArgument, Unauthenticated
from roster.adapters.passwords import Argon2Passwords
from roster.domain.model import Person
from roster.service_layer.accounts import Accounts

PASSWORD = "correct horse battery"


class CountingPasswords(Argon2Passwords):
    """Cheap argon2 parameters, counting every verification (real or dummy)."""

    def __init__(self, time_cost: int = 1) -> None:
        super().__init__(time_cost=time_cost, memory_cost_kib=1024, parallelism=1)
        self.verifications = 0

    def verify(self, password_hash: str, password: str) -> bool:
        self.verifications += 1
        return super().verify(password_hash, password)


@pytest.fixture
def uow() -> FakeRosterUnitOfWork:
    fake = FakeRosterUnitOfWork()
    fake.people.add(Person("p1", "s1", "Alice", "Ames", username="Alice", roles=("teacher",)),
                    Person("p2", "s2", "Old", "Timer", username="old", active=False),
                    Person("p3", "s3", "Twin", "One", username="twin"),
                    Person("p4", "s4", "Twin", "Two", username="TWIN"))
    return fake


def test_unknown_user_costs_one_verification_and_says_the_same(uow):
    passwords = CountingPasswords()
    accounts = Accounts(lambda: uow, passwords)
    accounts.set_password("alice", PASSWORD)
    messages = []
    for username, password in [("alice", "wrong wrong wrong"), ("nobody", PASSWORD), ("", PASSWORD)]:
        before = passwords.verifications
        with pytest.raises(Unauthenticated) as caught:
            accounts.authenticate(username, password)
        assert passwords.verifications - before == 1
        messages.append(caught.value.message)
    assert len(set(messages)) == 1
    assert accounts.authenticate(" ALICE", PASSWORD).id == "p1"


def test_inactive_person_is_refused_after_verifying(uow):
    accounts = Accounts(lambda: uow, CountingPasswords())
    accounts.set_password("old", PASSWORD)
    with pytest.raises(Unauthenticated):
        accounts.authenticate("old", PASSWORD)


def test_rehash_when_parameters_change(uow):
    Accounts(lambda: uow, CountingPasswords(time_cost=1)).set_password("alice", PASSWORD)
    old_hash = uow.credentials.rows["alice"].password_hash
    commits = uow.commits
    Accounts(lambda: uow, CountingPasswords(time_cost=2)).authenticate("alice", PASSWORD)
    assert uow.credentials.rows["alice"].password_hash != old_hash and "t=2" in uow.credentials.rows["alice"].password_hash
    assert uow.commits == commits + 1
    Accounts(lambda: uow, CountingPasswords(time_cost=2)).authenticate("alice", PASSWORD)
    assert uow.commits == commits + 1                      # current parameters: nothing to rewrite


def test_set_password_validates_and_needs_one_person(uow):
    accounts = Accounts(lambda: uow, CountingPasswords())
    with pytest.raises(InvalidArgument) as caught:
        accounts.set_password("alice", "alice-123456789")
    assert "username" in caught.value.problems[0].reason
    with pytest.raises(InvalidArgument):
        accounts.set_password("  ", PASSWORD)
    with pytest.raises(Conflict):
        accounts.set_password("twin", PASSWORD)


def test_malformed_stored_hash_is_a_failed_login_not_a_crash(uow):
    accounts = Accounts(lambda: uow, CountingPasswords())
    uow.credentials.save("p1", "alice", "not-an-argon2-hash")
    with pytest.raises(Unauthenticated):
        accounts.authenticate("alice", PASSWORD)
