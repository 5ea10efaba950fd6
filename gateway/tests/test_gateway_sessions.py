"""Sessions have a server-side record, over the real services: logout ends a copied cookie or token, sign out
everywhere ends all of a person's sessions, a deactivated person is refused by the services and signed out, and a
password change ends the sessions from before it."""
from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import grpc
import pytest
from account_kit import Accounts
from gateway_testkit import api_token, bearer, csrf_from, web_login

from chassis.context import Principal
from chassis.grpc.principal import METADATA_KEY as PRINCIPAL_KEY
from chassis.grpc.principal import sign_principal
from gateway.app import SESSION_COOKIE
from skillfolio.artifacts.v1 import artifacts_pb2, artifacts_pb2_grpc
from skillfolio.reflections.v1 import reflections_pb2, reflections_pb2_grpc
from skillfolio.roster.v1 import roster_pb2, roster_pb2_grpc
from skillfolio.skills.v1 import skills_pb2, skills_pb2_grpc

pytestmark = pytest.mark.integration
INACTIVE = "account inactive"


@pytest.fixture
def accounts(pg_database_url, district, artifacts_app, reflections_app, skills_app) -> Iterator[Accounts]:
    accounts = Accounts(pg_database_url, district, artifacts_app, reflections_app, skills_app)
    yield accounts
    accounts.remove_all()


def _signed_in(client, username: str, password: str) -> str:
    """Log ``client`` in through the web form; returns the session cookie's value (a copy an attacker could keep)."""
    assert web_login(client, username, password).status_code == 303
    return client.cookies[SESSION_COOKIE]


def _with_cookie(client, cookie: str):
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, cookie)
    return client


def _link(title: str, skill: str) -> dict:
    return {"title": title, "description": "", "kind": "link", "skill_ids": [skill],
            "link_url": "https://example.org/x"}


def test_a_cookie_copied_before_logout_does_not_work_after_it(make_client, district):
    client = make_client()
    copied = _signed_in(client, *district.login("tlee"))
    home = client.get("/")
    assert home.status_code == 200
    assert client.post("/logout", data={"csrf_token": csrf_from(home.text)}).status_code == 303

    replay = _with_cookie(client, copied)
    assert replay.get("/").status_code == 303                       # to the login page
    assert replay.get("/api/v1/me").status_code == 401


def test_a_bearer_token_logged_out_is_refused(client, district):
    token = api_token(client, *district.login("tlee"))
    other = api_token(client, *district.login("tlee"))
    assert client.get("/api/v1/me", headers=bearer(token)).status_code == 200
    assert client.post("/api/v1/auth/logout", headers=bearer(token)).status_code == 204
    refused = client.get("/api/v1/me", headers=bearer(token))
    assert refused.status_code == 401 and "revoked" in refused.json()["error"]["message"]
    assert client.get("/api/v1/me", headers=bearer(other)).status_code == 200     # only that one session ended


def test_sign_out_everywhere_from_the_api_ends_every_session(make_client, district):
    phone, laptop = make_client(), make_client()
    token = api_token(phone, *district.login("bbrown"))
    _signed_in(laptop, *district.login("bbrown"))
    someone_else = api_token(phone, *district.login("aadams"))

    assert phone.post("/api/v1/auth/logout-everywhere", headers=bearer(token)).status_code == 204
    assert phone.get("/api/v1/me", headers=bearer(token)).status_code == 401
    assert laptop.get("/api/v1/me").status_code == 401
    assert laptop.get("/").status_code == 303
    assert phone.get("/api/v1/me", headers=bearer(someone_else)).status_code == 200
    fresh = api_token(phone, *district.login("bbrown"))                              # logging in again works
    assert phone.get("/api/v1/me", headers=bearer(fresh)).status_code == 200


def test_sign_out_everywhere_button_on_every_page(make_client, district):
    browser, elsewhere = make_client(), make_client()
    _signed_in(browser, *district.login("cclark"))
    token = api_token(elsewhere, *district.login("cclark"))
    home = browser.get("/")
    assert re.search(r'<form method="post" action="/logout/everywhere"', home.text)
    assert ">Sign out everywhere</button>" in home.text
    reply = browser.post("/logout/everywhere", data={"csrf_token": csrf_from(home.text)})
    assert reply.status_code == 303 and reply.headers["location"] == "/login?logged_out=1"
    assert browser.get("/").status_code == 303
    assert elsewhere.get("/api/v1/me", headers=bearer(token)).status_code == 401


def test_sign_out_everywhere_with_the_cookie_needs_the_csrf_header(make_client, district):
    client = make_client()
    _signed_in(client, *district.login("ddiaz"))
    assert client.post("/api/v1/auth/logout-everywhere").status_code == 403
    assert client.get("/api/v1/me").status_code == 200


