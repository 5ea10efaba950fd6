"""AmendmentsService and DisclosuresService over a real channel on the reflections API server: both registered
(health answers for them), principals required, an amendment's three steps with the statement of disagreement in
the discussion's Feedback message, field problems as INVALID_ARGUMENT, and the record of disclosures read as Ana."""
from __future__ import annotations

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from reflections_fixtures import ANA, ART, CRUZ, EVE

from chassis import disclosures
from chassis.config import service_settings
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from reflections.entrypoints import amendments_grpc, grpc_api
from skillfolio.disclosures.v1 import disclosures_pb2 as dpb
from skillfolio.disclosures.v1 import disclosures_pb2_grpc
from skillfolio.reflections.v1 import amendments_pb2 as pb
from skillfolio.reflections.v1 import amendments_pb2_grpc, reflections_pb2, reflections_pb2_grpc

pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stubs(app, world, reflections_db, keys):
    settings = service_settings("reflections", database_url=reflections_db, grpc_port=0, grpc_max_workers=4)
    every = lambda channel: (amendments_pb2_grpc.AmendmentsServiceStub(channel),  # noqa: E731
                             reflections_pb2_grpc.ReflectionsServiceStub(channel),
                             disclosures_pb2_grpc.DisclosuresServiceStub(channel), health_pb2_grpc.HealthStub(channel))
    with serving(grpc_api.start, settings, app, keys[1], every) as found:
        yield found


def test_an_amendment_refused_and_disagreed_over_grpc(stubs, keys):
    amend, talk, disclosed, health = stubs
    for name in (amendments_grpc.SERVICE_FULL_NAME, disclosures.SERVICE_FULL_NAME):
        assert health.Check(health_pb2.HealthCheckRequest(service=name)).status == \
            health_pb2.HealthCheckResponse.SERVING
    with pytest.raises(grpc.RpcError) as anonymous:
        amend.ListAmendments(pb.ListAmendmentsRequest(student_id=ANA))
    assert anonymous.value.code() == grpc.StatusCode.UNAUTHENTICATED
    student, teacher, guardian = (signed_as(keys[0], ANA, "student"), signed_as(keys[0], CRUZ, "teacher"),
                                  signed_as(keys[0], EVE, "guardian"))
    given = talk.GiveFeedback(reflections_pb2.GiveFeedbackRequest(artifact_id=ART, can_do="Clear.", next_steps="None."),
                              metadata=teacher).feedback
    with pytest.raises(grpc.RpcError) as blank:
        amend.RequestAmendment(pb.RequestAmendmentRequest(record_type="feedback", record_id=given.id, reason=" "),
                               metadata=guardian)
    assert blank.value.code() == grpc.StatusCode.INVALID_ARGUMENT and field_problems(blank.value)[0].field == "reason"
    asked = amend.RequestAmendment(pb.RequestAmendmentRequest(record_type="feedback", record_id=given.id,
                                                              reason="She cited sources."), metadata=guardian).amendment
    [listed] = amend.ListAmendments(pb.ListAmendmentsRequest(student_id=ANA), metadata=teacher).amendments
    assert (listed.id, listed.viewer_can.decide, listed.viewer_can.disagree) == (asked.id, True, False)
    amend.DecideAmendment(pb.DecideAmendmentRequest(amendment_id=asked.id, outcome="refused", reason="None shown."),
                          metadata=teacher)
    stated = amend.AttachDisagreement(pb.AttachDisagreementRequest(amendment_id=asked.id, statement="They are."),
                                      metadata=guardian).amendment
    assert (stated.status, stated.disagreement) == ("refused", "They are.")
    [feedback] = talk.GetDiscussion(reflections_pb2.GetDiscussionRequest(artifact_id=ART), metadata=student).feedback
    assert list(feedback.disagreements) == ["They are."] and not feedback.amended
    rows = disclosed.ListDisclosures(dpb.ListDisclosuresRequest(student_id=ANA), metadata=student).disclosures
    assert [r.action for r in rows][:3] == ["reflections.AttachDisagreement", "reflections.DecideAmendment",
                                            "reflections.ListAmendments"]
    with pytest.raises(grpc.RpcError) as teacher_reads:
        disclosed.ListDisclosures(dpb.ListDisclosuresRequest(student_id=ANA), metadata=teacher)
    assert teacher_reads.value.code() == grpc.StatusCode.PERMISSION_DENIED
