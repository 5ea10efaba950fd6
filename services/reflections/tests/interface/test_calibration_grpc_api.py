"""The CalibrationService over a real channel on the reflections API server: registered with health, principals
required, de-identified replies (no student, no artifact; levels hidden while a rater scores blind), field problems
and the figures after both raters submit."""
from __future__ import annotations

import grpc
import pytest
from assessments_fixtures import COMM, catalog  # noqa: F401  (fixture)
from grpc_health.v1 import health_pb2, health_pb2_grpc
from reflections_fixtures import ANA, ART, BEN, BEN_ART, CRUZ, DEE, DIAZ, EVE, IVES

from chassis.config import service_settings
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from reflections.entrypoints import calibration_grpc, grpc_api
from skillfolio.reflections.v1 import calibration_pb2 as pb
from skillfolio.reflections.v1 import calibration_pb2_grpc

pytestmark = [pytest.mark.integration, pytest.mark.own_database]
CAPTION = "A persuasive letter with three cited sources."


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stubs(app, catalog, reflections_db, keys):
    settings = service_settings("reflections", database_url=reflections_db, grpc_port=0, grpc_max_workers=4)
    both = lambda channel: (calibration_pb2_grpc.CalibrationServiceStub(channel),  # noqa: E731
                            health_pb2_grpc.HealthStub(channel))
    with serving(grpc_api.start, settings, app, keys[1], both) as pair:
        yield pair


def refused(call) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        call()
    return caught.value


def test_exemplars_then_a_blind_session_over_grpc(stubs, keys):
    stub, health = stubs
    assert health.Check(health_pb2.HealthCheckRequest(service=calibration_grpc.SERVICE_FULL_NAME)).status == \
        health_pb2.HealthCheckResponse.SERVING
    assert refused(lambda: stub.ListExemplars(pb.ListExemplarsRequest(skill_id=COMM))).code() == \
        grpc.StatusCode.UNAUTHENTICATED
    cruz, diaz, ives = (signed_as(keys[0], who, "teacher") for who in (CRUZ, DIAZ, IVES))
    error = refused(lambda: stub.NominateExemplar(pb.NominateExemplarRequest(
        artifact_id=ART, skill_id=COMM, level_rank=7, caption=CAPTION), metadata=cruz))
    assert [p.field for p in field_problems(error)] == ["level_rank"]
    ids = []
    for artifact, student, consenter, role in ((ART, ANA, EVE, "guardian"), (BEN_ART, BEN, BEN, "student")):
        made = stub.NominateExemplar(pb.NominateExemplarRequest(artifact_id=artifact, skill_id=COMM, level_rank=3,
                                                                caption=CAPTION), metadata=cruz).nomination
        given = stub.ConsentExemplar(pb.ConsentExemplarRequest(exemplar_id=made.exemplar.id, choice="give"),
                                     metadata=signed_as(keys[0], consenter, role)).nomination
        assert (given.status, given.consent_by, given.consent_role) == ("active", consenter, role)
        ids.append(made.exemplar.id)
    listed = stub.ListExemplars(pb.ListExemplarsRequest(skill_id=COMM), metadata=ives).exemplars
    assert sorted(e.id for e in listed) == sorted(ids) and {e.level_name for e in listed} == {"Proficient"}
    assert not any(ANA in str(e) or ART in str(e) for e in listed)          # de-identified
    session = stub.CreateCalibrationSession(pb.CreateCalibrationSessionRequest(
        title="Letters", skill_id=COMM, exemplar_ids=ids, rater_ids=[CRUZ, DIAZ]), metadata=ives).session
    blind = stub.GetCalibrationSession(pb.GetCalibrationSessionRequest(session_id=session.id), metadata=diaz)
    assert (blind.viewer_can.score, blind.viewer_can.see_results, list(blind.results)) == (True, False, [])
    assert {i.level_rank for i in blind.items} == {0}                        # the nominated level stays hidden
    for who, evidence in ((cruz, 3), (diaz, 1)):
        scores = [pb.CalibrationScore(exemplar_id=i, criterion_code=c, level_rank=evidence if c == "evidence" else 2)
                  for i in ids for c in ("clarity", "evidence")]
        view = stub.SubmitCalibrationScores(pb.SubmitCalibrationScoresRequest(session_id=session.id, scores=scores),
                                            metadata=who).view
    clarity, evidence = view.results
    assert (clarity.exact, clarity.adjacent, evidence.exact, evidence.adjacent) == (1.0, 1.0, 0.0, 0.0)
    assert [d.spread for d in evidence.divergent] == [2, 2]
    tracked = stub.ListCalibrationSessions(pb.ListCalibrationSessionsRequest(),
                                           metadata=signed_as(keys[0], DEE, "district_admin")).sessions
    assert [(s.id, list(s.submitted_rater_ids), s.has_alpha) for s in tracked] == [(session.id, [CRUZ, DIAZ], True)]
    assert refused(lambda: stub.GetCalibrationSession(pb.GetCalibrationSessionRequest(session_id=session.id),
                                                      metadata=signed_as(keys[0], DEE, "district_admin"))).code() \
        == grpc.StatusCode.PERMISSION_DENIED
