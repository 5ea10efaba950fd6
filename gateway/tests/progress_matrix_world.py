"""The world of the goals and milestones matrix through the gateway (session-scoped, built once): a roster of
gateway_district + authz_district, real roster, artifacts and reflections gRPC servers over their own databases
(the session's skills server holds the "Defense of Learning" panel rubric), the replicas fed as the workers feed
them, a Defense of Learning type, an artifact Amy added, and two gateway clients: one for bearer-token callers and
one holding a panel guest's session cookie. ``Row`` setups (one per grid row) live in :class:`World`."""
from __future__ import annotations

import datetime as dt
import re
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import authz_district
import gateway_district
import pytest
from authz_matrix import Trail
from fastapi.testclient import TestClient
from gateway_testkit import OffsetClock, api_token, bearer
from progress_feed import feed

from artifacts import bootstrap as artifacts_bootstrap
from artifacts.entrypoints import grpc_api as artifacts_grpc
from artifacts.migrations import MIGRATIONS_DIR as ARTIFACTS_MIGRATIONS
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.access import Viewer
from chassis.calendar import DistrictCalendar
from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.subscriptions import consume
from gateway.app import create_app
from gateway.settings import GatewaySettings
from reflections import bootstrap as reflections_bootstrap
from reflections.adapters.orm import audit_log, outbox
from reflections.entrypoints import grpc_api as reflections_grpc
from reflections.migrations import MIGRATIONS_DIR as REFLECTIONS_MIGRATIONS
from reflections.service_layer import subscriptions as reflections_subscriptions
from reflections.service_layer.milestones import MilestoneUseCases
from roster.bootstrap import build as build_roster
from roster.entrypoints import grpc_api as roster_grpc
from roster.migrations import MIGRATIONS_DIR as ROSTER_MIGRATIONS

META_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')
EXPIRES_IN = 60.0         # seconds an "expired" row's panel link still works after it is made (its setup's margin)


@dataclass
class Caller:
    client: TestClient
    headers: dict[str, str]


@dataclass
class World:
    client: TestClient
    guest_client: TestClient
    district: gateway_district.District
    records: Trail
    reflections_app: reflections_bootstrap.ReflectionsApp
    clock: OffsetClock                  # the gateways' and reflections': advanced past a link's expiry
    ids: dict[str, str]                 # student, artifact, skill, rubric, type
    tokens: dict = field(default_factory=dict)

    def caller(self, short: str) -> Caller:
        if short not in self.tokens:
            self.tokens[short] = bearer(api_token(self.client, *self.district.login(authz_district.USERNAMES[short])))
        return Caller(self.client, self.tokens[short])

    def call(self, short: str, method: str, path: str, expect: int, **kwargs) -> dict:
        reply = self.client.request(method, path, headers=self.caller(short).headers, **kwargs)
        assert reply.status_code == expect, reply.text
        return reply.json()

    def amy_sees(self, part: str) -> list[dict]:
        """What Amy sees of ``part``: her "goals", her "milestones" (every panellist and score sheet), or the
        district's milestone "types" (as her teacher)."""
        student = f"/api/v1/students/{self.ids['student']}"
        path = {"goals": f"{student}/goals", "milestones": f"{student}/milestones",
                "types": "/api/v1/milestone-types"}[part]
        return self.call("teacher" if part == "types" else "amy", "GET", path, 200)["items"]

    def new_goal(self) -> str:
        return self.call("amy", "POST", f"/api/v1/students/{self.ids['student']}/goals", 201, json={
            "title": "Speak up in class", "skill_ids": [self.ids["skill"]], "success_criteria": "Three talks"})["id"]

    def new_milestone(self) -> str:
        return self.call("teacher", "POST", f"/api/v1/students/{self.ids['student']}/milestones", 201, json={
            "type_id": self.ids["type"], "title": "Grade 5 Defense", "scheduled_on": "2027-01-15"})["id"]

    def invite(self, milestone_id: str, **extra) -> dict:
        return self.call("teacher", "POST", f"/api/v1/milestones/{milestone_id}/panellists", 201, json={
            "name": "Pat Partner", "email": "pat@example.org", "kind": "community", **extra})

    def guest_session(self, link_path: str, milestone_id: str) -> Caller:
        """Open ``link_path`` (/panel/<token>) in the guest client (a fresh session) and take the CSRF token its
        milestone page carries; the guest caller."""
        self.guest_client.cookies.clear()
        entry = self.guest_client.get(link_path)
        assert (entry.status_code, entry.headers.get("location")) == (303, f"/milestones/{milestone_id}"), entry.text
        page = self.guest_client.get(f"/milestones/{milestone_id}")
        assert page.status_code == 200, page.text
        return Caller(self.guest_client, {"X-CSRF-Token": META_CSRF.search(page.text).group(1)})

    def invite_expiring_soon(self, milestone_id: str) -> tuple[str, str]:
        """A panel link to ``milestone_id`` made a day ago (the service's use case on a clock set back), valid for
        one day: it expires EXPIRES_IN seconds from now. (invitation id, its /panel/ path)."""
        then = self.clock.utc_now() - dt.timedelta(days=1) + dt.timedelta(seconds=EXPIRES_IN)
        past = MilestoneUseCases(self.reflections_app.unit_of_work, DistrictCalendar(lambda: then), 14)
        invitation, token = past.invite(Viewer.of(self.district.ids["teacher"], ["teacher"]), milestone_id,
                                        "Lee Late", "late@example.org", "family", valid_days=1)
        return invitation.id, f"/panel/{token}"


