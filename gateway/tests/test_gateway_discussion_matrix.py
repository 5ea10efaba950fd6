"""The discussion and assessment rules as a table (discussion_matrix.MATRIX) through the REST API: bearer tokens from
real logins, the gateway, and real roster, artifacts and reflections gRPC servers over their own databases. The
roster holds gateway_district + authz_district; the artifacts and reflections replicas are fed the same roster
events; the reflections replica learns whose artifact the target is (and its skill tags) from the artifacts
service's outbox, and the skill's scale and rubric from a skills service's outbox. Each case checks the
status, that a refusal reads exactly like a missing thing, the effect Amy sees, the event and the audit row."""
from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import authz_district
import gateway_district
import pytest
from authz_matrix import ACTORS, Case, Trail
from discussion_feed import feed_catalog, feed_ownership
from discussion_matrix import CASES, EVENT, RPC, SUCCESS, WRITES, request, said
from fastapi.testclient import TestClient
from gateway_skills import ADMIN, BANDS
from gateway_testkit import api_token, bearer

from artifacts import bootstrap as artifacts_bootstrap
from artifacts.entrypoints import grpc_api as artifacts_grpc
from artifacts.migrations import MIGRATIONS_DIR as ARTIFACTS_MIGRATIONS
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.subscriptions import consume
from gateway.app import create_app
from gateway.settings import GatewaySettings
from reflections import bootstrap as reflections_bootstrap
from reflections.adapters.orm import audit_log, outbox
from reflections.domain.access import DENIED
from reflections.entrypoints import grpc_api as reflections_grpc
from reflections.migrations import MIGRATIONS_DIR as REFLECTIONS_MIGRATIONS
from reflections.service_layer import subscriptions as reflections_subscriptions
from roster.bootstrap import build as build_roster
from roster.entrypoints import grpc_api as roster_grpc
from roster.migrations import MIGRATIONS_DIR as ROSTER_MIGRATIONS
from skills import bootstrap as skills_bootstrap
from skills.domain.model import Criterion, Level, SkillFields
from skills.migrations import MIGRATIONS_DIR as SKILLS_MIGRATIONS

pytestmark = pytest.mark.integration


@dataclass
class World:
    client: TestClient
    district: gateway_district.District
    records: Trail
    artifact_id: str
    reflection_id: str
    tokens: dict
    skill_id: str = ""

    def auth(self, short: str) -> dict[str, str]:
        if short not in self.tokens:
            self.tokens[short] = bearer(api_token(self.client, *self.district.login(authz_district.USERNAMES[short])))
        return self.tokens[short]

    def amy_sees(self) -> tuple[dict, dict]:
        """Amy's view of the target: its discussion and its assessments."""
        views = [self.client.get(f"/api/v1/artifacts/{self.artifact_id}/{part}", headers=self.auth("amy"))
                 for part in ("discussion", "assessments")]
        assert all(v.status_code == 200 for v in views), [v.text for v in views]
        return views[0].json(), views[1].json()

    def new_comment_by_amy(self) -> str:
        reply = self.client.post(f"/api/v1/artifacts/{self.artifact_id}/comments", headers=self.auth("amy"),
                                 json={"body": f"to hide {uuid.uuid4().hex[:6]}"})
        assert reply.status_code == 201, reply.text
        return reply.json()["id"]


def rubric_skill(session_database, district, reflections_app) -> tuple[str, skills_bootstrap.SkillsApp]:
    """A skill with a four-level scale and a rubric, in a skills service of its own whose events the reflections
    replica gets; the skill id and the app (closed by the caller)."""
    settings = service_settings("skills", database_url=session_database(SKILLS_MIGRATIONS), grpc_host="127.0.0.1",
                                grpc_port=0, metrics_port=0, db_pool_size=2)
    app = skills_bootstrap.build(settings)
    district_id = district.ids["district"]
    app.commands.define_framework(ADMIN, district_id, "", "Matrix skills", BANDS)
    scale = app.commands.define_scale(ADMIN, district_id, "m4", "Four levels",
                                      [Level(r, n) for r, n in enumerate(("One", "Two", "Three", "Four"), 1)])
    skill = app.commands.create_skill(ADMIN, district_id, "", SkillFields(code="maker", name="Maker",
                                                                          colour="#1F5FAD", scale_id=scale.id))
    app.commands.define_rubric(ADMIN, district_id, "maker", "Maker rubric", scale.id, skill.id,
                               [Criterion("ideas", "Ideas", {r: f"ideas {r}" for r in range(1, 5)})])
    assert feed_catalog(app.engine, reflections_app.unit_of_work, "matrix") >= 3
    return skill.id, app


