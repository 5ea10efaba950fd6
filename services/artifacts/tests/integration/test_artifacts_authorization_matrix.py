"""Every role x relationship x action of the artifacts access rules, through the real gRPC API (status codes), over
one migrated PostgreSQL database whose roster replica was fed the matrix's world (authz_world.MATRIX is the table),
with media in S3 (moto's server).

Each case gets artifacts no earlier case changed (S by Ana, T by Cruz, P by Diaz last school year: links, or for
CompleteUpload documents whose bytes were already sent to their presigned upload target, so only access refuses;
see TargetPool) and checks, besides the status: an allowed change really happened, a refused one changed nothing
and raised no event, and the audit log holds exactly one row for an allowed read or change by anyone but Ana, none
for a refusal, and none for Ana's own (but her deletions: see AUDITED_EVEN_FOR_THE_STUDENT).
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import grpc
import pytest
import requests
from artifacts_fixtures import STUDENT_ID, Clock
from authz_world import (
    ACTORS,
    ARTIFACT_ACTIONS,
    CASES,
    LAST_YEAR_DAY,
    TARGET_AUTHORS,
    UNCHANGED_BY,
    Case,
    TargetPool,
    Trail,
    authz_world,
)

from artifacts.adapters.orm import audit_log, outbox
from artifacts.bootstrap import build
from artifacts.domain.access import DENIED
from artifacts.entrypoints import grpc_api
from artifacts.migrations import MIGRATIONS_DIR
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.config import PlatformSettings, service_settings
from chassis.grpc.principal import generate_keypair
from chassis.messaging.subscriptions import consume
from chassis.testing import infra
from chassis.testing.grpc_api import serving, signed_as
from skillfolio.artifacts.v1 import artifacts_pb2 as pb
from skillfolio.artifacts.v1 import artifacts_pb2_grpc
from skillfolio.media.v1 import media_pb2

pytestmark = pytest.mark.integration

RPC = {"list": "ListPortfolio", "add": "CreateArtifact", "get": "GetArtifact", "update": "UpdateArtifact",
       "version": "AddVersion", "complete": "CompleteUpload", "delete": "DeleteArtifact"}
ROLE_OF_AUTHOR = {"S": "student", "T": "teacher", "P": "teacher"}
# Deletion is audited whoever deletes (commands.delete: the soft-deleted row stays recoverable by operators), so
# the student's own delete is the one own action with an audit row.
AUDITED_EVEN_FOR_THE_STUDENT = {"delete"}


@pytest.fixture(scope="module")
def matrix_db(pg_admin_url, migrated_template) -> Iterator[str]:
    url = infra.create_database(pg_admin_url, template=migrated_template(MIGRATIONS_DIR))
    yield url
    infra.drop_database(url, pg_admin_url)


@pytest.fixture(scope="module")
def matrix_clock() -> Clock:
    return Clock()


@pytest.fixture(scope="module")
def matrix_keys() -> tuple[str, str]:
    return generate_keypair()


@pytest.fixture(scope="module")
def stub(matrix_db, matrix_clock, matrix_keys, s3_endpoint):
    """The artifacts gRPC API over the matrix world's replica, its media in a bucket of its own."""
    media = PlatformSettings(s3_endpoint=s3_endpoint.endpoint, s3_access_key=s3_endpoint.access_key,
                             s3_secret_key=s3_endpoint.secret_key, s3_secure=s3_endpoint.secure,
                             s3_bucket=f"authz-{uuid.uuid4().hex[:12]}")
    app = build(service_settings("artifacts", database_url=matrix_db, db_pool_size=4), clock=matrix_clock,
                platform=media)
    for envelope in authz_world():
        assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, f"authz.{envelope.type}")
    settings = service_settings("artifacts", database_url=matrix_db, grpc_port=0, grpc_max_workers=4)
    with serving(grpc_api.start, settings, app, matrix_keys[1], artifacts_pb2_grpc.ArtifactsServiceStub) as stub:
        yield stub
    app.close()


@pytest.fixture(scope="module")
def records(matrix_db) -> Iterator[Trail]:
    records = Trail(matrix_db, outbox, audit_log)
    yield records
    records.dispose()


def as_(keys, subject: str, *roles: str):
    return signed_as(keys[0], subject, *roles)


def new_link(title: str, student_id: str = STUDENT_ID) -> pb.CreateArtifactRequest:
    return pb.CreateArtifactRequest(student_id=student_id, title=title, kind="link", skill_ids=["sk-comm"],
                                    content=pb.VersionInput(link_url="https://example.org/work"))


