"""The admission check the chassis interceptor runs after verifying a principal: only a person the service's records
know to be inactive is refused (unknown people and services pass), and the login time rides in the signed token."""
from __future__ import annotations

import grpc
import pytest
from sqlalchemy import Boolean, Column, MetaData, String, Table, create_engine, insert
from sqlalchemy.orm import sessionmaker

from chassis.context import Principal
from chassis.grpc.admission import ACCOUNT_INACTIVE, PASSWORD_CHANGED, AccountInactive, ends_sessions, refuse_inactive
from chassis.grpc.principal import generate_keypair, sign_principal, verify_principal

metadata = MetaData()
people = Table("people", metadata, Column("person_id", String(64), primary_key=True),
               Column("active", Boolean, nullable=False))


@pytest.fixture
def admit():
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(people), [{"person_id": "ann", "active": True}, {"person_id": "bob", "active": False}])
    yield refuse_inactive(sessionmaker(engine), people.c.person_id, people.c.active)
    engine.dispose()


def test_only_a_person_known_to_be_inactive_is_refused(admit):
    admit(Principal("ann", ("student",)))
    admit(Principal("not-replicated-yet", ("student",)))       # eventual consistency is not a refusal
    admit(Principal("service:artifacts", ("service",)))
    with pytest.raises(AccountInactive) as refused:
        admit(Principal("bob", ("teacher",)))
    assert refused.value.code == "UNAUTHENTICATED" and refused.value.message == ACCOUNT_INACTIVE


class _Failed(grpc.RpcError):
    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        self._code, self._details = code, details

    def code(self):
        return self._code

    def details(self):
        return self._details


def test_only_refusals_of_the_account_end_sessions():
    assert ends_sessions(_Failed(grpc.StatusCode.UNAUTHENTICATED, ACCOUNT_INACTIVE))
    assert ends_sessions(_Failed(grpc.StatusCode.UNAUTHENTICATED, PASSWORD_CHANGED))
    assert not ends_sessions(_Failed(grpc.StatusCode.UNAUTHENTICATED, "principal token expired"))
    assert not ends_sessions(_Failed(grpc.StatusCode.PERMISSION_DENIED, ACCOUNT_INACTIVE))


def test_the_login_time_travels_in_the_signed_principal():
    private, public = generate_keypair()
    logged_in = Principal("ann", ("student",), authenticated_at=1_700_000_000.25)
    assert verify_principal(sign_principal(logged_in, private), public).authenticated_at == 1_700_000_000.25
    assert verify_principal(sign_principal(Principal("ann", ("student",)), private), public).authenticated_at == 0
