"""Gateway test fixtures: REAL roster, skills, artifacts and reflections gRPC servers (in-process, ephemeral ports),
each over its own fresh, migrated PostgreSQL database; stand-ins for the notifications API (:mod:`notifications_stand_in`)
and the reporting service (:mod:`reporting_fake`); and a gateway app (FastAPI TestClient) pointed at them with a
per-run key pair, session secret, media URL secret and media directory.

The roster database is seeded by :mod:`gateway_district`; the artifacts service's roster replica is fed the same
facts as roster events (through the replica code its worker runs); the skills database holds a small framework
(:func:`gateway_skills.seed`).
"""
from __future__ import annotations

import pathlib
import secrets
from collections.abc import Callable, Iterator

import gateway_district as district_module
import gateway_skills
import notifications_stand_in
import pytest
import reporting_fake
from discussion_feed import feed_skill_places
from fastapi import FastAPI
from fastapi.testclient import TestClient

from artifacts import bootstrap as artifacts_bootstrap
from artifacts.entrypoints import grpc_api as artifacts_grpc
from artifacts.migrations import MIGRATIONS_DIR as ARTIFACTS_MIGRATIONS
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.config import PlatformSettings, service_settings
from chassis.db import make_engine
from chassis.events import Envelope
from chassis.grpc.principal import generate_keypair
from chassis.media.fs_store import FilesystemBlobStore
from chassis.media.stores import blob_store_from_settings
from chassis.messaging.subscriptions import consume
from chassis.migrations import upgrade
from chassis.roster_replica.roster_client import GrpcRosterRelations
from chassis.testing import infra
from gateway.app import create_app
from gateway.settings import GatewaySettings
from reflections import bootstrap as reflections_bootstrap
from reflections.entrypoints import grpc_api as reflections_grpc
from reflections.migrations import MIGRATIONS_DIR as REFLECTIONS_MIGRATIONS
from reflections.service_layer import subscriptions as reflections_subscriptions
from roster.bootstrap import build
from roster.entrypoints import grpc_api
from roster.migrations import MIGRATIONS_DIR
from skills import bootstrap as skills_bootstrap
from skills.entrypoints import grpc_api as skills_grpc
from skills.migrations import MIGRATIONS_DIR as SKILLS_MIGRATIONS


@pytest.fixture(scope="session")
def keys() -> tuple[str, str]:
    return generate_keypair()


@pytest.fixture(scope="session")
def media_secret() -> str:
    """The media URL secret the artifacts service signs filesystem URLs with and the gateway verifies."""
    return secrets.token_urlsafe(40)


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory) -> pathlib.Path:
    """SKILLFOLIO_VAR_DIR of this run: the filesystem blob store lives in ``<var_dir>/media``."""
    return tmp_path_factory.mktemp("var")


@pytest.fixture(scope="session")
def platform(keys, media_secret, var_dir) -> PlatformSettings:
    """The services' platform settings (public key, media secret, var dir); the gateway adds the private key."""
    district = generate_keypair()       # the district's signing key: reflections signs badges, the gateway publishes
    return PlatformSettings(principal_public_key=keys[1], media_url_secret=media_secret, var_dir=var_dir,
                            s3_endpoint="", district_signing_key=district[0], district_public_key=district[1])


@pytest.fixture(scope="session")
def media_store(platform) -> FilesystemBlobStore:
    """The filesystem blob store as the artifacts service builds it (same secret, ``<var_dir>/media``): sign URLs
    with it and the gateway's /media routes accept them."""
    return blob_store_from_settings(platform, url_secret=platform.media_url_secret.encode())


