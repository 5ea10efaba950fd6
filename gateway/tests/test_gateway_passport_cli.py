"""`skillfolio passport export` against a gateway serving HTTP over the same real services as the REST tests: the
operator, signed in as Amy's guardian, downloads her passport (a zip whose JSON validates against its schema), a
privacy officer must state a reason, a teacher is refused with the service's message, and no file is left behind by
a refused export; `skillfolio roster
privacy-officer grant|revoke` needs a reason and audits both acts."""
from __future__ import annotations

import io
import json
import os
import stat
import threading
import zipfile
from collections.abc import Iterator

import jsonschema
import pytest
from gateway_testkit import served
from progress_fixtures import roster_engine  # noqa: F401  (fixture)
from sqlalchemy import text
from typer.testing import CliRunner

from skillfolio_cli.main import app

pytestmark = pytest.mark.integration


@pytest.fixture
def gateway_url(make_app) -> Iterator[str]:
    """A gateway serving HTTP on a free port, against the session's real services."""
    with served(make_app()) as url:
        yield url


@pytest.fixture
def roster_env(monkeypatch, pg_database_url):
    monkeypatch.setenv("ROSTER_DATABASE_URL", pg_database_url)      # `skillfolio roster ...` works on it


def export(url: str, district, username: str, out, *more: str):
    return CliRunner().invoke(app, ["passport", "export", district.ids["amy"], "--out", str(out), "--url", url,
                                    "--username", username, *more], input=district.passwords[username] + "\n")


def test_the_cli_downloads_a_passport_and_refuses_who_may_not(gateway_url, district, tmp_path):
    out = tmp_path / "amy.zip"
    done = export(gateway_url, district, "gadams", out, "--quiet")
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(out) as archive:
        document = json.loads(archive.read("passport.json"))
        jsonschema.validate(document, json.loads(archive.read("passport.schema.json")))
        assert document["exported_as"] == "guardian" and "index.html" in archive.namelist()
    shown = export(gateway_url, district, "aadams", tmp_path / "own.zip")          # with its progress bar
    assert shown.exit_code == 0 and "artifacts" in shown.output, shown.output
    spanish = export(gateway_url, district, "gadams", tmp_path / "es.zip", "--quiet", "--language", "es")
    assert spanish.exit_code == 0, spanish.output
    with zipfile.ZipFile(tmp_path / "es.zip") as archive:
        assert '<html lang="es">' in archive.read("index.html").decode()           # for a family reading Spanish

    teacher = export(gateway_url, district, "tlee", tmp_path / "t.zip")
    assert teacher.exit_code == 1 and "not allowed" in teacher.output
    assert not (tmp_path / "t.zip").exists() and not (tmp_path / "t.zip.partial").exists()


def test_an_export_to_a_pipe_streams_into_it_and_leaves_it_a_pipe(gateway_url, district, tmp_path):
    """As to /dev/null or a checksum tool: the CLI wrote `<out>.partial` and renamed it over the pipe (or device)."""
    pipe, received = tmp_path / "pipe", []
    os.mkfifo(pipe)
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    done = export(gateway_url, district, "gadams", pipe, "--quiet")
    reader.join(timeout=30)
    assert done.exit_code == 0, done.output
    assert stat.S_ISFIFO(pipe.stat().st_mode) and not (tmp_path / "pipe.partial").exists()
    with zipfile.ZipFile(io.BytesIO(received[0])) as archive:
        assert archive.testzip() is None and "passport.json" in archive.namelist()


def test_the_privacy_officer_role_is_granted_and_revoked_with_a_reason(roster_env, gateway_url, district,
                                                                         roster_engine, tmp_path):
    runner, out = CliRunner(), tmp_path / "po.zip"
    assert runner.invoke(app, ["roster", "privacy-officer", "grant", "tkim"]).exit_code == 2      # --reason needed
    granted = runner.invoke(app, ["roster", "privacy-officer", "grant", "tkim", "--reason", "Board minute 12"])
    assert granted.exit_code == 0, granted.output
    try:
        unstated = export(gateway_url, district, "tkim", out)
        assert unstated.exit_code == 2 and "reason" in unstated.output and not out.exists()
        stated = export(gateway_url, district, "tkim", out, "--quiet", "--reason", "Records request 2026-40")
        assert stated.exit_code == 0, stated.output
        with zipfile.ZipFile(out) as archive:
            assert json.loads(archive.read("passport.json"))["exported_as"] == "privacy_officer"
    finally:
        revoked = runner.invoke(app, ["roster", "privacy-officer", "revoke", "tkim", "--reason", "Left the role"])
        assert revoked.exit_code == 0, revoked.output
    with roster_engine.connect() as conn:
        acts = conn.execute(text("SELECT action, detail FROM audit_log WHERE subject_id = :p AND action LIKE "
                                 "'roster.%PrivacyOfficer' ORDER BY id"), {"p": district.ids["other_teacher"]}).all()
    assert [(a.action, json.loads(a.detail)["reason"]) for a in acts][-2:] == [
        ("roster.GrantPrivacyOfficer", "Board minute 12"), ("roster.RevokePrivacyOfficer", "Left the role")]
