"""`skillfolio up` end to end over HTTP and gRPC: readiness, the demo logins it printed, the API, the web login,
the secrets it generated, and that a roster port reached directly refuses calls without a gateway-signed principal."""
from __future__ import annotations

import re
import stat

import grpc
import httpx
import pytest

from chassis.context import Principal
from chassis.grpc.principal import METADATA_KEY, generate_keypair, sign_principal
from skillfolio.roster.v1 import roster_pb2, roster_pb2_grpc
from skillfolio_cli.platform import PROCESSES

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


def test_up_prints_url_and_one_login_per_role(platform):
    assert platform.url.startswith("http://127.0.0.1:")
    assert set(platform.logins) == {"teacher", "former teacher", "student", "guardian", "school admin",
                                    "district admin"}
    log = platform.log()
    for process in PROCESSES:   # every service's api and events roles, artifacts-media, gateway
        assert re.search(rf"{process.name}\s+started \(pid=\d+\)", log), process.name
    assert "seeded the demo student's portfolio: 8 artifacts" in log
    assert "seeded reflections, feedback, comments, assessments, a goal and a completed Defense of Learning" in log


def test_health_readiness_and_metrics(platform):
    assert httpx.get(f"{platform.url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{platform.url}/readyz")
    assert ready.status_code == 200
    assert ready.json()["services"] == {"roster": "serving", "skills": "serving", "artifacts": "serving",
                                        "reflections": "serving", "notifications": "serving",
                                        "reporting": "serving"}
    assert httpx.get(f"{platform.url}/metrics").status_code == 404   # not on the public port
    metrics = httpx.get(f"http://127.0.0.1:{platform.env['GATEWAY_METRICS_PORT']}/metrics").text
    assert "skillfolio_http_requests_total" in metrics


def test_embedded_default_files_are_private(platform):
    var = platform.workdir / "var"
    assert stat.S_IMODE(var.stat().st_mode) == 0o700
    for name in ("secrets.env", "demo-logins.txt"):
        assert stat.S_IMODE((var / name).stat().st_mode) == 0o600, name
    assert "SKILLFOLIO_MEDIA_URL_SECRET=" in (var / "secrets.env").read_text()
    for service in ("roster", "skills", "artifacts", "reflections"):
        assert (var / f"{service}.db").exists(), service
    assert (var / "media" / "artifacts").is_dir()
    logins_file = (var / "demo-logins.txt").read_text()
    for username, password, _ in platform.logins.values():
        assert username in logins_file and password in logins_file


def test_teacher_uses_the_api_with_the_printed_login(platform):
    username, password = platform.login("teacher")
    with httpx.Client(base_url=platform.url) as http:
        token = http.post("/api/v1/auth/token", data={"username": username, "password": password})
        assert token.status_code == 200
        headers = {"Authorization": f"Bearer {token.json()['access_token']}", "X-Correlation-Id": "e2e-teacher-1"}
        me = http.get("/api/v1/me", headers=headers)
        assert me.status_code == 200 and me.json()["roles"] == ["teacher"]
        assert me.headers["x-correlation-id"] == "e2e-teacher-1"
        groups = http.get(f"/api/v1/teachers/{me.json()['id']}/students", headers=headers).json()["items"]
        assert groups and all(group["students"] for group in groups)
        student = groups[0]["students"][0]
        assert http.get(f"/api/v1/people/{student['id']}", headers=headers).status_code == 200
        schools = http.get("/api/v1/schools", headers=headers).json()["items"]
        assert len(schools) == 3


def test_web_login_and_logout_over_http(platform):
    username, password = platform.login("guardian")
    with httpx.Client(base_url=platform.url) as http:
        form = http.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        reply = http.post("/login", data={"username": username, "password": password, "csrf_token": token})
        assert reply.status_code == 303
        home = http.get("/")
        # the children block, in whichever language the guardian's preference says (a browser test may switch it)
        assert home.status_code == 200 and 'id="children-title"' in home.text
        token = re.search(r'name="csrf_token" value="([^"]+)"', home.text).group(1)
        copied = dict(http.cookies)
        assert http.post("/logout", data={"csrf_token": token}).status_code == 303
        assert http.get("/").status_code == 303
    with httpx.Client(base_url=platform.url, cookies=copied) as replay:     # the embedded session store's record
        assert replay.get("/").status_code == 303                          # was revoked: a copied cookie is dead


def test_roster_port_refuses_calls_without_a_gateway_signed_principal(platform):
    """Reaching the service's port is not enough to impersonate a user (ARCHITECTURE.md)."""
    with grpc.insecure_channel(f"127.0.0.1:{platform.env['ROSTER_GRPC_PORT']}") as channel:
        roster = roster_pb2_grpc.RosterServiceStub(channel)
        with pytest.raises(grpc.RpcError) as unsigned:
            roster.ListSchools(roster_pb2.ListSchoolsRequest(), timeout=5)
        assert unsigned.value.code() == grpc.StatusCode.UNAUTHENTICATED
        forged = sign_principal(Principal("anyone", ("district_admin",)), generate_keypair()[0])
        with pytest.raises(grpc.RpcError) as wrong_key:
            roster.ListSchools(roster_pb2.ListSchoolsRequest(), metadata=[(METADATA_KEY, forged)], timeout=5)
        assert wrong_key.value.code() == grpc.StatusCode.UNAUTHENTICATED
