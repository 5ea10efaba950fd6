"""Showcases through the gateway against real servers: the access matrix as a table (REST), the student's showcase
built and reordered, a deleted artifact dropping out, bad input naming the field, the pages, and external links
opened without a login (only the showcase; a revoked or expired link refused, on a clock shared with the artifacts
service and advanced, never slept on)."""
from __future__ import annotations

import datetime as dt

import pytest
from gateway_testkit import OffsetClock, csrf_from, web_login
from progress_fixtures import As, people, roster_engine, sync  # noqa: F401  (fixtures)

from artifacts import bootstrap as artifacts_bootstrap
from artifacts.entrypoints import grpc_api as artifacts_grpc

pytestmark = pytest.mark.integration

# Y = allowed (the route's success status); N = 403, the same answer as for a showcase that does not exist.
# "shared": Amy's showcase is shared with her guardians; "private": it is not.
MATRIX = """
user    relationship           | list create get-private get-shared update link
aadams  the-student            |  Y     Y       Y           Y         Y     Y
tlee    teaches-her-now        |  Y     Y       Y           Y         Y     Y
gadams  her-guardian           |  Y     N       N           Y         N     N
tkim    other-teacher          |  N     N       N           N         N     N
cclark  classmate-last-term    |  N     N       N           N         N     N
bbrown  classmate              |  N     N       N           N         N     N
sshaw   school-admin           |  N     N       N           N         N     N
ddunn   district-admin         |  N     N       N           N         N     N
"""
HEADER, *ROWS = [line.split("|") for line in MATRIX.strip().splitlines()]
ACTIONS = HEADER[1].split()
CELLS = [(who.split()[0], action, allowed == "Y")
         for who, marks in ROWS for action, allowed in zip(ACTIONS, marks.split(), strict=True)]


def showcase_body(artifact_ids, **more) -> dict:
    return {"title": "My best work", "introduction": "Hello", "audience": "family", "artifact_ids": artifact_ids,
            **more}


@pytest.fixture
def amy_work(people, district, skill_ids) -> tuple[str, list[str], str, str]:
    """Amy's id, three pieces of her work, a private showcase of two and one shared with her guardians."""
    amy_id, amy = district.ids["amy"], people("aadams")
    work = [amy.add_link(amy_id, skill_ids["communicator"], title=f"Showcase piece {n}") for n in range(3)]
    private = amy.call("POST", f"/api/v1/students/{amy_id}/showcases", 201, json=showcase_body(work[:2]))
    shared = amy.call("POST", f"/api/v1/students/{amy_id}/showcases", 201,
                      json=showcase_body(work[2:], share_with_guardians=True))
    return amy_id, work, private["id"], shared["id"]


@pytest.mark.parametrize("username, action, allowed", CELLS, ids=[f"{u}-{a}" for u, a, _ in CELLS])
def test_showcase_access_matrix(people, amy_work, username, action, allowed):
    amy_id, work, private, shared = amy_work
    who = people(username)
    method, path, body, success = {
        "list": ("GET", f"/api/v1/students/{amy_id}/showcases", None, 200),
        "create": ("POST", f"/api/v1/students/{amy_id}/showcases", showcase_body(work[:1]), 201),
        "get-private": ("GET", f"/api/v1/showcases/{private}", None, 200),
        "get-shared": ("GET", f"/api/v1/showcases/{shared}", None, 200),
        "update": ("PUT", f"/api/v1/showcases/{private}", showcase_body(work[::-1]), 200),
        "link": ("POST", f"/api/v1/showcases/{private}/links", {"valid_days": 3}, 201),
    }[action]
    reply = who.client.request(method, path, headers=who.headers, json=body)
    assert reply.status_code == (success if allowed else 403), reply.text
    if not allowed and action.startswith("get"):
        missing = who.client.get("/api/v1/showcases/no-such-showcase", headers=who.headers)
        assert (missing.status_code, missing.json()["error"]["message"]) == (403, reply.json()["error"]["message"])
    if allowed and action == "list" and username == "gadams":
        seen = [s["id"] for s in reply.json()["items"]]
        assert shared in seen and private not in seen                     # never a private one
        assert all(s["share_with_guardians"] for s in reply.json()["items"])


def test_a_showcase_is_reordered_and_a_deleted_artifact_drops_out(people, amy_work):
    amy_id, work, private, _ = amy_work
    amy = people("aadams")
    reordered = people("tlee").call("PUT", f"/api/v1/showcases/{private}", json=showcase_body(
        [work[1], work[0], work[2]], audience="application"))
    assert [i["artifact_id"] for i in reordered["items"]] == [work[1], work[0], work[2]]
    assert reordered["audience"] == "application" and reordered["viewer_can"] == {"curate": True, "share": True}
    amy.call("DELETE", f"/api/v1/artifacts/{work[0]}", 204)
    assert [i["artifact_id"] for i in amy.call("GET", f"/api/v1/showcases/{private}")["items"]] == [work[1], work[2]]
    amy.call("DELETE", f"/api/v1/showcases/{private}", 204)
    amy.call("GET", f"/api/v1/showcases/{private}", 403)