def test_a_deactivated_person_is_refused_and_signed_out(make_client, accounts, skill_ids):
    account = accounts.new_student()
    browser, script = make_client(), make_client()
    _signed_in(browser, account.username, account.password)
    token = bearer(api_token(script, account.username, account.password))
    url, skill = f"/api/v1/students/{account.person_id}/artifacts", skill_ids["communicator"]
    assert script.post(url, headers=token, json=_link(f"Before {uuid.uuid4().hex}", skill)).status_code == 201

    accounts.deactivate(account)                     # a roster import deactivates them; the replicas hear of it
    refused = script.post(url, headers=token, json=_link("After", skill))
    assert refused.status_code == 401 and refused.json()["error"]["message"].startswith(INACTIVE), refused.text
    # the refusal ended every session of theirs, including the web session that has not called a service since
    again = script.get(url, headers=token)
    assert again.status_code == 401 and "revoked" in again.json()["error"]["message"]
    assert browser.get("/api/v1/me").status_code == 401
    assert browser.get("/").status_code == 303


@pytest.mark.parametrize("service", ["roster", "skills", "artifacts", "reflections"])
def test_every_service_refuses_a_deactivated_principal(service, accounts, keys, district, request):
    """Whatever the gateway does, each service refuses a signed principal whose account its records say is
    inactive (here with a token the gateway's key signed, as a session it has not revoked yet would carry)."""
    account = accounts.new_student()
    calls = {"roster": ("roster_target", roster_pb2_grpc.RosterServiceStub, "GetPerson",
                        roster_pb2.GetPersonRequest(person_id=account.person_id)),
             "skills": ("skills_target", skills_pb2_grpc.SkillsServiceStub, "ListSkills",
                        skills_pb2.ListSkillsRequest(district_id=district.ids["district"])),
             "artifacts": ("artifacts_target", artifacts_pb2_grpc.ArtifactsServiceStub, "ListPortfolio",
                           artifacts_pb2.ListPortfolioRequest(student_id=account.person_id)),
             "reflections": ("reflections_target", reflections_pb2_grpc.ReflectionsServiceStub, "ListPrompts",
                             reflections_pb2.ListPromptsRequest())}
    target, stub_class, method, message = calls[service]
    metadata = [(PRINCIPAL_KEY, sign_principal(Principal(account.person_id, ("student",)), keys[0]))]
    with grpc.insecure_channel(request.getfixturevalue(target)) as channel:
        call = getattr(stub_class(channel), method)
        call(message, metadata=metadata, timeout=5)                          # active: answered
        accounts.deactivate(account)
        with pytest.raises(grpc.RpcError) as refused:
            call(message, metadata=metadata, timeout=5)
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert refused.value.details().startswith(INACTIVE)


def test_the_roster_refuses_a_deactivated_person_before_any_replica_hears_of_it(client, accounts):
    account = accounts.new_student()
    token = bearer(api_token(client, account.username, account.password))
    assert client.get("/api/v1/me", headers=token).status_code == 200
    accounts.deactivate(account, replicas=False)
    refused = client.get("/api/v1/me", headers=token)
    assert refused.status_code == 401 and refused.json()["error"]["message"].startswith(INACTIVE)


def test_a_person_the_replicas_do_not_know_yet_is_not_refused(client, accounts):
    account = accounts.new_student(replicas=False)        # active in the roster; no replica has heard of them
    token = bearer(api_token(client, account.username, account.password))
    reply = client.get(f"/api/v1/students/{account.person_id}/artifacts", headers=token)
    assert reply.status_code == 200, reply.text


def test_a_password_change_ends_the_sessions_from_before_it(make_client, accounts):
    account = accounts.new_student()
    browser, script = make_client(), make_client()
    _signed_in(browser, account.username, account.password)
    token = bearer(api_token(script, account.username, account.password))
    assert script.get("/api/v1/me", headers=token).status_code == 200

    accounts.change_password(account)                # e.g. an operator resets a compromised password
    refused = script.get("/api/v1/me", headers=token)
    assert refused.status_code == 401 and refused.json()["error"]["message"].startswith("password changed")
    assert browser.get("/").status_code == 303       # the web session was revoked with it
    fresh = bearer(api_token(script, account.username, account.password))   # the new password works
    assert script.get("/api/v1/me", headers=fresh).status_code == 200
    _signed_in(browser, account.username, account.password)
    assert browser.get("/").status_code == 200


def test_the_check_at_use_ends_a_session_whose_requests_reach_no_roster_call(make_client, accounts):
    account = accounts.new_student()
    client = make_client(standing_check_seconds=0)            # the roster is asked on every request
    token = bearer(api_token(client, account.username, account.password))
    portfolio = f"/api/v1/students/{account.person_id}/artifacts"     # served by the artifacts service alone
    assert client.get(portfolio, headers=token).status_code == 200
    accounts.deactivate(account, replicas=False)               # the artifacts replica has not heard of it yet
    refused = client.get(portfolio, headers=token)
    assert refused.status_code == 401 and refused.json()["error"]["message"].startswith(INACTIVE)
    assert client.get(portfolio, headers=token).status_code == 401      # and the token stays revoked
