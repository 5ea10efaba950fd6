"""The platform started the way the README starts it (`skillfolio up`), in a private temp dir with free ports and
a fresh RabbitMQ vhost; tests read the printed URL and demo logins from its output, like a person would."""
from __future__ import annotations

import os
import pathlib
import subprocess
from collections.abc import Iterator

import pytest
from e2e_platform import SKILLFOLIO, Platform, stop, wait_until_ready, wait_until_settled
from playwright.sync_api import Browser, expect, sync_playwright

from chassis.testing.infra import free_port
from skillfolio_cli.services import SERVICES

CHROMIUM = "/usr/bin/chromium"   # Debian's chromium (`.ci/run` installs it); never `playwright install`
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# How long an assertion waits for what the page should come to show (it passes as soon as it does). Playwright's
# 5 s default is less than a loaded CI machine needs to render /docs: Swagger UI lays out a 370 KB OpenAPI document
# while three other pytest workers share the two cores.
expect.set_options(timeout=30_000)


@pytest.hookimpl(tryfirst=True)   # before pytest-xdist names the groups
def pytest_collection_modifyitems(items) -> None:
    """The e2e tests that share one `skillfolio up` (the ``platform`` fixture) are one group under pytest-xdist
    (``--dist loadgroup``), on one worker, scheduled first as they take longest. The e2e tests that start no shared
    platform (their own `up`, a seed, the queue declarations) run on any worker meanwhile, a module to a worker (its
    module-scoped fixtures, such as test_up_seed's seeded var/, run once). The start-up output test reads what `up`
    printed before any test made requests, so it runs first of them (a stable sort: every other test keeps its
    order; the shutdown test, which stops the platform, stays last by file name)."""
    e2e = pathlib.Path(__file__).parent
    for item in items:
        if e2e in item.path.parents:
            shared = "platform" in item.fixturenames
            item.add_marker(pytest.mark.xdist_group("e2e" if shared else f"e2e-{item.path.stem}"))
    items.sort(key=lambda item: (e2e not in item.path.parents,
                                 getattr(item.module, "__name__", "") != "test_up_startup_output"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless chromium per module of browser tests (each test opens its own context). Not per session:
    Playwright's sync API keeps an event loop running on the thread while it is open, so a later non-browser test
    on the same pytest-xdist worker could not call ``asyncio.run``."""
    assert pathlib.Path(CHROMIUM).exists(), "install Debian's chromium: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def platform(tmp_path_factory, amqp_url) -> Iterator[Platform]:
    workdir = tmp_path_factory.mktemp("skillfolio-up")
    env = {**os.environ, "SKILLFOLIO_VAR_DIR": str(workdir / "var"), "SKILLFOLIO_AMQP_URL": amqp_url,
           "GATEWAY_PORT": str(free_port()), "GATEWAY_METRICS_PORT": str(free_port()), "SKILLFOLIO_LOG_FORMAT": "json"}
    for service in SERVICES:   # free ports for every role, so parallel runs never collide
        prefix = service.upper()
        env.update({f"{prefix}_GRPC_PORT": str(free_port()), f"{prefix}_METRICS_PORT": str(free_port()),
                    f"{prefix}_EVENTS_METRICS_PORT": str(free_port())})
        env.pop(f"{prefix}_DATABASE_URL", None)
    # The artifacts media role's metrics port too; files from 6 MiB upload in 5 MiB parts (the S3 minimum), so the
    # browser's multipart path is exercised without huge files.
    env.update({"ARTIFACTS_MEDIA_METRICS_PORT": str(free_port()), "ARTIFACTS_MULTIPART_THRESHOLD_MB": "6",
                "ARTIFACTS_MULTIPART_PART_MB": "5"})
    # The notifications sender's metrics port and the local mail sink's SMTP port (`up` runs the sink on it).
    env.update({"NOTIFICATIONS_SENDER_METRICS_PORT": str(free_port()), "NOTIFICATIONS_SMTP_PORT": str(free_port())})
    for name in ("SKILLFOLIO_PRINCIPAL_PRIVATE_KEY", "SKILLFOLIO_PRINCIPAL_PUBLIC_KEY", "SKILLFOLIO_S3_ENDPOINT",
                 "SKILLFOLIO_MEDIA_URL_SECRET", "GATEWAY_SESSION_SECRET", "GATEWAY_HOST", "GATEWAY_PUBLIC_URL",
                 "GATEWAY_ROSTER_TARGET", "GATEWAY_SKILLS_TARGET", "GATEWAY_ARTIFACTS_TARGET",
                 "NOTIFICATIONS_SMTP_HOST", "NOTIFICATIONS_UNSUBSCRIBE_SECRET",
                 "GATEWAY_REFLECTIONS_TARGET", "GATEWAY_REPORTING_TARGET", "SKILLFOLIO_DISTRICT_SIGNING_KEY",
                 "SKILLFOLIO_DISTRICT_PUBLIC_KEY", "SKILLFOLIO_DISTRICT_URL"):
        env.pop(name, None)   # the embedded default: SQLite and files under var/, secrets generated by `up`
    output = workdir / "up.log"
    with open(output, "wb") as sink:
        process = subprocess.Popen([str(SKILLFOLIO), "up"], cwd=workdir, env=env, stdout=sink,
                                   stderr=subprocess.STDOUT)
    platform = Platform(url="", workdir=workdir, output=output, process=process, env=env)
    try:
        wait_until_ready(platform)
        wait_until_settled(platform)   # tests see the district as a person would once start-up work is done
        yield platform
    finally:
        if process.poll() is None:
            stop(platform)
