"""`skillfolio passport import` against a gateway serving HTTP over the same real services as the REST tests. Amy's
passport, exported by a privacy officer and sealed by a sending district's key (`passport transfer`'s sealing), is
imported for Ben: his portfolio holds her artifacts read-only, labelled with their origin, skills mapped, the file's
bytes in the store; running the import again records nothing twice; a tampered or untrusted package is refused
with the reason and writes nothing."""
from __future__ import annotations

import io
import json
import re
import uuid
import zipfile

import pytest
from gateway_testkit import api_token, bearer, csrf_from, served, web_login
from PIL import Image
from progress_fixtures import roster_engine  # noqa: F401  (fixture)
from test_gateway_passport_cli import roster_env  # noqa: F401  (fixture)
from test_gateway_upload_flow import _judge
from typer.testing import CliRunner

from chassis.signing import DistrictKey
from chassis.transfer import seal_file
from skillfolio_cli.main import app

pytestmark = pytest.mark.integration
SENDER = DistrictKey.generate("did:web:sender.example")
STRANGER = DistrictKey.generate("did:web:stranger.example")
REASON = "Records request 2026-77 (transfer from Sender County)"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def _amy_makes_a_photo_and_a_link(client, district, skill_ids, artifacts_app, tag: str) -> bytes:
    amy = bearer(api_token(client, *district.login("aadams")))
    picture = _png()
    made = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=amy, json={
        "title": f"Pond photo {tag}", "kind": "image", "skill_ids": [skill_ids["thinker"]],
        "file": {"name": "pond.png", "content_type": "image/png", "size_bytes": len(picture)}}).json()
    assert client.put(made["upload"]["url"], content=picture, headers=made["upload"]["headers"]).status_code == 201
    assert client.post(f"/api/v1/artifacts/{made['artifact']['id']}/versions/1/complete", headers=amy,
                       json={"part_etags": []}).status_code == 200
    assert _judge(artifacts_app, made["artifact"]["id"]) == "ready"        # exported with its file
    link = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=amy, json={
        "title": f"Pond blog {tag}", "kind": "link", "skill_ids": [skill_ids["thinker"]],
        "link_url": "https://example.org/pond"})
    assert link.status_code == 201, link.text
    return picture


def _imported(client, district, tag: str) -> list[dict]:
    """Ben's imported artifacts of this test."""
    ben = bearer(api_token(client, *district.login("bbrown")))
    page = client.get(f"/api/v1/students/{district.ids['ben']}/artifacts", headers=ben, params={"page_size": 1000})
    assert page.status_code == 200, page.text
    return [a for a in page.json()["items"] if a["origin"] and a["title"].endswith(tag)]


def _import(url: str, district, package, *more: str):
    return CliRunner().invoke(app, ["passport", "import", str(package), "--student", "ben", "--reason", REASON,
                                    "--url", url, "--username", "tkim", "--quiet", *more],
                              input=district.passwords["tkim"] + "\n")


def _tampered(package, out):
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, data[:-1] + b"!" if info.filename.startswith("media/") else data)
    return out


@pytest.fixture
def officer(roster_env):
    """Tom Kim is a privacy officer for the test (he signs in again for it to take effect)."""
    runner = CliRunner()
    granted = runner.invoke(app, ["roster", "privacy-officer", "grant", "tkim", "--reason", "Records officer"])
    assert granted.exit_code == 0, granted.output
    yield "tkim"
    revoked = runner.invoke(app, ["roster", "privacy-officer", "revoke", "tkim", "--reason", "Done"])
    assert revoked.exit_code == 0, revoked.output


@pytest.fixture
def trusting(gateway_platform, tmp_path):
    """The gateway's platform settings, trusting the sending district (its JWKS saved by an operator)."""
    trusted = tmp_path / "sender-jwks.json"
    trusted.write_text(json.dumps(SENDER.jwks()))
    return gateway_platform.model_copy(update={"trusted_districts": str(trusted)})


def _package(client, district, tmp_path, key=SENDER, name="Sender County"):
    """Amy's passport exported by the privacy officer (REST, audited), sealed by a sending district's key."""
    officer = bearer(api_token(client, *district.login("tkim")))
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/passport", headers=officer, json={"reason": REASON})
    assert reply.status_code == 200, reply.text
    (tmp_path / "amy.zip").write_bytes(reply.content)
    package = tmp_path / f"{name.split()[0].lower()}.zip"
    seal_file(tmp_path / "amy.zip", package, key=key, district_name=name)
    return package