def new_document(title: str) -> pb.CreateArtifactRequest:
    return pb.CreateArtifactRequest(student_id=STUDENT_ID, title=title, kind="document", skill_ids=["sk-comm"],
                                    content=pb.VersionInput(file_name="essay.pdf", size_bytes=len(PDF),
                                                            content_type="application/pdf"))


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def create_targets(stub, keys, clock: Clock, uploaded_documents: bool = False) -> dict[str, pb.Artifact]:
    """Fresh S, T and P artifacts in Ana's portfolio (P dated while Diaz still taught her): links, or documents
    whose bytes are already in the store (sent to their upload target the way a browser does)."""
    made = {}
    for target, author in TARGET_AUTHORS.items():
        present = clock.now
        if target == "P":
            clock.now = LAST_YEAR_DAY
        request = (new_document if uploaded_documents else new_link)(f"{target} work")
        try:
            reply = stub.CreateArtifact(request, metadata=as_(keys, author, ROLE_OF_AUTHOR[target]))
        finally:
            clock.now = max(clock.now, present)
        made[target] = reply.artifact
        assert made[target].added_by == author
        if uploaded_documents:
            assert made[target].status == "processing"
            send(reply.upload, PDF)
    return made


def send(upload: media_pb2.UploadTarget, body: bytes) -> None:
    """Upload ``body`` as a browser does: a form POST (fields, then the file), or PUT with exactly the headers."""
    if upload.method == "POST":
        sent = requests.post(upload.url, data=dict(upload.fields),
                             files={"file": ("essay.pdf", body, "application/pdf")}, timeout=30)
    else:
        assert upload.method == "PUT", upload
        sent = requests.put(upload.url, data=body, headers=dict(upload.headers), timeout=30)
    assert 200 <= sent.status_code < 300, sent.text


def perform(stub, case: Case, metadata, target: pb.Artifact | None, student_id: str = STUDENT_ID):
    if case.action == "list":
        return stub.ListPortfolio(pb.ListPortfolioRequest(student_id=student_id, page=pb.PageRequest(
            page_size=1000)), metadata=metadata)
    if case.action == "add":
        return stub.CreateArtifact(new_link(f"added by {case.actor}", student_id), metadata=metadata)
    artifact_id = target.id
    if case.action == "get":
        return stub.GetArtifact(pb.GetArtifactRequest(artifact_id=artifact_id), metadata=metadata)
    if case.action == "update":
        return stub.UpdateArtifact(pb.UpdateArtifactRequest(artifact_id=artifact_id, update_fields=["title"],
                                                            title=f"renamed by {case.actor}"), metadata=metadata)
    if case.action == "version":
        return stub.AddVersion(pb.AddVersionRequest(artifact_id=artifact_id, content=pb.VersionInput(
            link_url="https://example.org/work-v2")), metadata=metadata)
    if case.action == "delete":
        return stub.DeleteArtifact(pb.DeleteArtifactRequest(artifact_id=artifact_id), metadata=metadata)
    if case.action == "complete":
        return stub.CompleteUpload(pb.CompleteUploadRequest(artifact_id=artifact_id, version=1), metadata=metadata)
    raise AssertionError(f"no call for {case.action}")


@pytest.fixture(scope="module")
def pool(stub, matrix_keys, matrix_clock) -> TargetPool:
    return TargetPool(lambda documents: create_targets(stub, matrix_keys, matrix_clock, documents))


def ana_sees(stub, keys, artifact_id: str) -> pb.Artifact | None:
    """The artifact as Ana reads it (her reads are never audited), None once it is gone."""
    try:
        return stub.GetArtifact(pb.GetArtifactRequest(artifact_id=artifact_id),
                                metadata=as_(keys, STUDENT_ID, "student")).artifact
    except grpc.RpcError as error:
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED
        return None


