"""DomainErrors survive the hop: each type maps to its status and back to the same type; huge problem lists fit."""
from __future__ import annotations

import grpc
import pytest
from test_grpc_server import _token, keys, running, stub  # noqa: F401 - fixtures

from chassis import errors
from chassis.grpc.errors import rpc_error_to_domain
from skillfolio.roster.v1 import roster_pb2


def _fail(stub, keys, person_id: str) -> grpc.RpcError:  # noqa: F811
    with pytest.raises(grpc.RpcError) as caught:
        stub.GetPerson(roster_pb2.GetPersonRequest(person_id=person_id),
                       metadata=[("x-skillfolio-principal", _token(keys))])
    return caught.value


@pytest.mark.parametrize("error_type", [errors.InvalidArgument, errors.NotFound, errors.AlreadyExists,
                                        errors.Conflict, errors.PermissionDenied, errors.Unauthenticated])
def test_each_domain_error_round_trips_to_the_same_type(stub, keys, error_type):  # noqa: F811
    failure = _fail(stub, keys, f"raise:{error_type.__name__}:2")
    assert failure.code().name == error_type.code
    mapped = rpc_error_to_domain(failure)
    assert type(mapped) is error_type
    assert mapped.message == f"{error_type.__name__} raised"
    assert [p.field for p in mapped.problems] == ["people.csv:0:3", "people.csv:1:3"]


def test_thousands_of_problems_are_cut_to_fit_the_trailing_metadata_limit(stub, keys):  # noqa: F811
    # Uncut, 2000 violations are ~120 KB of trailing metadata: the client would get RESOURCE_EXHAUSTED instead.
    failure = _fail(stub, keys, "raise:InvalidArgument:2000")
    assert failure.code() == grpc.StatusCode.INVALID_ARGUMENT
    mapped = rpc_error_to_domain(failure)
    assert 50 <= len(mapped.problems) < 2000
    assert f"(first {len(mapped.problems)} of 2000 problems listed)" in mapped.message
    assert mapped.problems[0] == errors.FieldProblem("people.csv:0:3", "grade_level 'K9' is not a OneRoster grade")