@pytest.fixture(scope="session")
def district(pg_database_url) -> district_module.District:
    upgrade(MIGRATIONS_DIR, pg_database_url)
    engine = make_engine(pg_database_url)
    try:
        return district_module.seed(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def roster_target(pg_database_url, district, platform) -> Iterator[str]:
    """host:port of a running roster gRPC API that verifies principals with the session's public key."""
    settings = service_settings("roster", database_url=pg_database_url, grpc_host="127.0.0.1", grpc_port=0,
                                metrics_port=0)
    app = build(settings, district_module.FAST_ARGON2)
    handle = grpc_api.start(settings, app=app, platform=platform, metrics=False)
    yield f"127.0.0.1:{handle.port}"
    handle.stop(grace=1)
    app.close()


@pytest.fixture(scope="session")
def session_database(pg_admin_url, migrated_template) -> Iterator[Callable[[pathlib.Path], str]]:
    """Make a fresh PostgreSQL database migrated with the given Alembic directory, dropped at the session's end."""
    urls: list[str] = []

    def make(migrations: pathlib.Path) -> str:
        url = infra.create_database(pg_admin_url, template=migrated_template(migrations))
        urls.append(url)
        return url

    yield make
    for url in urls:
        infra.drop_database(url, pg_admin_url)


@pytest.fixture(scope="session")
def skills_app(session_database) -> Iterator[skills_bootstrap.SkillsApp]:
    """The skills service's app over its own database."""
    settings = service_settings("skills", database_url=session_database(SKILLS_MIGRATIONS), grpc_host="127.0.0.1",
                                grpc_port=0, metrics_port=0, db_pool_size=4)
    app = skills_bootstrap.build(settings)
    yield app
    app.close()


@pytest.fixture(scope="session")
def skill_ids(skills_app, district) -> dict[str, str]:
    """Skill code -> id of :func:`gateway_skills.seed`'s framework (district skills, a retired one, a school's)."""
    return gateway_skills.seed(skills_app, district)


@pytest.fixture(scope="session")
def skills_target(skills_app, skill_ids, platform) -> Iterator[str]:
    handle = skills_grpc.start(skills_app.settings, app=skills_app, platform=platform, metrics=False)
    yield f"127.0.0.1:{handle.port}"
    handle.stop(grace=1)


@pytest.fixture(scope="session")
def artifacts_app(session_database, district, platform, skills_app, skill_ids, roster_target
                  ) -> Iterator[artifacts_bootstrap.ArtifactsApp]:
    """The artifacts service's app over its own database, its roster replica fed the district's roster events and
    its skill catalog replica the school's district and the skills service's skill events (tags are checked); it
    asks the session's roster before refusing for want of a relation (deadline 5 s, as the gateway's own calls: the
    shared test machine can be slow, and a timeout would be a retryable 503 rather than the answer a test checks)."""
    settings = service_settings("artifacts", database_url=session_database(ARTIFACTS_MIGRATIONS),
                                grpc_host="127.0.0.1", grpc_port=0, metrics_port=0, db_pool_size=4)
    app = artifacts_bootstrap.build(settings, platform=platform, roster=GrpcRosterRelations(roster_target, timeout=5))
    for envelope in district.roster_events:
        assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope,
                       f"gateway-tests.{envelope.type}")
    assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, Envelope(
        type="school_added", producer="roster",
        data={"school_id": district.ids["school"], "district_id": district.ids["district"]}),
        "gateway-tests.school_added")
    assert feed_skill_places(skills_app.engine, app.unit_of_work) >= len(skill_ids)
    yield app
    app.close()


@pytest.fixture(scope="session")
def artifacts_target(artifacts_app, platform) -> Iterator[str]:
    handle = artifacts_grpc.start(artifacts_app.settings, app=artifacts_app, platform=platform, metrics=False)
    yield f"127.0.0.1:{handle.port}"
    handle.stop(grace=1)


