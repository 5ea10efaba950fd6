"""The reflections gRPC API over a real channel on the chassis server: principals, statuses, field problems and
the discussion of an artifact as the student, the teacher and the guardian build it."""
from __future__ import annotations

import grpc
import pytest
from reflections_fixtures import ANA, ART, CRUZ, DEE, EVE, GUS

from chassis.config import service_settings
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from reflections.entrypoints import grpc_api
from skillfolio.reflections.v1 import reflections_pb2 as pb
from skillfolio.reflections.v1 import reflections_pb2_grpc

# own_database: the gRPC server answers on its own thread pool, each thread with its own pooled connection
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stub(app, world, reflections_db, keys):
    settings = service_settings("reflections", database_url=reflections_db, grpc_port=0, grpc_max_workers=4)
    with serving(grpc_api.start, settings, app, keys[1], reflections_pb2_grpc.ReflectionsServiceStub) as stub:
        yield stub


def refused(call) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        call()
    return caught.value


def test_unauthenticated_without_a_principal(stub):
    assert refused(lambda: stub.GetDiscussion(pb.GetDiscussionRequest(artifact_id=ART))).code() == \
        grpc.StatusCode.UNAUTHENTICATED


def test_the_three_way_discussion(stub, keys):
    student, teacher = signed_as(keys[0], ANA, "student"), signed_as(keys[0], CRUZ, "teacher")
    guardian = signed_as(keys[0], EVE, "guardian")
    prompt = stub.DefinePrompt(pb.DefinePromptRequest(text="What evidence shows I reached my goal?"),
                               metadata=signed_as(keys[0], DEE, "district_admin")).prompt
    offered = stub.ListPrompts(pb.ListPromptsRequest(), metadata=student)
    assert ([p.text for p in offered.prompts], offered.viewer_can.manage) == ([prompt.text], False)
    assert stub.ListPrompts(pb.ListPromptsRequest(), metadata=signed_as(keys[0], DEE, "district_admin")) \
        .viewer_can.manage
    added = stub.AddReflection(pb.AddReflectionRequest(artifact_id=ART, text="My poster shows it.",
                                                       prompt_id=prompt.id), metadata=student).reflection
    stub.EditReflection(pb.EditReflectionRequest(reflection_id=added.id, text="My poster and my notes show it."),
                        metadata=student)
    stub.GiveFeedback(pb.GiveFeedbackRequest(artifact_id=ART, can_do="You can cite evidence.",
                                             next_steps="Compare two sources."), metadata=teacher)
    rude = stub.AddComment(pb.AddCommentRequest(artifact_id=ART, body="Off-topic remark"), metadata=guardian).comment
    stub.AddComment(pb.AddCommentRequest(artifact_id=ART, body="Well done, Ana."), metadata=teacher)
    hidden = stub.HideComment(pb.HideCommentRequest(comment_id=rude.id), metadata=teacher).comment
    assert (hidden.hidden, hidden.body) == (True, "")

    found = stub.GetDiscussion(pb.GetDiscussionRequest(artifact_id=ART), metadata=guardian)
    [reflection] = found.reflections
    assert [r.text for r in reflection.revisions] == ["My poster shows it.", "My poster and my notes show it."]
    assert reflection.prompt_id == prompt.id
    assert [(f.can_do, f.next_steps) for f in found.feedback] == [("You can cite evidence.", "Compare two sources.")]
    assert [(c.author_role, c.body, c.hidden) for c in found.comments] == [("guardian", "", True),
                                                                          ("teacher", "Well done, Ana.", False)]


def test_refusals_and_field_problems(stub, keys):
    other_guardian = signed_as(keys[0], GUS, "guardian")
    error = refused(lambda: stub.AddComment(pb.AddCommentRequest(artifact_id=ART, body="Hi"),
                                            metadata=other_guardian))
    assert (error.code(), error.details()) == (grpc.StatusCode.PERMISSION_DENIED,
                                               "not allowed to discuss this student's artifacts")
    error = refused(lambda: stub.GiveFeedback(pb.GiveFeedbackRequest(artifact_id=ART), metadata=signed_as(
        keys[0], CRUZ, "teacher")))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [p.field for p in field_problems(error)] == ["can_do", "next_steps"]
