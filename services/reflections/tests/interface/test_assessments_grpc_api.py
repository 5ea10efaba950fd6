"""The AssessmentsService over a real channel on the reflections API server: registered beside ReflectionsService
(health answers for it), principals required, statuses and field problems, and the side-by-side and growth replies."""
from __future__ import annotations

import datetime as dt

import grpc
import pytest
from assessments_fixtures import COMM, catalog  # noqa: F401  (fixture)
from grpc_health.v1 import health_pb2, health_pb2_grpc
from reflections_fixtures import ANA, ART, CRUZ, EVE, GUS

from chassis.config import service_settings
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from reflections.entrypoints import assessments_grpc, grpc_api
from skillfolio.reflections.v1 import assessments_pb2 as pb
from skillfolio.reflections.v1 import assessments_pb2_grpc

# own_database: the gRPC server answers on its own thread pool, each thread with its own pooled connection
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stubs(app, catalog, reflections_db, keys):
    """(AssessmentsService stub, health stub) on one channel to the reflections API server."""
    settings = service_settings("reflections", database_url=reflections_db, grpc_port=0, grpc_max_workers=4)
    both = lambda channel: (assessments_pb2_grpc.AssessmentsServiceStub(channel),  # noqa: E731
                            health_pb2_grpc.HealthStub(channel))
    with serving(grpc_api.start, settings, app, keys[1], both) as pair:
        yield pair


@pytest.fixture
def stub(stubs):
    return stubs[0]


def refused(call) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        call()
    return caught.value


def test_served_with_health_and_a_principal_required(stubs):
    stub, health = stubs
    reply = health.Check(health_pb2.HealthCheckRequest(service=assessments_grpc.SERVICE_FULL_NAME))
    assert reply.status == health_pb2.HealthCheckResponse.SERVING
    assert refused(lambda: stub.GetGrowth(pb.GetGrowthRequest(student_id=ANA))).code() == \
        grpc.StatusCode.UNAUTHENTICATED


def test_assess_and_self_assess_side_by_side_then_growth(stub, keys):
    student, teacher = signed_as(keys[0], ANA, "student"), signed_as(keys[0], CRUZ, "teacher")
    instrument = stub.GetInstrument(pb.GetInstrumentRequest(artifact_id=ART, skill_id=COMM), metadata=teacher)
    assert [(l.rank, l.name) for l in instrument.instrument.levels][-1] == (4, "Exemplary")
    assert [list(c.descriptors) for c in instrument.instrument.criteria][0][0] == "clear Beginning"
    stub.SelfAssess(pb.SelfAssessRequest(artifact_id=ART, skill_id=COMM, level_rank=2), metadata=student)
    stub.Assess(pb.AssessRequest(artifact_id=ART, skill_id=COMM, level_rank=3, comment="Clear claim.",
                                 criterion_levels=[pb.CriterionLevel(criterion_code="clarity", level_rank=3)]),
                metadata=teacher)
    listed = stub.ListAssessments(pb.ListAssessmentsRequest(artifact_id=ART),
                                  metadata=signed_as(keys[0], EVE, "guardian"))
    comm = next(s for s in listed.skills if s.skill_id == COMM)
    assert [a.level_name for a in comm.teacher_assessments] == ["Proficient"]
    assert [a.level_name for a in comm.self_assessments] == ["Developing"]
    growth = stub.GetGrowth(pb.GetGrowthRequest(student_id=ANA), metadata=teacher)
    year = next(y for s in growth.skills if s.skill_id == COMM for y in s.years if y.points.level_rank)
    points = year.points                                        # columns, oldest first
    assert list(zip(points.level_rank, points.level_name, points.assessor_role, points.max_rank, points.artifact_id)) \
        == [(2, "Developing", "student", 4, ART), (3, "Proficient", "teacher", 4, ART)]
    moments = {a.assessor_role: a.assessed_at for a in [*comm.teacher_assessments, *comm.self_assessments]}
    assert [assessments_grpc.epoch_us(dt.datetime.fromisoformat(moments[role])) for role in points.assessor_role] \
        == list(points.assessed_at_us)


def test_refusals_and_field_problems(stub, keys):
    error = refused(lambda: stub.GetGrowth(pb.GetGrowthRequest(student_id=ANA),
                                           metadata=signed_as(keys[0], GUS, "guardian")))
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED
    error = refused(lambda: stub.Assess(pb.AssessRequest(artifact_id=ART, skill_id=COMM, level_rank=7,
                                                         comment="Clear."),
                                        metadata=signed_as(keys[0], CRUZ, "teacher")))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [(p.field, p.reason) for p in field_problems(error)] == [
        ("level_rank", "7 is not a level of scale 'Four levels' (1-4)")]
