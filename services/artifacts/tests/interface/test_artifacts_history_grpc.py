"""ImportedHistoryService over a real channel: a privacy officer imports another district's artifact (a file: an
upload target, then CompleteImportedUpload), the student's GetArtifact and ListPortfolio show it with its origin and
viewer_can.change false, an edit is refused (FAILED_PRECONDITION, read-only), and a student cannot import."""
from __future__ import annotations

from types import SimpleNamespace

import grpc
import pytest
from artifacts_fixtures import STUDENT_ID

from artifacts.entrypoints import grpc_api
from chassis.config import PlatformSettings, service_settings
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import signed_as
from chassis.testing.media import send
from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.artifacts.v1 import artifacts_pb2_grpc, history_pb2_grpc
from skillfolio.artifacts.v1 import history_pb2 as pb

pytestmark = [pytest.mark.integration, pytest.mark.own_database]
PDF = b"%PDF-1.7\n" + b"0" * 2000


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stubs(app, world, artifacts_db, keys):
    settings = service_settings("artifacts", database_url=artifacts_db, grpc_port=0, grpc_max_workers=4)
    handle = grpc_api.start(settings, app, platform=PlatformSettings(principal_public_key=keys[1]), metrics=False)
    channel = grpc.insecure_channel(f"127.0.0.1:{handle.port}")
    yield history_pb2_grpc.ImportedHistoryServiceStub(channel), artifacts_pb2_grpc.ArtifactsServiceStub(channel)
    channel.close()
    handle.stop(grace=1)


def request(**overrides) -> pb.ImportArtifactRequest:
    fields = dict(student_id=STUDENT_ID, title="Essay on rivers", kind="document", skill_ids=["sk-comm"],
                  created_at="2024-03-01T10:00:00+00:00", reason="records request 2026-31",
                  origin=apb.Origin(district_id="did:web:sender.example", district_name="Sender County",
                                    ref="a-sender-1", skill_labels=["Gardening (from Sender County)"]),
                  content=apb.VersionInput(file_name="essay.pdf", size_bytes=len(PDF),
                                           content_type="application/pdf"))
    return pb.ImportArtifactRequest(**{**fields, **overrides})


def test_imported_history_over_grpc_is_read_only_and_shows_its_origin(app, stubs, keys):
    history, artifacts = stubs
    officer, student = signed_as(keys[0], "po-pat", "privacy_officer"), signed_as(keys[0], STUDENT_ID, "student")
    made = history.ImportArtifact(request(), metadata=officer)
    assert made.artifact.origin.district_name == "Sender County" and made.HasField("upload")
    u = made.upload                       # the bytes go straight to the store, as any upload
    send(app.media.store, SimpleNamespace(method=u.method, url=u.url, part_urls=list(u.part_urls),
                                          part_size=u.part_size, fields=dict(u.fields)), PDF, "application/pdf")
    history.CompleteImportedUpload(pb.CompleteImportedUploadRequest(artifact_id=made.artifact.id), metadata=officer)
    seen = artifacts.GetArtifact(apb.GetArtifactRequest(artifact_id=made.artifact.id), metadata=student).artifact
    assert (seen.origin.ref, list(seen.origin.skill_labels)) == ("a-sender-1", ["Gardening (from Sender County)"])
    assert seen.viewer_can.change is False and seen.added_by_role == "imported"
    listed = artifacts.ListPortfolio(apb.ListPortfolioRequest(student_id=STUDENT_ID), metadata=student).artifacts
    assert [a.origin.district_id for a in listed] == ["did:web:sender.example"]
    with pytest.raises(grpc.RpcError) as refused:
        artifacts.UpdateArtifact(apb.UpdateArtifactRequest(artifact_id=made.artifact.id, title="mine",
                                                           update_fields=["title"]), metadata=student)
    assert "read-only" in refused.value.details()
    with pytest.raises(grpc.RpcError) as deleted:
        artifacts.DeleteArtifact(apb.DeleteArtifactRequest(artifact_id=made.artifact.id), metadata=student)
    assert "read-only" in deleted.value.details()
    with pytest.raises(grpc.RpcError) as denied:
        history.ImportArtifact(request(), metadata=student)
    assert denied.value.code() is grpc.StatusCode.PERMISSION_DENIED
