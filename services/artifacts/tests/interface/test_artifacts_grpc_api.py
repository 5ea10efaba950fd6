"""The artifacts gRPC API over a real channel on the chassis server: principals, statuses, field problems, paging."""
from __future__ import annotations

import grpc
import pytest
from artifacts_fixtures import GUARDIAN_ID, STUDENT_ID, TEACHER_ID

from artifacts.entrypoints import grpc_api
from chassis.config import service_settings
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from skillfolio.artifacts.v1 import artifacts_pb2 as pb
from skillfolio.artifacts.v1 import artifacts_pb2_grpc

# own_database: the gRPC server answers on its own thread pool, each thread with its own pooled connection
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stub(app, world, artifacts_db, keys):
    settings = service_settings("artifacts", database_url=artifacts_db, grpc_port=0, grpc_max_workers=4)
    with serving(grpc_api.start, settings, app, keys[1], artifacts_pb2_grpc.ArtifactsServiceStub) as stub:
        yield stub


def as_(keys, subject: str, *roles: str) -> list[tuple[str, str]]:
    return signed_as(keys[0], subject, *roles)


def link_request(**overrides) -> pb.CreateArtifactRequest:
    fields = dict(student_id=STUDENT_ID, title="Debate notes", kind="link", skill_ids=["sk-comm"],
                  content=pb.VersionInput(link_url="https://example.org/debate"))
    return pb.CreateArtifactRequest(**{**fields, **overrides})


def test_unauthenticated_without_a_principal(stub):
    with pytest.raises(grpc.RpcError) as caught:
        stub.ListPortfolio(pb.ListPortfolioRequest(student_id=STUDENT_ID))
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_admins_are_refused_reads_and_writes(stub, keys):
    admin = as_(keys, "adm-1", "district_admin")
    created = stub.CreateArtifact(link_request(), metadata=as_(keys, STUDENT_ID, "student")).artifact
    for call in (lambda: stub.GetArtifact(pb.GetArtifactRequest(artifact_id=created.id), metadata=admin),
                 lambda: stub.GetArtifact(pb.GetArtifactRequest(artifact_id="missing"), metadata=admin),
                 lambda: stub.ListPortfolio(pb.ListPortfolioRequest(student_id=STUDENT_ID), metadata=admin),
                 lambda: stub.CreateArtifact(link_request(), metadata=admin)):
        with pytest.raises(grpc.RpcError) as caught:
            call()
        assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
        assert caught.value.details() == "not allowed to access this student's artifacts"


def test_teacher_creates_updates_versions_and_the_guardian_pages(stub, keys):
    teacher, guardian = as_(keys, TEACHER_ID, "teacher"), as_(keys, GUARDIAN_ID, "guardian")
    first = stub.CreateArtifact(link_request(title="One"), metadata=teacher).artifact
    stub.CreateArtifact(link_request(title="Two"), metadata=teacher)
    assert (first.status, first.added_by_role, first.current_version) == ("ready", "teacher", 1)
    updated = stub.UpdateArtifact(pb.UpdateArtifactRequest(artifact_id=first.id, update_fields=["skill_ids"],
                                                           skill_ids=["sk-a", "sk-b"]), metadata=teacher).artifact
    assert (updated.title, list(updated.skill_ids)) == ("One", ["sk-a", "sk-b"])
    stub.AddVersion(pb.AddVersionRequest(artifact_id=first.id, content=pb.VersionInput(
        link_url="https://example.org/v2")), metadata=teacher)
    got = stub.GetArtifact(pb.GetArtifactRequest(artifact_id=first.id), metadata=guardian).artifact
    assert [v.link_url for v in got.versions] == ["https://example.org/v2", "https://example.org/debate"]
    page = stub.ListPortfolio(pb.ListPortfolioRequest(student_id=STUDENT_ID, page=pb.PageRequest(page_size=1)),
                              metadata=guardian)
    rest = stub.ListPortfolio(pb.ListPortfolioRequest(student_id=STUDENT_ID, page=pb.PageRequest(
        page_size=1, page_token=page.next_page_token)), metadata=guardian)
    assert [a.title for a in page.artifacts] + [a.title for a in rest.artifacts] == ["Two", "One"]
    stub.DeleteArtifact(pb.DeleteArtifactRequest(artifact_id=first.id), metadata=teacher)
    assert [a.title for a in stub.ListPortfolio(pb.ListPortfolioRequest(student_id=STUDENT_ID),
                                                metadata=teacher).artifacts] == ["Two"]


def test_bad_input_is_invalid_argument_naming_fields(stub, keys):
    with pytest.raises(grpc.RpcError) as caught:
        stub.CreateArtifact(link_request(title="", content=pb.VersionInput(link_url="ftp://x.org")),
                            metadata=as_(keys, STUDENT_ID, "student"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert {p.field for p in field_problems(caught.value)} == {"title", "content.link_url"}


def test_media_results_need_a_service_principal(stub, keys):
    student = as_(keys, STUDENT_ID, "student")
    created = stub.CreateArtifact(link_request(kind="image", content=pb.VersionInput(
        file_name="a.png", size_bytes=100, content_type="image/png")), metadata=student)
    media = created.artifact
    assert media.status == "processing" and created.upload.method == "PUT"
    assert created.upload.url.startswith(f"/media/upload/artifacts/{media.id}/v1/original?")
    assert not stub.CreateArtifact(link_request(), metadata=student).HasField("upload")
    request = pb.MarkMediaResultRequest(artifact_id=media.id, version=1, result="ready")
    with pytest.raises(grpc.RpcError) as caught:
        stub.MarkMediaResult(request, metadata=student)
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    done = stub.MarkMediaResult(request, metadata=as_(keys, "service:media", "service")).artifact
    assert done.status == "ready"
