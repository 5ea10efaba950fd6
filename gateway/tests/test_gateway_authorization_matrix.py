"""The artifacts authorization matrix again, end to end through the REST API: bearer tokens from real logins, the
gateway, and real roster and artifacts gRPC servers over their own databases (the table is the artifacts grid,
chassis/testing/grids/artifacts_access.grid, which the artifacts service's matrix reads too).

The roster and the artifacts replica hold the same district (gateway_district + authz_district.extend), in their
own databases, so the extra relationships never show in other gateway tests. Each case gets artifacts
no earlier case changed (S by Amy, T by her teacher, P by her last-year teacher, dated last year: links, or for
complete documents already uploaded through the gateway's signed /media/upload URL; see TargetPool) and checks the
status, that a refusal's body is exactly the one for an artifact that does not exist, the effect, and the artifacts
service's audit rows.
"""
from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterator

import authz_district
import gateway_district
import pytest
from authz_matrix import ACTORS, ARTIFACT_ACTIONS, CASES, UNCHANGED_BY, Case, Trail
from authz_rest import ShiftableClock, Stack, amy_portfolio_ids, amy_sees, create_targets, perform
from fastapi.testclient import TestClient

from artifacts import bootstrap as artifacts_bootstrap
from artifacts.adapters.orm import audit_log, outbox
from artifacts.domain.access import DENIED
from artifacts.entrypoints import grpc_api as artifacts_grpc
from artifacts.migrations import MIGRATIONS_DIR as ARTIFACTS_MIGRATIONS
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.subscriptions import consume
from chassis.testing.grid import TargetPool
from gateway.app import create_app
from gateway.settings import GatewaySettings
from roster.bootstrap import build as build_roster
from roster.entrypoints import grpc_api as roster_grpc
from roster.migrations import MIGRATIONS_DIR as ROSTER_MIGRATIONS

pytestmark = pytest.mark.integration

RPC = {"list": "ListPortfolio", "add": "CreateArtifact", "get": "GetArtifact", "update": "UpdateArtifact",
       "version": "AddVersion", "complete": "CompleteUpload", "delete": "DeleteArtifact"}
SUCCESS = {"list": 200, "add": 201, "get": 200, "update": 200, "version": 201, "complete": 200, "delete": 204}
# Deletion is audited whoever deletes (the soft-deleted row stays recoverable), the student's own delete too.
AUDITED_EVEN_FOR_THE_STUDENT = {"delete"}


@pytest.fixture(scope="module")
def stack(session_database, skills_target, gateway_platform, platform) -> Iterator[Stack]:
    """Roster (seeded) and artifacts (replica fed the same facts) gRPC servers, and a gateway in front of them."""
    roster_url = session_database(ROSTER_MIGRATIONS)
    engine = make_engine(roster_url)
    try:
        district = gateway_district.seed(engine)
        authz_district.extend(engine, district)
    finally:
        engine.dispose()
    roster_settings = service_settings("roster", database_url=roster_url, grpc_host="127.0.0.1", grpc_port=0,
                                       metrics_port=0)
    roster_app = build_roster(roster_settings, gateway_district.FAST_ARGON2)
    roster = roster_grpc.start(roster_settings, app=roster_app, platform=platform, metrics=False)
    artifacts_url = session_database(ARTIFACTS_MIGRATIONS)
    clock = ShiftableClock()
    artifacts_settings = service_settings("artifacts", database_url=artifacts_url, grpc_host="127.0.0.1",
                                          grpc_port=0, metrics_port=0, db_pool_size=4)
    artifacts_app = artifacts_bootstrap.build(artifacts_settings, clock=clock, platform=platform)
    for envelope in district.roster_events:
        assert consume(artifacts_app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope,
                       f"authz.{envelope.type}")
    artifacts = artifacts_grpc.start(artifacts_settings, app=artifacts_app, platform=platform, metrics=False)
    settings = GatewaySettings(session_secret=secrets.token_urlsafe(40), roster_target=f"127.0.0.1:{roster.port}",
                               skills_target=skills_target, artifacts_target=f"127.0.0.1:{artifacts.port}",
                               login_rate_limit="1000 per 1 minute")
    records = Trail(artifacts_url, outbox, audit_log)
    with TestClient(create_app(settings, gateway_platform), follow_redirects=False) as client:
        yield Stack(client, district, clock, records)
    records.dispose()
    artifacts.stop(grace=1)
    artifacts_app.close()
    roster.stop(grace=1)
    roster_app.close()


