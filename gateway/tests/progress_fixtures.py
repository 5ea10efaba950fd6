"""Fixtures of the goals, milestones and growth tests (import them into a test module): the panel rubric in the
skills service, a ``sync`` that feeds the reflections replicas, and REST helpers as the district's people."""
from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from gateway_testkit import api_token, bearer
from progress_feed import define_panel_rubric, feed, give_skill_the_scale
from sqlalchemy import Engine

from chassis.db import make_engine


@pytest.fixture(scope="session")
def roster_engine(pg_database_url) -> Iterator[Engine]:
    engine = make_engine(pg_database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def panel_rubric(skills_app, district, skill_ids) -> tuple[str, str]:
    """(scale id, rubric id) of the "Defense of Learning" rubric; Effective Communicator is on that scale."""
    return define_panel_rubric(skills_app, district, skill_ids["communicator"])


@pytest.fixture
def sync(reflections_app, artifacts_app, skills_app, roster_engine, panel_rubric, skill_ids) -> Callable[[], int]:
    """Feed the reflections replicas what its worker would have received by now. Effective Communicator is put
    (back) on the panel scale first: other modules' fixtures put the session's shared skill on their own scales."""
    give_skill_the_scale(skills_app, skill_ids["communicator"], panel_rubric[0])

    def run() -> int:
        return feed(reflections_app, artifacts_app, skills_app, roster_engine)
    run()
    return run


class As:
    """The REST API as one of the district's people (a bearer token)."""

    def __init__(self, client: TestClient, district, username: str) -> None:
        self.client, self.headers = client, bearer(api_token(client, *district.login(username)))

    def call(self, method: str, path: str, expect: int = 200, **kwargs) -> dict:
        reply = self.client.request(method, path, headers=self.headers, **kwargs)
        assert reply.status_code == expect, reply.text
        return reply.json() if reply.content else {}

    def add_link(self, student_id: str, skill_id: str, year_id: str = "", title: str = "") -> str:
        return self.call("POST", f"/api/v1/students/{student_id}/artifacts", 201, json={
            "title": title or f"Work {uuid.uuid4().hex[:6]}", "kind": "link", "link_url": "https://example.org/w",
            "skill_ids": [skill_id], "school_year_id": year_id})["artifact"]["id"]


@pytest.fixture
def people(client, district) -> Callable[[str], As]:
    return lambda username: As(client, district, username)