@pytest.fixture(scope="session")
def world(session_database, skills_app, skills_target, panel_rubric, skill_ids, gateway_platform,
          platform) -> Iterator[World]:
    roster_url = session_database(ROSTER_MIGRATIONS)
    roster_engine = make_engine(roster_url)
    district = gateway_district.seed(roster_engine)
    authz_district.extend(roster_engine, district)
    roster_settings = service_settings("roster", database_url=roster_url, grpc_host="127.0.0.1", grpc_port=0,
                                       metrics_port=0)
    roster_app = build_roster(roster_settings, gateway_district.FAST_ARGON2)
    artifacts_settings = service_settings("artifacts", database_url=session_database(ARTIFACTS_MIGRATIONS),
                                          grpc_host="127.0.0.1", grpc_port=0, metrics_port=0, db_pool_size=4)
    artifacts_app = artifacts_bootstrap.build(artifacts_settings, platform=platform)
    reflections_url = session_database(REFLECTIONS_MIGRATIONS)
    reflections_settings = service_settings("reflections", database_url=reflections_url, grpc_host="127.0.0.1",
                                            grpc_port=0, metrics_port=0, db_pool_size=4)
    clock = OffsetClock()   # the gateways' and the reflections service's: an expired row advances it
    reflections_app = reflections_bootstrap.build(reflections_settings, clock=clock.utc_now)
    for envelope in district.roster_events:
        assert consume(artifacts_app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope,
                       f"progress-matrix.{envelope.type}")
        assert consume(reflections_app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope,
                       f"progress-matrix.{envelope.type}")
    servers = [roster_grpc.start(roster_settings, app=roster_app, platform=platform, metrics=False),
               artifacts_grpc.start(artifacts_settings, app=artifacts_app, platform=platform, metrics=False),
               reflections_grpc.start(reflections_settings, app=reflections_app, platform=platform, metrics=False)]
    roster, artifacts, reflections = (f"127.0.0.1:{s.port}" for s in servers)
    settings = GatewaySettings(session_secret=secrets.token_urlsafe(40), roster_target=roster,
                               skills_target=skills_target, artifacts_target=artifacts, reflections_target=reflections,
                               login_rate_limit="1000 per 1 minute")
    records = Trail(reflections_url, outbox, audit_log)
    skill = skill_ids["communicator"]
    with TestClient(create_app(settings, gateway_platform, clock), follow_redirects=False) as client, \
            TestClient(create_app(settings, gateway_platform, clock), follow_redirects=False) as guest_client:
        world = World(client, guest_client, district, records, reflections_app, clock,
                      {"student": district.ids["amy"], "skill": skill, "rubric": panel_rubric[1]})
        feed(reflections_app, artifacts_app, skills_app, roster_engine)
        world.ids["type"] = world.call("district_admin", "POST", "/api/v1/milestone-types", 201, json={
            "code": f"defense-{uuid.uuid4().hex[:8]}", "name": "Defense of Learning", "rubric_id": panel_rubric[1],
            "grade_levels": ["05", "08", "12"]})["id"]
        world.ids["artifact"] = world.call("amy", "POST", f"/api/v1/students/{district.ids['amy']}/artifacts", 201,
                                           json={"title": "My bridge model", "kind": "link", "skill_ids": [skill],
                                                 "link_url": "https://example.org/bridge"})["artifact"]["id"]
        assert feed(reflections_app, artifacts_app, skills_app, roster_engine) >= 1
        yield world
    records.dispose()
    for server in servers:
        server.stop(grace=1)
    for app in (reflections_app, artifacts_app, roster_app):
        app.close()
    roster_engine.dispose()