@pytest.fixture(scope="session")
def reflections_app(session_database, district, platform, roster_target
                    ) -> Iterator[reflections_bootstrap.ReflectionsApp]:
    """The reflections service's app over its own database, its roster replica fed the district's roster events
    (artifact ownership arrives per test: feed it the artifacts events a test causes); it asks the session's
    roster before refusing for want of a relation."""
    settings = service_settings("reflections", database_url=session_database(REFLECTIONS_MIGRATIONS),
                                grpc_host="127.0.0.1", grpc_port=0, metrics_port=0, db_pool_size=4)
    app = reflections_bootstrap.build(settings, platform=platform,   # recordings in the session's media store
                                      roster=GrpcRosterRelations(roster_target, timeout=5))
    for envelope in district.roster_events:
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope,
                       f"gateway-tests.{envelope.type}")
    yield app
    app.close()


@pytest.fixture(scope="session")
def reflections_target(reflections_app, platform) -> Iterator[str]:
    handle = reflections_grpc.start(reflections_app.settings, app=reflections_app, platform=platform, metrics=False)
    yield f"127.0.0.1:{handle.port}"
    handle.stop(grace=1)


@pytest.fixture(scope="session")
def reporting(district, skill_ids) -> reporting_fake.FakeReporting:
    """The stand-in reporting service's state (gateway tests check what the gateway renders and sends)."""
    skills = {skill_ids["communicator"]: ("Effective Communicator", "#1F5FAD"),
              skill_ids["thinker"]: ("Critical Thinker", "#F2C300")}
    return reporting_fake.FakeReporting(district.ids["school"], district.ids["year"], skills)


@pytest.fixture(scope="session")
def reporting_target(reporting, platform) -> Iterator[str]:
    handle = reporting_fake.start(reporting, platform)
    yield f"127.0.0.1:{handle.port}"
    handle.stop(grace=1)


@pytest.fixture(scope="session")
def gateway_platform(platform, keys) -> PlatformSettings:
    """The gateway's platform settings: the services' ones plus the private key that signs principals."""
    return platform.model_copy(update={"principal_private_key": keys[0]})


@pytest.fixture(scope="session")
def notifications_service(platform, roster_target) -> Iterator[tuple[str, notifications_stand_in.State]]:
    """(host:port, state) of the notifications API's stand-in (gateway tests; notifications_stand_in)."""
    handle, state = notifications_stand_in.start(platform, roster_target)
    yield f"127.0.0.1:{handle.port}", state
    handle.stop(grace=1)


@pytest.fixture
def notifications(notifications_service) -> notifications_stand_in.State:
    """The stand-in's state, emptied for this test."""
    state = notifications_service[1]
    state.__init__()
    return state


@pytest.fixture
def make_app(roster_target, skills_target, artifacts_target, reflections_target, notifications_service,
             notifications, reporting_target, gateway_platform) -> Callable[..., FastAPI]:
    """Build a gateway app (lifespan not yet run) against the session's services, with settings overrides. The
    notifications stand-in starts each test empty (``notifications``): a language one test chose is not the next one's.

    ``platform=`` replaces the gateway's PlatformSettings (e.g. an S3 endpoint, another media secret); ``clock=`` the
    gateway's clock (gateway_testkit.FakeClock: expiry without sleeping).
    """
    def build(platform: PlatformSettings | None = None, clock=None, **overrides) -> FastAPI:
        values = {"session_secret": secrets.token_urlsafe(40), "roster_target": roster_target,
                  "skills_target": skills_target, "artifacts_target": artifacts_target,
                  "reflections_target": reflections_target, "notifications_target": notifications_service[0],
                  "reporting_target": reporting_target,
                  "login_rate_limit": "3 per 1 minute", **overrides}
        return create_app(GatewaySettings(**values), platform or gateway_platform,
                          **({"clock": clock} if clock else {}))

    return build


@pytest.fixture
def make_client(make_app) -> Iterator[Callable[..., TestClient]]:
    """Build a started gateway (lifespan run; same arguments as ``make_app``); each gets a fresh login throttle."""
    clients: list[TestClient] = []

    def build(platform: PlatformSettings | None = None, clock=None, **overrides) -> TestClient:
        client = TestClient(make_app(platform, clock, **overrides), follow_redirects=False)
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()
