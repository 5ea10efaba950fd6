"""Audio/video reflections and prompt changes over the reflections gRPC API on a real channel, with moto S3: an
upload target in the reply, the browser's POST to the store, CompleteReflectionUpload, then the check the events
role runs, and GetDiscussion's signed media URL."""
from __future__ import annotations

import grpc
import pytest
import requests
from reflections_fixtures import ANA, ART, DEE, EVE, world_events

from chassis.config import service_settings
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair
from chassis.messaging.subscriptions import ConsumerUnits, consume
from chassis.testing.grpc_api import serving, signed_as
from chassis.testing.media import mp4, post_form, s3_platform
from reflections.bootstrap import build
from reflections.entrypoints import grpc_api
from reflections.service_layer import subscriptions as reflections_subscriptions
from reflections.service_layer.media_checks import check_uploaded_recording
from skillfolio.reflections.v1 import reflections_pb2 as pb
from skillfolio.reflections.v1 import reflections_pb2_grpc

# own_database: the gRPC server answers on its own thread pool, each thread with its own pooled connection
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def s3_app(reflections_db, clock, s3_endpoint):
    app = build(service_settings("reflections", database_url=reflections_db, db_pool_size=2), clock=clock,
                platform=s3_platform(s3_endpoint))
    for envelope in world_events():
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
    yield app
    app.close()


@pytest.fixture
def stub(s3_app, reflections_db, keys):
    settings = service_settings("reflections", database_url=reflections_db, grpc_port=0, grpc_max_workers=4)
    with serving(grpc_api.start, settings, s3_app, keys[1], reflections_pb2_grpc.ReflectionsServiceStub) as stub:
        yield stub


def test_a_video_reflection_round_trip(stub, s3_app, tables, keys):
    student, guardian = signed_as(keys[0], ANA, "student"), signed_as(keys[0], EVE, "guardian")
    body = mp4(30_000)
    media = pb.MediaFile(kind="video", file_name="my talk.mp4", content_type="video/mp4", size_bytes=len(body))
    reply = stub.AddReflection(pb.AddReflectionRequest(artifact_id=ART, text="A short talk", media=media),
                               metadata=student)
    [revision] = reply.reflection.revisions
    assert (revision.kind, revision.media_status, revision.file_name, revision.size_bytes) == (
        "video", "processing", "my talk.mp4", len(body))
    assert reply.upload.method == "POST" and reply.upload.max_bytes == len(body)      # the declared size
    post_form(reply.upload, body)
    done = stub.CompleteReflectionUpload(pb.CompleteReflectionUploadRequest(
        reflection_id=reply.reflection.id, revision=1), metadata=student).reflection
    assert done.revisions[0].media_status == "processing"

    [uploaded] = [e for e in tables.envelopes() if e.type == "reflection_media_uploaded"]
    assert check_uploaded_recording(ConsumerUnits(s3_app.unit_of_work, "test.media"), uploaded, s3_app.media,
                                    s3_app.calendar.clock) == "ready"
    [seen] = stub.GetDiscussion(pb.GetDiscussionRequest(artifact_id=ART), metadata=guardian).reflections
    assert (seen.revisions[0].media_status, seen.revisions[0].content_type) == ("ready", "video/mp4")
    assert requests.get(seen.revisions[0].media_url, timeout=30).content == body


def test_a_bad_file_is_refused_by_field_and_prompts_are_reworded_and_retired(stub, keys):
    student, admin = signed_as(keys[0], ANA, "student"), signed_as(keys[0], DEE, "district_admin")
    with pytest.raises(grpc.RpcError) as caught:
        stub.AddReflection(pb.AddReflectionRequest(artifact_id=ART, media=pb.MediaFile(
            kind="audio", file_name="a.mp3", content_type="audio/mpeg", size_bytes=0)), metadata=student)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [p.field for p in field_problems(caught.value)] == ["media.size_bytes"]

    prompt = stub.DefinePrompt(pb.DefinePromptRequest(text="What surprised me?"), metadata=admin).prompt
    reworded = stub.UpdatePrompt(pb.UpdatePromptRequest(prompt_id=prompt.id, text="What surprised you?"),
                                 metadata=admin).prompt
    assert (reworded.text, reworded.retired) == ("What surprised you?", False)
    added = stub.AddReflection(pb.AddReflectionRequest(artifact_id=ART, text="The lava.", prompt_id=prompt.id),
                               metadata=student).reflection
    assert added.prompt_text == "What surprised you?"
    retired = stub.RetirePrompt(pb.RetirePromptRequest(prompt_id=prompt.id), metadata=admin).prompt
    assert retired.retired
    assert list(stub.ListPrompts(pb.ListPromptsRequest(), metadata=student).prompts) == []
    with pytest.raises(grpc.RpcError) as denied:
        stub.RetirePrompt(pb.RetirePromptRequest(prompt_id=prompt.id), metadata=student)
    assert denied.value.code() == grpc.StatusCode.PERMISSION_DENIED
