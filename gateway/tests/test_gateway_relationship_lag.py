"""A relation the roster has and the services' roster replicas have not received yet, through the REST API and a
web page, against real roster, artifacts and reflections servers: a teacher enrolled (or a guardian added) moments
ago gets 503 NOT_YET_REPLICATED with Retry-After from artifacts and reflections (they asked the roster before
refusing), never 403; once the replicas catch up, 200; a teacher with no relation stays refused (403)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from gateway_testkit import api_token, bearer, web_login
from relationship_kit import Relations

pytestmark = pytest.mark.integration


@pytest.fixture
def relations(pg_database_url, district, artifacts_app, reflections_app) -> Iterator[Relations]:
    kit = Relations(pg_database_url, district, artifacts_app, reflections_app).create()
    yield kit
    kit.remove()


def _as(client, relations: Relations, who: str) -> dict[str, str]:
    return bearer(api_token(client, *relations.logins[who]))


def _retryable(reply) -> None:
    assert reply.status_code == 503, reply.text
    assert reply.headers["Retry-After"] == "1"
    assert reply.json()["error"]["code"] == "NOT_YET_REPLICATED"
    assert "has not reached this service yet" in reply.json()["error"]["message"]


def _refused(reply) -> None:
    assert reply.status_code == 403, reply.text
    assert "Retry-After" not in reply.headers


def test_a_teacher_enrolled_moments_ago_is_told_to_retry_not_refused(client, relations, skill_ids):
    teacher, student = _as(client, relations, "teacher"), relations.ids["student"]
    portfolio, goals = f"/api/v1/students/{student}/artifacts", f"/api/v1/students/{student}/goals"
    link = {"title": "Fractions poster", "kind": "link", "link_url": "https://example.org/poster",
            "skill_ids": [skill_ids["communicator"]]}
    _retryable(client.get(portfolio, headers=teacher))                 # artifacts
    _retryable(client.post(portfolio, headers=teacher, json=link))     # artifacts, a create: nothing written
    _retryable(client.get(goals, headers=teacher))                     # reflections

    relations.catch_up()
    assert client.get(portfolio, headers=teacher).status_code == 200
    assert client.post(portfolio, headers=teacher, json=link).status_code == 201
    assert client.get(goals, headers=teacher).status_code == 200


def test_a_guardian_added_moments_ago_is_told_to_retry_not_refused(client, relations):
    guardian, student = _as(client, relations, "guardian"), relations.ids["student"]
    portfolio, goals = f"/api/v1/students/{student}/artifacts", f"/api/v1/students/{student}/goals"
    _retryable(client.get(portfolio, headers=guardian))
    _retryable(client.get(goals, headers=guardian))
    _refused(client.post(portfolio, headers=guardian, json={"title": "Mine", "kind": "link",
                                                            "link_url": "https://example.org/", "skill_ids": ["x"]}))

    relations.catch_up()
    assert client.get(portfolio, headers=guardian).status_code == 200
    assert client.get(goals, headers=guardian).status_code == 200


def test_a_teacher_with_no_relation_is_still_refused(client, relations, district):
    stranger = _as(client, relations, "stranger")
    for student in (relations.ids["student"], district.ids["amy"]):
        _refused(client.get(f"/api/v1/students/{student}/artifacts", headers=stranger))
        _refused(client.get(f"/api/v1/students/{student}/goals", headers=stranger))
    relations.catch_up()
    _refused(client.get(f"/api/v1/students/{relations.ids['student']}/artifacts", headers=stranger))


def test_the_portfolio_page_says_still_syncing_then_opens(make_client, relations):
    browser = make_client()
    assert web_login(browser, *relations.logins["teacher"]).status_code == 303
    page = f"/students/{relations.ids['student']}"
    waiting = browser.get(page)
    assert waiting.status_code == 503 and waiting.headers["Retry-After"] == "1"
    assert "Still syncing" in waiting.text and "not allowed" not in waiting.text.lower()

    relations.catch_up()
    opened = browser.get(page)
    assert opened.status_code == 200 and relations.tag in opened.text      # the student's family name
