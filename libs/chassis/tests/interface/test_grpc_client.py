"""chassis.grpc.client over a real channel: principal and correlation id ride along (sync and aio); errors map back."""
from __future__ import annotations

import asyncio

import grpc
import pytest
from test_grpc_server import keys, running  # noqa: F401 - fixtures

from chassis.config import PlatformSettings, ServiceSettings
from chassis.context import Principal, correlation_id_var, principal_var
from chassis.errors import InvalidArgument, NotFound, Unauthenticated
from chassis.grpc import client
from chassis.grpc.errors import RemoteError, rpc_error_to_domain
from chassis.grpc.principal import principal_token_var, sign_principal
from chassis.testing.infra import free_port
from skillfolio.roster.v1 import roster_pb2, roster_pb2_grpc

TEACHER = Principal("person-7", ("teacher",), "Mr. Keating")


def _address(running) -> str:  # noqa: F811
    return f"127.0.0.1:{running[0].port}"


def test_sync_channel_signs_the_current_principal_and_sends_the_correlation_id(running, keys):  # noqa: F811
    source = client.signing_token_source(PlatformSettings(principal_private_key=keys[0]))
    stub = roster_pb2_grpc.RosterServiceStub(client.channel("echo", source, address=_address(running)))
    principal_token = principal_var.set(TEACHER)
    correlation_token = correlation_id_var.set("corr-sync")
    try:
        person = stub.GetPerson(roster_pb2.GetPersonRequest(person_id="p")).person
    finally:
        principal_var.reset(principal_token)
        correlation_id_var.reset(correlation_token)
    assert (person.id, person.given_name, person.sourced_id) == ("person-7", "Mr. Keating", "corr-sync")


def test_a_served_request_forwards_its_own_token(running, keys):  # noqa: F811
    stub = roster_pb2_grpc.RosterServiceStub(client.channel("echo", address=_address(running)))
    with pytest.raises(grpc.RpcError) as caught:   # nothing to forward outside a request
        stub.GetPerson(roster_pb2.GetPersonRequest(person_id="p"))
    assert isinstance(rpc_error_to_domain(caught.value), Unauthenticated)
    token = principal_token_var.set(sign_principal(TEACHER, keys[0]))
    try:
        assert stub.GetPerson(roster_pb2.GetPersonRequest(person_id="p")).person.id == "person-7"
    finally:
        principal_token_var.reset(token)


def test_aio_channel_carries_the_principal_and_errors_map_to_domain_errors(running, keys):  # noqa: F811
    source = client.signing_token_source(PlatformSettings(principal_private_key=keys[0]))

    async def scenario():
        principal_var.set(TEACHER)
        correlation_id_var.set("corr-aio")
        async with client.aio_channel("echo", source, address=_address(running)) as channel:
            stub = roster_pb2_grpc.RosterServiceStub(channel)
            person = (await stub.GetPerson(roster_pb2.GetPersonRequest(person_id="p"))).person
            try:
                await stub.GetPerson(roster_pb2.GetPersonRequest(person_id="bad"))
            except grpc.RpcError as exc:
                return person, rpc_error_to_domain(exc)
        return person, None
    person, error = asyncio.run(scenario())
    assert (person.id, person.sourced_id) == ("person-7", "corr-aio")
    assert isinstance(error, InvalidArgument)
    assert [(p.field, p.reason) for p in error.problems] == [("person_id", "must be a UUID")]


def test_a_context_stub_on_a_plain_aio_channel_sends_the_same_metadata(running, keys):  # noqa: F811
    source = client.signing_token_source(PlatformSettings(principal_private_key=keys[0]))

    async def scenario():
        principal_var.set(TEACHER)
        correlation_id_var.set("corr-stub")
        async with grpc.aio.insecure_channel(_address(running)) as channel:
            stub = client.ContextStub(roster_pb2_grpc.RosterServiceStub(channel), source)
            return (await stub.GetPerson(roster_pb2.GetPersonRequest(person_id="p"), timeout=5)).person
    person = asyncio.run(scenario())
    assert (person.id, person.given_name, person.sourced_id) == ("person-7", "Mr. Keating", "corr-stub")


def test_rpc_errors_map_back_to_domain_errors(running, keys):  # noqa: F811
    stub = roster_pb2_grpc.RosterServiceStub(client.channel("echo", address=_address(running)))
    token = principal_token_var.set(sign_principal(TEACHER, keys[0]))
    try:
        with pytest.raises(grpc.RpcError) as caught:
            stub.GetPerson(roster_pb2.GetPersonRequest(person_id="missing"))
    finally:
        principal_token_var.reset(token)
    error = rpc_error_to_domain(caught.value)
    assert isinstance(error, NotFound) and error.message == "no person with id 'missing'"
    dead = roster_pb2_grpc.RosterServiceStub(client.channel("echo", address=f"127.0.0.1:{free_port()}"))
    with pytest.raises(grpc.RpcError) as unreachable:
        dead.Authenticate(roster_pb2.AuthenticateRequest(), timeout=2)
    remote = rpc_error_to_domain(unreachable.value)
    assert isinstance(remote, RemoteError) and remote.code == "UNAVAILABLE"


def test_target_dials_loopback_for_a_wildcard_bind():
    assert client.target(ServiceSettings(grpc_host="0.0.0.0", grpc_port=50051)) == "127.0.0.1:50051"
    assert client.target(ServiceSettings(grpc_host="roster", grpc_port=50051)) == "roster:50051"
