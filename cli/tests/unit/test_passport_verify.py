"""`skillfolio passport verify FILE` as an outside verifier runs it: the issuer's did:web document and status list
fetched over HTTP (a local server stands in for the district's gateway), or given as files; a good badge verifies,
a tampered one and a revoked one fail with the reason and exit 1."""
from __future__ import annotations

import datetime as dt
import http.server
import json
import threading

import pytest
from cryptography.hazmat.primitives import serialization
from typer.testing import CliRunner

from chassis.signing import DistrictKey, b64url, did_web
from chassis.vc import status
from chassis.vc.jwt import sign_credential
from reflections.domain.credentials import Badge, Issuer, badge_credential
from skillfolio_cli.main import app

NOW = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)


class District:
    """A district's published material served over HTTP: /.well-known/did.json and its status list."""

    def __init__(self) -> None:
        self.revoked: set[int] = set()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.key = DistrictKey.generate(did_web(self.url))
        self.issuer = Issuer(self.url, self.key.controller, "Test District")
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _handler(self):
        district = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                if self.path == "/.well-known/did.json":
                    body = json.dumps(district.key.did_document())
                elif self.path == status.LIST_PATH:
                    body = district.status_list()
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args):
                pass
        return Handler

    def status_list(self) -> str:
        return sign_credential(self.key, status.list_credential(self.issuer.status_list_url, self.issuer.profile(),
                                                                "2026-12-01T12:00:00Z", self.revoked))

    def badge(self, index: int) -> str:
        badge = Badge("b-1", "skill", "Effective Communicator", "Communicates well.", "A year of work.",
                      skill_id="skl-comm")
        return sign_credential(self.key, badge_credential(self.issuer, badge, [], f"c-{index}", "stu-1", NOW, index,
                                                          ["art-1"]))


@pytest.fixture
def district():
    found = District()
    yield found
    found.server.shutdown()


def run(*args: str):
    return CliRunner().invoke(app, ["passport", "verify", *args])


def test_a_badge_verifies_against_the_published_key_and_status_list(district, tmp_path):
    path = tmp_path / "badge.jwt"
    path.write_text(district.badge(3))
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert "Effective Communicator: VERIFIED" in result.output and "FAIL" not in result.output


def test_the_api_json_form_is_read_and_a_revoked_badge_fails_saying_so(district, tmp_path):
    path = tmp_path / "badge.json"
    path.write_text(json.dumps({"id": "c-5", "jwt": district.badge(5)}))
    district.revoked.add(5)
    result = run(str(path), "--json")
    assert result.exit_code == 1
    assert json.loads(result.output)["reasons"] == ["status: revoked by its issuer"]


def test_a_tampered_badge_fails_with_the_reason(district, tmp_path):
    head, body, signature = district.badge(1).split(".")
    claims = json.loads(__import__("base64").urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["vc"]["credentialSubject"]["id"] = "urn:uuid:someone-else"
    path = tmp_path / "forged.jwt"
    path.write_text(f"{head}.{b64url(json.dumps(claims).encode())}.{signature}")
    result = run(str(path))
    assert result.exit_code == 1
    assert "FAIL signature: the signature does not match" in result.output and "NOT VERIFIED" in result.output


def test_offline_with_the_key_and_status_list_as_files(district, tmp_path):
    pem = district.key.public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    (tmp_path / "district.pub").write_bytes(pem)
    (tmp_path / "list.jwt").write_text(district.status_list())
    (tmp_path / "badge.jwt").write_text(district.badge(2))
    district.server.shutdown()
    result = run(str(tmp_path / "badge.jwt"), "--key", str(tmp_path / "district.pub"),
                 "--status-list", str(tmp_path / "list.jwt"))
    assert result.exit_code == 0, result.output
    other = DistrictKey.generate()
    (tmp_path / "other.pub").write_bytes(other.public.public_bytes(serialization.Encoding.PEM,
                                                                   serialization.PublicFormat.SubjectPublicKeyInfo))
    result = run(str(tmp_path / "badge.jwt"), "--key", str(tmp_path / "other.pub"),
                 "--status-list", str(tmp_path / "list.jwt"))
    assert result.exit_code == 1 and "signature does not match" in result.output