@pytest.fixture(scope="module")
def world(session_database, skills_target, gateway_platform, platform) -> Iterator[World]:
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
    artifacts_settings = service_settings("artifacts", database_url=session_database(ARTIFACTS_MIGRATIONS),
                                          grpc_host="127.0.0.1", grpc_port=0, metrics_port=0, db_pool_size=4)
    artifacts_app = artifacts_bootstrap.build(artifacts_settings, platform=platform)
    reflections_url = session_database(REFLECTIONS_MIGRATIONS)
    reflections_settings = service_settings("reflections", database_url=reflections_url, grpc_host="127.0.0.1",
                                            grpc_port=0, metrics_port=0, db_pool_size=4)
    reflections_app = reflections_bootstrap.build(reflections_settings)
    for envelope in district.roster_events:
        assert consume(artifacts_app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope,
                       f"matrix.{envelope.type}")
        assert consume(reflections_app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope,
                       f"matrix.{envelope.type}")
    skill_id, skills_app = rubric_skill(session_database, district, reflections_app)
    servers = [roster_grpc.start(roster_settings, app=roster_app, platform=platform, metrics=False),
               artifacts_grpc.start(artifacts_settings, app=artifacts_app, platform=platform, metrics=False),
               reflections_grpc.start(reflections_settings, app=reflections_app, platform=platform, metrics=False)]
    roster, artifacts, reflections = (f"127.0.0.1:{s.port}" for s in servers)
    settings = GatewaySettings(session_secret=secrets.token_urlsafe(40), roster_target=roster,
                               skills_target=skills_target, artifacts_target=artifacts, reflections_target=reflections,
                               login_rate_limit="1000 per 1 minute")
    records = Trail(reflections_url, outbox, audit_log)
    with TestClient(create_app(settings, gateway_platform), follow_redirects=False) as client:
        world = World(client, district, records, "", "", {}, skill_id)
        added = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=world.auth("teacher"), json={
            "title": "Teacher's photo of the model", "kind": "link", "skill_ids": [skill_id],
            "link_url": "https://example.org/model"})
        assert added.status_code == 201, added.text
        world.artifact_id = added.json()["artifact"]["id"]
        assert feed_ownership(artifacts_app.engine, reflections_app.unit_of_work, "matrix") == 1
        first = client.post(f"/api/v1/artifacts/{world.artifact_id}/reflections", headers=world.auth("amy"),
                            json={"text": "My first thoughts"})
        assert first.status_code == 201, first.text
        world.reflection_id = first.json()["id"]
        yield world
    records.dispose()
    for server in servers:
        server.stop(grace=1)
    for app in (reflections_app, artifacts_app, roster_app, skills_app):
        app.close()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_discussion_matrix_through_the_gateway(case: Case, world: World):
    comment_id = world.new_comment_by_amy() if case.action == "hide" else ""
    before = world.amy_sees()
    mark = world.records.mark()
    word = uuid.uuid4().hex[:8]

    reply = request(world.client, world.auth(case.actor), case.action, world.artifact_id, world.reflection_id,
                    comment_id, word, world.skill_id)

    if not case.allowed:
        assert reply.status_code == 403, f"{case.id} should be refused: {reply.status_code} {reply.text}"
        assert reply.json()["error"] == {"code": "PERMISSION_DENIED", "message": DENIED, "problems": []}
        missing = request(world.client, world.auth(case.actor), case.action, str(uuid.uuid4()), str(uuid.uuid4()),
                          str(uuid.uuid4()), word, world.skill_id)
        assert (missing.status_code, missing.json()["error"]) == (403, reply.json()["error"])
        assert world.records.audit_since(mark) == [] and world.records.envelopes_since(mark) == []
        assert world.amy_sees() == before
        return

    assert reply.status_code == SUCCESS[case.action], f"{case.id}: {reply.status_code} {reply.text}"
    actor_id = world.district.ids[case.actor]
    new_audit, new_events = world.records.audit_since(mark), world.records.envelopes_since(mark)
    assert [e.type for e in new_events] == ([EVENT[case.action]] if EVENT[case.action] else [])
    if actor_id == world.district.ids["amy"]:
        assert new_audit == []
    else:
        [row] = new_audit
        assert (row.actor, row.action, json.loads(row.subject_ids)) == (
            actor_id, f"reflections.{RPC[case.action]}", [world.district.ids["amy"]])
    after = world.amy_sees()
    if case.action == "read":
        assert reply.json() == before[0] == after[0] and before == after
    elif case.action == "hide":
        assert [c["hidden"] for c in after[0]["comments"] if c["id"] == comment_id] == [True]
        assert said(*before) - said(*after) and said(*after) < said(*before)
    else:
        assert said(*after) - said(*before) == {WRITES[case.action].format(word)}
    if case.action in ("assess", "self_assess"):
        [skill] = after[1]["skills"]
        side = skill["teacher_assessments" if case.action == "assess" else "self_assessments"][-1]
        assert (side["assessor_id"], side["level_name"], side["criterion_levels"]) == (
            actor_id, "Three", [{"criterion_code": "ideas", "level_rank": 2}])


def test_the_grid_has_a_row_per_actor_and_a_cell_per_action():
    assert len(CASES) == len(ACTORS) * len(SUCCESS)
    assert {(c.role, c.relationship) for c in CASES} == set(ACTORS)
