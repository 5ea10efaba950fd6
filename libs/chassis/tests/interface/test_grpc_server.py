"""The chassis gRPC server over a real channel: health, reflection, principals, error mapping, metrics.

Also importable (and runnable as a script by test_grpc_shutdown.py) for its tiny test servicer.
"""
from __future__ import annotations

import io
import json
import logging
import sys
import time

import grpc
import pytest
import requests
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from grpc_status import rpc_status

from chassis import errors as chassis_errors
from chassis.config import PlatformSettings, ServiceSettings
from chassis.context import Principal, correlation_id_var, principal_var
from chassis.errors import FieldProblem, InvalidArgument, NotFound
from chassis.grpc import server as grpc_server
from chassis.grpc.principal import generate_keypair, sign_principal
from chassis.logs import configure_logging
from chassis.testing.infra import free_port
from skillfolio.roster.v1 import roster_pb2, roster_pb2_grpc

ROSTER = roster_pb2.DESCRIPTOR.services_by_name["RosterService"].full_name
AUTHENTICATE = f"/{ROSTER}/Authenticate"
log = logging.getLogger("test.servicer")


class EchoServicer(roster_pb2_grpc.RosterServiceServicer):
    """GetPerson echoes the principal and correlation id, or fails on request; GetSchool sleeps."""

    def GetPerson(self, request, context):
        if request.person_id == "missing":
            raise NotFound("no person with id 'missing'")
        if request.person_id == "bad":
            raise InvalidArgument("the request is invalid", [FieldProblem("person_id", "must be a UUID")])
        if request.person_id.startswith("raise:"):   # raise:<DomainError subclass>:<problem count>
            _, name, count = request.person_id.split(":")
            raise getattr(chassis_errors, name)(f"{name} raised", [
                FieldProblem(f"people.csv:{line}:3", "grade_level 'K9' is not a OneRoster grade")
                for line in range(int(count))])
        if request.person_id == "boom":
            raise RuntimeError("db password is hunter2")
        principal = principal_var.get()
        log.info("serving GetPerson")
        return roster_pb2.GetPersonResponse(person=roster_pb2.Person(
            id=principal.subject, given_name=principal.display_name, sourced_id=correlation_id_var.get()))

    def GetSchool(self, request, context):
        print("slow call started", flush=True)   # test_grpc_shutdown waits for this line
        time.sleep(float(request.school_id or 0))
        return roster_pb2.GetSchoolResponse(school=roster_pb2.School(id="done"))

    def Authenticate(self, request, context):
        return roster_pb2.AuthenticateResponse(person=roster_pb2.Person(username=request.username))


def start_echo_server(public_pem: str, port: int = 0, metrics_port: int = 0, grace: float = 5.0):
    settings = ServiceSettings(name="echo", grpc_port=port, metrics_port=metrics_port, grpc_max_workers=4,
                               shutdown_grace_seconds=grace)
    return settings, dict(service_name="echo", settings=settings,
                          register=lambda server: roster_pb2_grpc.add_RosterServiceServicer_to_server(
                              EchoServicer(), server),
                          service_full_names=[ROSTER], public_methods={AUTHENTICATE},
                          platform=PlatformSettings(principal_public_key=public_pem))


@pytest.fixture(scope="module")
def keys():
    return generate_keypair()


@pytest.fixture(scope="module")
def running(keys):
    _, kwargs = start_echo_server(keys[1], metrics_port=free_port())
    handle = grpc_server.start(**kwargs)
    channel = grpc.insecure_channel(f"127.0.0.1:{handle.port}")
    yield handle, channel
    channel.close()
    handle.stop(grace=1)


@pytest.fixture
def stub(running):
    return roster_pb2_grpc.RosterServiceStub(running[1])


def _token(keys, **kwargs) -> str:
    return sign_principal(Principal("person-1", ("teacher",), "Ms. Frizzle"), keys[0], **kwargs)


def test_health_reports_serving_for_the_server_and_each_service(running):
    health = health_pb2_grpc.HealthStub(running[1])
    for service in ("", ROSTER):
        assert health.Check(health_pb2.HealthCheckRequest(service=service)).status == \
            health_pb2.HealthCheckResponse.SERVING


def test_reflection_lists_the_services(running):
    reflection = reflection_pb2_grpc.ServerReflectionStub(running[1])
    replies = reflection.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    names = {service.name for reply in replies for service in reply.list_services_response.service}
    assert {ROSTER, "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"} <= names


