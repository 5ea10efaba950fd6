"""The gradebook's evidence counts on PostgreSQL, through the real gRPC API: the access matrix of the new action
(only a teacher who teaches the section now; statuses over the wire), the window query's counts and newest artifact
per student and skill within a term (deleted work left out), and one audit row per read naming every student."""
from __future__ import annotations

import json

import grpc
import pytest
from artifacts_fixtures import (
    GUARDIAN_ID,
    OLD_TEACHER_ID,
    OTHER_STUDENT_ID,
    STUDENT,
    STUDENT_ID,
    TEACHER,
    TEACHER_ID,
    enrollment,
    link,
)

from artifacts.entrypoints import grpc_api
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.config import service_settings
from chassis.grpc.principal import generate_keypair
from chassis.messaging.subscriptions import consume
from chassis.testing.grpc_api import serving, signed_as
from skillfolio.artifacts.v1 import gradebook_pb2 as pb
from skillfolio.artifacts.v1 import gradebook_pb2_grpc

pytestmark = [pytest.mark.integration, pytest.mark.own_database]

MATRIX = [  # (subject, roles, section, expected status)
    (TEACHER_ID, ("teacher",), "sec-26", grpc.StatusCode.OK),
    (OLD_TEACHER_ID, ("teacher",), "sec-26", grpc.StatusCode.PERMISSION_DENIED),     # never taught this one
    (OLD_TEACHER_ID, ("teacher",), "sec-25", grpc.StatusCode.PERMISSION_DENIED),     # taught it last year
    (STUDENT_ID, ("student",), "sec-26", grpc.StatusCode.PERMISSION_DENIED),
    (GUARDIAN_ID, ("guardian",), "sec-26", grpc.StatusCode.PERMISSION_DENIED),
    ("adm-fay", ("school_admin",), "sec-26", grpc.StatusCode.PERMISSION_DENIED),
    (TEACHER_ID, ("teacher", "district_admin"), "sec-26", grpc.StatusCode.PERMISSION_DENIED),
    ("service:reporting", ("service",), "sec-26", grpc.StatusCode.PERMISSION_DENIED),
    ("guest:inv-1", ("panel_guest",), "sec-26", grpc.StatusCode.PERMISSION_DENIED),
]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stub(app, world, artifacts_db, keys):
    consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS,
            enrollment("e9", "sec-26", OTHER_STUDENT_ID, "student"), "test.enrollment_added")
    settings = service_settings("artifacts", database_url=artifacts_db, grpc_port=0, grpc_max_workers=4)
    with serving(grpc_api.start, settings, app, keys[1], gradebook_pb2_grpc.GradebookServiceStub) as stub:
        yield stub


@pytest.mark.parametrize("subject, roles, section, expected", MATRIX,
                         ids=[f"{s}-{'+'.join(r)}-{sec}" for s, r, sec, _ in MATRIX])
def test_access_matrix(stub, keys, tables, subject, roles, section, expected):
    mark = tables.mark()
    try:
        stub.GetEvidenceCounts(pb.GetEvidenceCountsRequest(section_id=section), metadata=signed_as(keys[0], subject,
                                                                                                      *roles))
        status = grpc.StatusCode.OK
    except grpc.RpcError as error:
        status = error.code()
    assert status == expected
    audit = tables.audit_since(mark)
    assert [(r.actor, r.action) for r in audit] == ([(subject, "artifacts.GetEvidenceCounts")]
                                                    if expected == grpc.StatusCode.OK else [])


def test_counts_and_newest_evidence_within_the_term(app, stub, keys, tables):
    essay = app.commands.create(TEACHER, link("Essay", ("sk-comm", "sk-think"))).artifact
    speech = app.commands.create(STUDENT, link("Speech", ("sk-comm",))).artifact
    gone = app.commands.create(STUDENT, link("Draft", ("sk-collab",))).artifact
    app.commands.delete(STUDENT, gone.id)
    mark = tables.mark()
    reply = stub.GetEvidenceCounts(pb.GetEvidenceCountsRequest(section_id="sec-26", from_date="2026-11-01",
                                                               to_date="2026-11-30"),
                                   metadata=signed_as(keys[0], TEACHER_ID, "teacher"))
    assert list(reply.student_ids) == sorted([STUDENT_ID, OTHER_STUDENT_ID])
    assert [(c.student_id, c.skill_id, c.count, c.latest_artifact_id, c.latest_title) for c in reply.cells] == [
        (STUDENT_ID, "sk-comm", 2, speech.id, "Speech"), (STUDENT_ID, "sk-think", 1, essay.id, "Essay")]
    [row] = tables.audit_since(mark)
    assert set(json.loads(row.subject_ids)) == {STUDENT_ID, OTHER_STUDENT_ID}
    assert json.loads(row.detail) == {"section_id": "sec-26", "from_date": "2026-11-01", "to_date": "2026-11-30"}
    later = stub.GetEvidenceCounts(pb.GetEvidenceCountsRequest(section_id="sec-26", from_date="2026-12-01"),
                                   metadata=signed_as(keys[0], TEACHER_ID, "teacher"))
    assert list(later.cells) == [] and len(later.student_ids) == 2


def test_a_bad_date_is_invalid_naming_the_field(stub, keys):
    with pytest.raises(grpc.RpcError) as caught:
        stub.GetEvidenceCounts(pb.GetEvidenceCountsRequest(section_id="sec-26", to_date="30/11/2026"),
                               metadata=signed_as(keys[0], TEACHER_ID, "teacher"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "to_date" in caught.value.details()