def test_a_privacy_officer_imports_another_districts_package_once_and_refuses_a_tampered_one(
        officer, trusting, make_app, client, district, skill_ids, artifacts_app, tmp_path):
    tag = uuid.uuid4().hex[:8]
    picture = _amy_makes_a_photo_and_a_link(client, district, skill_ids, artifacts_app, tag)
    package = _package(client, district, tmp_path)
    stranger = _package(client, district, tmp_path, STRANGER, "Elsewhere")
    with served(make_app(trusting)) as url:
        refused = _import(url, district, _tampered(package, tmp_path / "tampered.zip"))
        assert refused.exit_code == 2 and "does not match its digest" in refused.output, refused.output
        untrusted = _import(url, district, stranger)
        assert untrusted.exit_code == 2 and "not a trusted district" in untrusted.output, untrusted.output
        assert _imported(client, district, tag) == []                           # nothing written by either

        done = _import(url, district, package)
        assert done.exit_code == 0, done.output
        assert "from Sender County for student ben" in done.output
        assert int(re.search(r"(\d+) files sent", done.output).group(1)) >= 1, done.output
        again = _import(url, district, package)
        assert again.exit_code == 0 and "0 files sent" in again.output, again.output

    found = {a["title"]: a for a in _imported(client, district, tag)}
    assert len(_imported(client, district, tag)) == 2                            # once each, however often imported
    assert set(found) == {f"Pond photo {tag}", f"Pond blog {tag}"}
    photo, blog = found[f"Pond photo {tag}"], found[f"Pond blog {tag}"]
    assert photo["origin"]["district_id"] == "did:web:sender.example"
    assert photo["origin"]["district_name"] == "Sender County"
    assert photo["skill_ids"] == [skill_ids["thinker"]] and photo["origin"]["skill_labels"] == []
    assert blog["link_url"] == "https://example.org/pond" and blog["added_by_role"] == "imported"
    assert _judge(artifacts_app, photo["id"]) == "ready"                         # the media role checks the bytes
    ben = bearer(api_token(client, *district.login("bbrown")))
    shown = client.get(f"/api/v1/artifacts/{photo['id']}", headers=ben).json()
    arrived = Image.open(io.BytesIO(client.get(shown["versions"][0]["download_url"]).content))
    assert arrived.tobytes() == Image.open(io.BytesIO(picture)).tobytes()        # the checked copy of its pixels
    assert client.patch(f"/api/v1/artifacts/{photo['id']}", headers=ben,
                        json={"title": "mine now"}).status_code == 409          # read-only
    year = photo["origin"]["school_year"]
    assert year and photo["origin"]["school_year_start"]                       # the sender's year, for the growth view
    web_login(client, *district.login("bbrown"))
    page = client.get(f"/students/{photo['student_id']}")
    assert f"From Sender County, read-only · {year}" in page.text               # labelled in his portfolio


def test_the_records_requests_page_imports_a_package_and_keeps_the_form_when_one_is_refused(
        officer, trusting, make_client, client, district, skill_ids, artifacts_app, tmp_path):
    tag = uuid.uuid4().hex[:8]
    _amy_makes_a_photo_and_a_link(client, district, skill_ids, artifacts_app, tag)
    package = _package(client, district, tmp_path)
    web = make_client(trusting)
    assert web_login(web, *district.login("tkim")).status_code == 303
    page = web.get("/privacy")
    assert page.status_code == 200 and 'action="/privacy/imports"' in page.text
    token = csrf_from(page.text)

    def post(path, student="ben"):
        return web.post("/privacy/imports", data={"csrf_token": token, "student": student, "reason": REASON},
                        files={"package": (path.name, path.read_bytes(), "application/zip")})
    refused = post(_tampered(package, tmp_path / "tampered.zip"))
    assert refused.status_code == 422 and "does not match its digest" in refused.text
    assert 'href="#package"' in refused.text and 'value="ben"' in refused.text and REASON in refused.text
    unknown = post(package, student="nobody-here")
    assert unknown.status_code == 422 and 'href="#import_student"' in unknown.text
    assert _imported(client, district, tag) == []

    done = post(package)
    assert done.status_code == 200, done.text
    assert re.search(r"\d+ artifacts from Sender County are now in the portfolio of student ben", done.text)
    assert len(_imported(client, district, tag)) == 2
    teacher = make_client(trusting)
    assert web_login(teacher, *district.login("tlee")).status_code == 303
    assert teacher.post("/privacy/imports", data={"csrf_token": csrf_from(teacher.get("/").text), "student": "ben",
                                                  "reason": REASON},
                        files={"package": ("p.zip", package.read_bytes(), "application/zip")}).status_code == 403