@pytest.mark.parametrize("case", ["missing", "forged", "expired", "wrong_audience", "garbage"])
def test_calls_without_a_valid_principal_are_unauthenticated(stub, keys, case):
    tokens = {"missing": None, "forged": _token((generate_keypair()[0], None)), "expired": _token(keys, ttl=-30),
              "wrong_audience": _token(keys, audience="someone-else"), "garbage": "not-a-jwt"}
    metadata = [("x-skillfolio-principal", tokens[case])] if tokens[case] else []
    with pytest.raises(grpc.RpcError) as caught:
        stub.GetPerson(roster_pb2.GetPersonRequest(person_id="p"), metadata=metadata)
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_a_public_method_works_without_a_principal(stub):
    reply = stub.Authenticate(roster_pb2.AuthenticateRequest(username="ada"))
    assert reply.person.username == "ada"


def test_principal_and_correlation_id_reach_the_handler_and_its_logs(stub, keys, monkeypatch):
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    configure_logging("echo")
    try:
        metadata = [("x-skillfolio-principal", _token(keys)), ("x-correlation-id", "corr-123")]
        reply = stub.GetPerson(roster_pb2.GetPersonRequest(person_id="p"), metadata=metadata)
        written = sys.stderr.getvalue()
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    assert (reply.person.id, reply.person.given_name, reply.person.sourced_id) == \
        ("person-1", "Ms. Frizzle", "corr-123")
    line = next(json.loads(line) for line in written.splitlines() if "serving GetPerson" in line)
    assert (line["correlation_id"], line["service"]) == ("corr-123", "echo")


def test_a_correlation_id_is_minted_when_absent_or_unsafe(stub, keys):
    for sent in ([], [("x-correlation-id", "<script>")], [("x-correlation-id", "x" * 500)]):
        reply = stub.GetPerson(roster_pb2.GetPersonRequest(person_id="p"),
                               metadata=[("x-skillfolio-principal", _token(keys)), *sent])
        assert len(reply.person.sourced_id) == 32 and reply.person.sourced_id.isalnum()


def test_domain_errors_map_to_their_code_with_field_violations(stub, keys):
    metadata = [("x-skillfolio-principal", _token(keys))]
    with pytest.raises(grpc.RpcError) as missing:
        stub.GetPerson(roster_pb2.GetPersonRequest(person_id="missing"), metadata=metadata)
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    assert missing.value.details() == "no person with id 'missing'"
    with pytest.raises(grpc.RpcError) as bad:
        stub.GetPerson(roster_pb2.GetPersonRequest(person_id="bad"), metadata=metadata)
    assert bad.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    status = rpc_status.from_call(bad.value)
    detail = error_details_pb2.BadRequest()
    assert status.details[0].Unpack(detail)
    assert [(v.field, v.description) for v in detail.field_violations] == [("person_id", "must be a UUID")]


def test_unexpected_errors_are_internal_without_leaking_text(stub, keys, caplog):
    caplog.set_level(logging.ERROR, logger="chassis.grpc")
    metadata = [("x-skillfolio-principal", _token(keys)), ("x-correlation-id", "corr-boom")]
    with pytest.raises(grpc.RpcError) as caught:
        stub.GetPerson(roster_pb2.GetPersonRequest(person_id="boom"), metadata=metadata)
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert "hunter2" not in caught.value.details() and "corr-boom" in caught.value.details()
    record = next(r for r in caplog.records if r.name == "chassis.grpc" and r.exc_info)
    assert "hunter2" in str(record.exc_info[1])


def test_metrics_count_calls_by_method_and_code(running, stub, keys):
    stub.Authenticate(roster_pb2.AuthenticateRequest(username="ada"))
    with pytest.raises(grpc.RpcError):
        stub.GetPerson(roster_pb2.GetPersonRequest(person_id="missing"),
                       metadata=[("x-skillfolio-principal", _token(keys))])
    body = requests.get(f"http://127.0.0.1:{running[0].metrics.port}/metrics", timeout=5).text
    assert 'skillfolio_rpc_requests_total{code="OK",method="RosterService/Authenticate",service="echo"}' in body
    assert 'skillfolio_rpc_requests_total{code="NOT_FOUND",method="RosterService/GetPerson",service="echo"}' in body
    assert 'skillfolio_rpc_latency_seconds_count{method="RosterService/GetPerson",service="echo"}' in body


def test_a_server_without_a_public_key_refuses_to_start():
    from chassis.grpc.principal import KeyConfigurationError
    _, kwargs = start_echo_server("")
    with pytest.raises(KeyConfigurationError, match="SKILLFOLIO_PRINCIPAL_PUBLIC_KEY"):
        grpc_server.start(**kwargs)


if __name__ == "__main__":   # used by test_grpc_shutdown.py: serve until SIGTERM; argv: port, public key path, grace
    configure_logging("echo")
    _, kwargs = start_echo_server(sys.argv[2], port=int(sys.argv[1]), grace=float(sys.argv[3]))
    grpc_server.serve(**kwargs, on_stop=lambda: print("on_stop called", flush=True))
