"""The gradebook's latest levels on PostgreSQL, through the real gRPC API on the reflections server: the access
matrix of the new action (only a teacher who teaches the section now; statuses over the wire, one audit row per
answer, none per refusal), the window query's latest teacher level per student and skill up to the term's end, a
deleted artifact's level left out, and health answering for the new service."""
from __future__ import annotations

import json

import grpc
import pytest
from assessments_fixtures import COMM, INNOV, catalog  # noqa: F401  (fixture)
from grpc_health.v1 import health_pb2, health_pb2_grpc
from reflections_fixtures import ANA, ART, BEN, BEN_ART, CRUZ, DIAZ, EVE, STUDENT, TEACHER, artifact

from chassis.config import service_settings
from chassis.grpc.principal import generate_keypair
from chassis.messaging.subscriptions import consume
from chassis.testing.grpc_api import serving, signed_as
from reflections.entrypoints import gradebook_grpc, grpc_api
from reflections.service_layer import subscriptions as reflections_subscriptions
from skillfolio.reflections.v1 import gradebook_pb2 as pb
from skillfolio.reflections.v1 import gradebook_pb2_grpc

pytestmark = [pytest.mark.integration, pytest.mark.own_database]

OK, DENIED = grpc.StatusCode.OK, grpc.StatusCode.PERMISSION_DENIED
MATRIX = [  # (subject, roles, section, expected status)
    (CRUZ, ("teacher",), "sec-26", OK),
    (DIAZ, ("teacher",), "sec-26", DENIED), (DIAZ, ("teacher",), "sec-25", DENIED),
    ("tch-ives", ("teacher",), "sec-26", DENIED),
    (ANA, ("student",), "sec-26", DENIED), (EVE, ("guardian",), "sec-26", DENIED),
    ("adm-fay", ("school_admin",), "sec-26", DENIED), (CRUZ, ("teacher", "district_admin"), "sec-26", DENIED),
    ("service:reporting", ("service",), "sec-26", DENIED), ("guest:inv-1", ("panel_guest",), "sec-26", DENIED),
]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stubs(app, catalog, reflections_db, keys):
    settings = service_settings("reflections", database_url=reflections_db, grpc_port=0, grpc_max_workers=4)
    both = lambda channel: (gradebook_pb2_grpc.GradebookServiceStub(channel),  # noqa: E731
                            health_pb2_grpc.HealthStub(channel))
    with serving(grpc_api.start, settings, app, keys[1], both) as pair:
        yield pair


def call(stubs, keys, subject, *roles, **fields):
    return stubs[0].GetLatestLevels(pb.GetLatestLevelsRequest(**fields), metadata=signed_as(keys[0], subject, *roles))


@pytest.mark.parametrize("subject, roles, section, expected", MATRIX,
                         ids=[f"{s}-{'+'.join(r)}-{sec}" for s, r, sec, _ in MATRIX])
def test_access_matrix(stubs, keys, tables, subject, roles, section, expected):
    mark = tables.mark()
    try:
        call(stubs, keys, subject, *roles, section_id=section)
        status = OK
    except grpc.RpcError as error:
        status = error.code()
    assert status == expected
    assert [(r.actor, r.action) for r in tables.audit_since(mark)] == (
        [(subject, "reflections.GetLatestLevels")] if expected == OK else [])


def test_latest_teacher_levels_up_to_the_term_end(app, stubs, keys, tables):
    assert stubs[1].Check(health_pb2.HealthCheckRequest(service=gradebook_grpc.SERVICE_FULL_NAME)).status == \
        health_pb2.HealthCheckResponse.SERVING
    app.assessments.assess(TEACHER, ART, COMM, 1, "A start.", [])
    app.assessments.assess(TEACHER, ART, COMM, 3, "Clear and well paced.", [])
    app.assessments.self_assess(STUDENT, ART, COMM, 4, "", [])
    app.assessments.assess(TEACHER, ART, INNOV, 2, "New ideas.", [])
    app.assessments.assess(TEACHER, BEN_ART, COMM, 2, "Good points.", [])
    consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
            artifact(BEN_ART, BEN, BEN, type_="artifact_deleted", at="2026-11-20T00:00:00+00:00"), "test.deleted")
    mark = tables.mark()
    reply = call(stubs, keys, CRUZ, "teacher", section_id="sec-26", from_date="2026-11-01", to_date="2026-11-30")
    assert list(reply.student_ids) == sorted([ANA, BEN])
    assert [(x.student_id, x.skill_id, x.level_rank, x.level_name, x.max_rank, x.in_range) for x in reply.levels] == [
        (ANA, COMM, 3, "Proficient", 4, True), (ANA, INNOV, 2, "Developing", 4, True)]   # Ben's work was deleted
    [row] = tables.audit_since(mark)
    assert set(json.loads(row.subject_ids)) == {ANA, BEN} and json.loads(row.detail)["section_id"] == "sec-26"
    later = call(stubs, keys, CRUZ, "teacher", section_id="sec-26", from_date="2026-12-01", to_date="2026-12-31")
    assert [(x.level_rank, x.in_range) for x in later.levels] == [(3, False), (2, False)]
    earlier = call(stubs, keys, CRUZ, "teacher", section_id="sec-26", from_date="2026-10-01", to_date="2026-10-31")
    assert list(earlier.levels) == []


def test_a_bad_date_is_invalid_naming_the_field(stubs, keys):
    with pytest.raises(grpc.RpcError) as caught:
        call(stubs, keys, CRUZ, "teacher", section_id="sec-26", from_date="yesterday")
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "from_date" in caught.value.details()