@pytest.fixture(scope="module")
def pool(stack) -> TargetPool:
    return TargetPool(lambda documents: create_targets(stack, documents))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matrix_through_the_gateway(case: Case, stack: Stack, pool: TargetPool):
    documents = case.action == "complete"
    targets = pool.take(documents)
    target = targets.get(case.target)
    portfolio_before = amy_portfolio_ids(stack)
    mark = stack.records.mark()

    reply = perform(stack, case, target["id"] if target else "")

    new_audit, new_events = stack.records.audit_since(mark), stack.records.envelopes_since(mark)
    actor_id = stack.district.ids[case.actor]
    if not case.allowed:
        assert reply.status_code == 403, f"{case.id} should be refused: {reply.status_code} {reply.text}"
        assert reply.json()["error"] == {"code": "PERMISSION_DENIED", "message": DENIED, "problems": []}
        if target is not None:           # indistinguishable from an artifact that does not exist
            missing = perform(stack, case, str(uuid.uuid4()))
            assert (missing.status_code, missing.json()["error"]) == (403, reply.json()["error"])
        assert stack.records.audit_since(mark) == [] and stack.records.envelopes_since(mark) == []
        assert amy_portfolio_ids(stack) == portfolio_before
        if target is not None:
            seen = amy_sees(stack, target["id"])
            assert (seen["title"], seen["current_version"]) == (target["title"], target["current_version"])
        pool.give_back(documents, targets)
        return

    assert reply.status_code == SUCCESS[case.action], f"{case.id}: {reply.status_code} {reply.text}"
    assert_effect(stack, case, reply, target, targets, portfolio_before, new_events)
    if actor_id == stack.amy and case.action not in AUDITED_EVEN_FOR_THE_STUDENT:
        assert new_audit == []
    else:
        [row] = new_audit
        assert (row.actor, row.action, json.loads(row.subject_ids)) == (
            actor_id, f"artifacts.{RPC[case.action]}", [stack.amy])
        assert set(row.actor_roles.split(",")) == set(case.roles)
    if case.action in UNCHANGED_BY:
        pool.give_back(documents, targets)


def assert_effect(stack: Stack, case: Case, reply, target, targets, portfolio_before, new_events) -> None:
    event_types = [e.type for e in new_events]
    if case.action == "list":
        assert {a["id"] for a in targets.values()} <= {a["id"] for a in reply.json()["items"]}
        assert event_types == []
    elif case.action == "get":
        assert (reply.json()["id"], [v["number"] for v in reply.json()["versions"]]) == (target["id"], [1])
        assert event_types == []
    elif case.action == "add":
        added = target = reply.json()["artifact"]
        assert (added["added_by"], added["added_by_role"]) == (stack.district.ids[case.actor], case.role)
        assert reply.json()["upload"] is None
        assert amy_portfolio_ids(stack) == portfolio_before | {added["id"]}
        assert event_types == ["artifact_added"]
    elif case.action == "update":
        assert reply.json()["title"] == amy_sees(stack, target["id"])["title"] == f"renamed by {case.actor}"
        assert event_types == ["artifact_updated"]
    elif case.action == "version":
        assert reply.json()["artifact"]["current_version"] == amy_sees(stack, target["id"])["current_version"] == 2
        assert event_types == ["artifact_updated"]
    elif case.action == "delete":
        assert amy_sees(stack, target["id"]) is None
        assert amy_portfolio_ids(stack) == portfolio_before - {target["id"]}
        assert event_types == ["artifact_deleted"]
    elif case.action == "complete":
        assert (reply.json()["id"], reply.json()["status"]) == (target["id"], "processing")
        assert event_types == ["artifact_media_uploaded"]
    assert all(e.data["artifact_id"] == target["id"] for e in new_events)


MISSING = [(role, relationship, action) for (role, relationship) in ACTORS for action in ("list", "add",
                                                                                           *ARTIFACT_ACTIONS)]


@pytest.mark.parametrize("role,relationship,action", MISSING, ids=["/".join(m) for m in MISSING])
def test_a_missing_artifact_or_student_is_403_like_a_forbidden_one(role, relationship, action, stack: Stack):
    mark = stack.records.mark()
    reply = perform(stack, Case(role, relationship, action, "", False), str(uuid.uuid4()),
                    student_id=str(uuid.uuid4()))
    assert reply.status_code == 403, reply.text
    assert reply.json()["error"] == {"code": "PERMISSION_DENIED", "message": DENIED, "problems": []}
    assert stack.records.audit_since(mark) == [] and stack.records.envelopes_since(mark) == []


def test_the_matrix_covers_every_row_action_and_target():
    assert len(CASES) == len(ACTORS) * (2 + 3 * len(ARTIFACT_ACTIONS))
    assert set(authz_district.USERNAMES) >= set(ACTORS.values())

