"""The platform started the way the README starts it (`skillfolio up`), in a private temp dir with free ports and
a fresh RabbitMQ vhost; tests read the printed URL and demo logins from its output, like a person would."""
from __future__ import annotations

import pathlib
from collections.abc import Iterator

import pytest
from e2e_platform import Platform, platform_env, running, time_for, wait_until_settled
from playwright.sync_api import Browser, expect, sync_playwright

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
    (``--dist loadgroup``), on one worker, scheduled first as they take longest, each with the time for one settled
    platform (``time_for``). The e2e tests that start no shared platform (their own `up`, a seed, the queue
    declarations) run on any worker meanwhile, a module to a worker (its module-scoped fixtures, such as
    test_up_seed's seeded var/, run once). The start-up output test reads what `up` printed before any test made
    requests, so it runs first of them (a stable sort: every other test keeps its order; the shutdown test, which
    stops the platform, stays last by file name)."""
    e2e = pathlib.Path(__file__).parent
    for item in items:
        if e2e in item.path.parents:
            shared = "platform" in item.fixturenames
            item.add_marker(pytest.mark.xdist_group("e2e" if shared else f"e2e-{item.path.stem}"))
            if shared:
                item.add_marker(time_for(settled=True))
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
    # Files from 6 MiB upload in 5 MiB parts (the S3 minimum), so the browser's multipart path is exercised without
    # huge files.
    workdir = tmp_path_factory.mktemp("skillfolio-up")
    env = platform_env(workdir, amqp_url, ARTIFACTS_MULTIPART_THRESHOLD_MB="6", ARTIFACTS_MULTIPART_PART_MB="5")
    with running(workdir, env) as platform:
        wait_until_settled(platform)   # tests see the district as a person would once start-up work is done
        yield platform