def test_a_create_repeated_under_one_idempotency_key_makes_one_showcase(people, amy_work):
    amy_id, work, _, _ = amy_work
    amy = people("aadams")
    path, headers = f"/api/v1/students/{amy_id}/showcases", {**amy.headers, "Idempotency-Key": "showcase-once"}
    first = amy.client.post(path, headers=headers, json=showcase_body(work[:1], title="Once"))
    again = amy.client.post(path, headers=headers, json=showcase_body(work[:1], title="Once"))
    assert (first.status_code, again.status_code) == (201, 201) and first.json()["id"] == again.json()["id"]
    titles = [s["title"] for s in amy.call("GET", path)["items"]]
    assert titles.count("Once") == 1
    other = amy.client.post(path, headers=headers, json=showcase_body(work[:1], title="Twice"))
    assert other.status_code == 422 and "Idempotency-Key" in other.text


def test_bad_input_names_the_field(people, district, amy_work):
    amy_id, work, private, _ = amy_work
    amy = people("aadams")
    problems = amy.call("POST", f"/api/v1/students/{amy_id}/showcases", 422, json=showcase_body(
        work, audience="museum"))["error"]["problems"]
    assert problems[0]["field"] == "audience"
    foreign = amy.call("POST", f"/api/v1/students/{amy_id}/showcases", 422, json=showcase_body(
        [work[0], "not-an-artifact"]))["error"]["problems"]
    assert [p["field"] for p in foreign] == ["artifact_ids"]
    assert amy.call("POST", f"/api/v1/showcases/{private}/links", 422,
                    json={"valid_days": 91})["error"]["problems"][0]["field"] == "valid_days"


@pytest.fixture
def clocked(make_client, artifacts_app, platform):
    """A gateway and an artifacts server sharing a clock a test advances (over the session's artifacts database)."""
    clock = OffsetClock()
    app = artifacts_bootstrap.build(artifacts_app.settings, clock=clock.utc_now, platform=platform,
                                    roster=artifacts_app.roster)
    handle = artifacts_grpc.start(app.settings, app=app, platform=platform, metrics=False)
    yield clock, lambda: make_client(clock=clock, artifacts_target=f"127.0.0.1:{handle.port}")
    handle.stop(grace=1)
    app.close()


def test_the_pages_build_a_showcase_and_its_link_shows_only_the_showcase(clocked, district, people, skill_ids):
    clock, new_client = clocked
    amy_id, amy = district.ids["amy"], people("aadams")
    chosen = [amy.add_link(amy_id, skill_ids["communicator"], title=f"Chosen <{n}>") for n in range(2)]
    amy.add_link(amy_id, skill_ids["communicator"], title="Not for the showcase")
    client = new_client()
    web_login(client, *district.login("aadams"))
    page = client.get(f"/students/{amy_id}/showcases")
    assert page.status_code == 200 and "<h1>My showcases</h1>" in page.text
    made = client.post(f"/students/{amy_id}/showcases", data={
        "csrf_token": csrf_from(page.text), "title": "For my grandparents", "introduction": "Look!",
        "audience": "family", "artifact_ids": chosen, f"position-{chosen[0]}": "2", f"position-{chosen[1]}": "1"})
    assert made.status_code == 303, made.text
    showcase_path = made.headers["location"].split("?")[0]
    shown = client.get(showcase_path)
    assert shown.text.index("Chosen &lt;1&gt;") < shown.text.index("Chosen &lt;0&gt;")
    linked = client.post(f"{showcase_path}/links", data={"csrf_token": csrf_from(shown.text), "valid_days": "2"})
    assert linked.status_code == 201
    url = linked.text.split('id="new-link" class="copy" readonly value="', 1)[1].split('"', 1)[0]
    path = "/showcase-links/" + url.rsplit("/showcase-links/", 1)[1]
    stranger = new_client()
    public = stranger.get(path)
    assert public.status_code == 200 and "For my grandparents" in public.text and "Chosen &lt;0&gt;" in public.text
    assert "Not for the showcase" not in public.text and "Amy" not in public.text
    assert stranger.get(f"/students/{amy_id}").status_code in (302, 303, 307)       # nothing else opens
    clock.advance(dt.timedelta(days=2, seconds=1).total_seconds())
    assert stranger.get(path).status_code == 410
    bad = stranger.get("/showcase-links/not-a-token")
    assert bad.status_code == 404


def test_a_revoked_link_is_refused(people, amy_work, client):
    _, _, private, _ = amy_work
    amy = people("aadams")
    made = amy.call("POST", f"/api/v1/showcases/{private}/links", 201, json={"valid_days": 5})
    path = "/showcase-links/" + made["url"].rsplit("/showcase-links/", 1)[1]
    assert client.get(path).status_code == 200
    revoked = amy.call("POST", f"/api/v1/showcases/{private}/links/{made['link']['id']}/revoke")
    assert revoked["revoked_at"] and not revoked["live"]
    assert client.get(path).status_code == 410
    listed = amy.call("GET", f"/api/v1/showcases/{private}")["links"]
    assert [(k["id"], k["live"]) for k in listed] == [(made["link"]["id"], False)]