def ana_portfolio_ids(stub, keys) -> set[str]:
    reply = stub.ListPortfolio(pb.ListPortfolioRequest(student_id=STUDENT_ID, page=pb.PageRequest(page_size=1000)),
                               metadata=as_(keys, STUDENT_ID, "student"))
    return {a.id for a in reply.artifacts}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matrix(case: Case, stub, matrix_keys, pool, records):
    documents = case.action == "complete"
    targets = pool.take(documents)
    target = targets.get(case.target)
    portfolio_before = ana_portfolio_ids(stub, matrix_keys)
    mark = records.mark()

    try:
        reply, refusal = perform(stub, case, as_(matrix_keys, case.actor, *case.roles), target), None
    except grpc.RpcError as error:
        reply, refusal = None, error

    new_audit, new_events = records.audit_since(mark), records.envelopes_since(mark)
    if not case.allowed:
        assert refusal is not None, f"{case.id} should be refused"
        assert (refusal.code(), refusal.details()) == (grpc.StatusCode.PERMISSION_DENIED, DENIED)
        assert new_audit == [] and new_events == []
        assert ana_portfolio_ids(stub, matrix_keys) == portfolio_before
        if target is not None:
            seen = ana_sees(stub, matrix_keys, target.id)
            assert (seen.title, seen.current_version) == (target.title, target.current_version)
        pool.give_back(documents, targets)
        return

    assert refusal is None, f"{case.id} should be allowed, got {refusal.code()}: {refusal.details()}"
    assert_effect(stub, matrix_keys, case, reply, target, targets, portfolio_before, new_events)
    if case.is_the_student and case.action not in AUDITED_EVEN_FOR_THE_STUDENT:
        assert new_audit == []                      # the student's own reads and changes are no disclosure
    else:
        [row] = new_audit
        assert (row.actor, row.action, row.subject_type, json.loads(row.subject_ids)) == (
            case.actor, f"artifacts.{RPC[case.action]}", "student", [STUDENT_ID])
        assert row.actor_roles == ",".join(sorted(case.roles))
        if target is not None:
            assert json.loads(row.detail)["artifact_id"] == target.id
    if case.action in UNCHANGED_BY:
        pool.give_back(documents, targets)


def assert_effect(stub, keys, case: Case, reply, target, targets, portfolio_before, new_events) -> None:
    """The allowed call did what it says, and raised the event it should (reads raise none)."""
    event_types = [e.type for e in new_events]
    if case.action == "list":
        assert {a.id for a in targets.values()} <= {a.id for a in reply.artifacts}
        assert event_types == []
    elif case.action == "get":
        assert (reply.artifact.id, reply.artifact.added_by) == (target.id, target.added_by)
        assert [v.number for v in reply.artifact.versions] == [1]
        assert event_types == []
    elif case.action == "add":
        added = target = reply.artifact
        assert (added.added_by, added.added_by_role, added.student_id) == (case.actor, case.role, STUDENT_ID)
        assert ana_portfolio_ids(stub, keys) == portfolio_before | {added.id}
        assert event_types == ["artifact_added"]
    elif case.action == "update":
        assert ana_sees(stub, keys, target.id).title == f"renamed by {case.actor}"
        assert event_types == ["artifact_updated"]
    elif case.action == "version":
        assert ana_sees(stub, keys, target.id).current_version == 2
        assert event_types == ["artifact_updated"]
    elif case.action == "delete":
        assert ana_sees(stub, keys, target.id) is None
        assert ana_portfolio_ids(stub, keys) == portfolio_before - {target.id}
        assert event_types == ["artifact_deleted"]
    elif case.action == "complete":
        assert (reply.artifact.id, reply.artifact.status) == (target.id, "processing")
        assert event_types == ["artifact_media_uploaded"]
        assert (new_events[0].data["version"], new_events[0].data["kind"]) == (1, "document")
    assert all(e.data["artifact_id"] == target.id for e in new_events)


MISSING = [(role, relationship, action) for (role, relationship) in ACTORS for action in ("list", "add",
                                                                                           *ARTIFACT_ACTIONS)]


@pytest.mark.parametrize("role,relationship,action", MISSING, ids=["/".join(m) for m in MISSING])
def test_a_missing_artifact_or_student_is_refused_exactly_like_a_forbidden_one(role, relationship, action, stub,
                                                                               matrix_keys, records):
    case = Case(role, relationship, action, "", False)
    mark = records.mark()
    with pytest.raises(grpc.RpcError) as caught:
        perform(stub, case, as_(matrix_keys, case.actor, *case.roles), pb.Artifact(id=str(uuid.uuid4())),
                student_id=f"stu-{uuid.uuid4().hex[:8]}")
    assert (caught.value.code(), caught.value.details()) == (grpc.StatusCode.PERMISSION_DENIED, DENIED)
    assert records.audit_since(mark) == [] and records.envelopes_since(mark) == []


def test_the_matrix_covers_every_row_action_and_target():
    assert len(CASES) == len(ACTORS) * (2 + 3 * len(ARTIFACT_ACTIONS))
    assert {(c.role, c.relationship) for c in CASES} == set(ACTORS)
