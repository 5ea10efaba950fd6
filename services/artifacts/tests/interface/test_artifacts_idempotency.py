"""Creates under an Idempotency-Key over a real channel on PostgreSQL: a repeat returns the first response and writes
nothing; another body under the same key is refused naming the header; concurrent duplicates write one artifact
(the key's primary key makes the later transaction roll back and answer with the first result); a key is per
caller, and the kept result expires with SKILLFOLIO_IDEMPOTENCY_KEY_HOURS."""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest
from artifacts_fixtures import STUDENT_ID, TEACHER_ID
from sqlalchemy import create_engine, func, select, update

from artifacts.adapters.orm import artifacts as artifacts_table
from artifacts.adapters.orm import idempotency_keys
from artifacts.entrypoints import grpc_api
from chassis.config import service_settings
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair
from chassis.idempotency import purge
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
    settings = service_settings("artifacts", database_url=artifacts_db, grpc_port=0, grpc_max_workers=8)
    with serving(grpc_api.start, settings, app, keys[1], artifacts_pb2_grpc.ArtifactsServiceStub) as stub:
        yield stub


@pytest.fixture
def engine(artifacts_db):
    engine = create_engine(artifacts_db)
    yield engine
    engine.dispose()


def keyed(keys, key: str, subject: str = STUDENT_ID, role: str = "student") -> list[tuple[str, str]]:
    return [*signed_as(keys[0], subject, role), ("idempotency-key", key)]


def link(title: str) -> pb.CreateArtifactRequest:
    return pb.CreateArtifactRequest(student_id=STUDENT_ID, title=title, kind="link", skill_ids=["sk-comm"],
                                    content=pb.VersionInput(link_url="https://example.org/debate"))


def count(engine, title: str) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(artifacts_table)
                            .where(artifacts_table.c.title == title)).scalar_one()


def test_a_repeat_returns_the_first_response_and_another_body_is_refused(stub, keys, engine):
    first = stub.CreateArtifact(link("Debate notes"), metadata=keyed(keys, "k-1"))
    again = stub.CreateArtifact(link("Debate notes"), metadata=keyed(keys, "k-1"))
    assert again == first and count(engine, "Debate notes") == 1
    with pytest.raises(grpc.RpcError) as caught:
        stub.CreateArtifact(link("Other notes"), metadata=keyed(keys, "k-1"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [p.field for p in field_problems(caught.value)] == ["Idempotency-Key"]
    assert count(engine, "Other notes") == 0
    without_key = stub.CreateArtifact(link("Debate notes"), metadata=signed_as(keys[0], STUDENT_ID, "student"))
    assert without_key.artifact.id != first.artifact.id and count(engine, "Debate notes") == 2


def test_concurrent_duplicates_write_one_artifact(stub, keys, engine):
    with ThreadPoolExecutor(max_workers=6) as pool:
        replies = list(pool.map(lambda _: stub.CreateArtifact(link("Race notes"), metadata=keyed(keys, "k-race")),
                                range(6)))
    assert {r.artifact.id for r in replies} == {replies[0].artifact.id}
    assert count(engine, "Race notes") == 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(idempotency_keys)).scalar_one() == 1


def test_keys_are_per_caller_and_expire(stub, keys, engine):
    mine = stub.CreateArtifact(link("Shared key"), metadata=keyed(keys, "k-same"))
    theirs = stub.CreateArtifact(link("Shared key"), metadata=keyed(keys, "k-same", TEACHER_ID, "teacher"))
    assert mine.artifact.id != theirs.artifact.id
    with engine.begin() as conn:             # the student's key is older than the retention time
        conn.execute(update(idempotency_keys).where(idempotency_keys.c.principal == STUDENT_ID)
                     .values(created_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=25)))
    later = stub.CreateArtifact(link("Shared key"), metadata=keyed(keys, "k-same"))
    assert later.artifact.id not in (mine.artifact.id, theirs.artifact.id) and count(engine, "Shared key") == 3
    with engine.begin() as conn:             # the relay's housekeeping drops expired keys
        conn.execute(update(idempotency_keys).values(created_at=dt.datetime.now(dt.UTC)
                                                     - dt.timedelta(hours=25)))
        assert purge(conn, idempotency_keys, dt.datetime.now(dt.UTC)) == 2
