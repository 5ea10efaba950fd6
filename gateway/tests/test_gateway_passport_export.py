"""The digital passport through the gateway against real roster, skills, artifacts and reflections servers (each on
its own PostgreSQL database): the student, their guardian and a privacy officer (with a reason) download a streamed
zip whose passport.json validates against its JSON Schema, whose media are the checked bytes, whose index.html loads
nothing from outside, and which carries the discussion (hidden comments only for the officer); a teacher and an
admin are refused; each export leaves an audit row, with the reason, in roster, artifacts and reflections."""
from __future__ import annotations

import io
import json
import re
import uuid
import zipfile

import jsonschema
import pytest
from progress_fixtures import As, panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)
from sqlalchemy import text
from test_gateway_web_media import png_bytes, run_media_worker

from chassis.config import service_settings
from roster.bootstrap import build as build_roster

pytestmark = pytest.mark.integration
OFFICER, REASON = "tkim", "Records request 2026-31 from the family (FERPA inspection)"


@pytest.fixture(scope="module")
def officer(pg_database_url, district):
    """Tom Kim (who teaches no one of Amy's) made a privacy officer for this module, as the CLI does."""
    roster = build_roster(service_settings("roster", database_url=pg_database_url))
    roster.privacy_officers.grant("operator:tests", OFFICER, "appointed for the passport tests")
    yield OFFICER
    roster.privacy_officers.revoke("operator:tests", OFFICER, "tests done")
    roster.close()


def add_image(amy: As, student_id: str, skill_id: str, title: str, data: bytes, artifacts_app) -> str:
    created = amy.call("POST", f"/api/v1/students/{student_id}/artifacts", 201, json={
        "title": title, "kind": "image", "skill_ids": [skill_id],
        "file": {"name": "kite picture.png", "content_type": "image/png", "size_bytes": len(data)}})
    artifact_id, target = created["artifact"]["id"], created["upload"]
    sent = amy.client.put(target["url"], content=data, headers=target["headers"])
    assert sent.status_code in (200, 201, 204), sent.text
    amy.call("POST", f"/api/v1/artifacts/{artifact_id}/versions/1/complete", json={"part_etags": []})
    assert run_media_worker(artifacts_app, artifact_id) == "ready"
    return artifact_id


def export(client, who: As, student_id: str, reason: str = "", expect: int = 200):
    reply = client.post(f"/api/v1/students/{student_id}/passport", headers=who.headers, json={"reason": reason})
    assert reply.status_code == expect, reply.text
    return reply


def audit_rows(engine, action: str, actor: str) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT actor, subject_id, detail FROM audit_log WHERE action = :a AND actor = :w"),
                            {"a": action, "w": actor})
        return [{"subject_id": r.subject_id, **json.loads(r.detail)} for r in rows]


def test_the_passport_archive(client, people, district, skill_ids, sync, officer, artifacts_app, reflections_app,
                              roster_engine):
    amy_id, amy, teacher = district.ids["amy"], people("aadams"), people("tlee")
    image, title = png_bytes(), f"Kite <b>{uuid.uuid4().hex[:6]}</b>"
    photo = add_image(amy, amy_id, skill_ids["communicator"], title, image, artifacts_app)
    sync()
    amy.call("POST", f"/api/v1/artifacts/{photo}/reflections", 201, json={"text": "It flew on the second try."})
    teacher.call("POST", f"/api/v1/artifacts/{photo}/feedback", 201, json={"can_do": "Tests ideas.",
                                                                           "next_steps": "Measure the wind."})
    people("gadams").call("POST", f"/api/v1/artifacts/{photo}/comments", 201, json={"body": "Lovely kite!"})
    rude = amy.call("POST", f"/api/v1/artifacts/{photo}/comments", 201, json={"body": "a comment to hide"})
    teacher.call("POST", f"/api/v1/comments/{rude['id']}/hide")

    reply = export(client, amy, amy_id)
    assert reply.headers["content-type"] == "application/zip"
    assert reply.headers["content-disposition"] == 'attachment; filename="passport-Adams-Amy.zip"'
    media_bytes = int(reply.headers["x-passport-media-bytes"])
    archive = zipfile.ZipFile(io.BytesIO(reply.content))
    assert archive.testzip() is None
    names = set(archive.namelist())
    assert {"index.html", "passport.json", "passport.schema.json"} <= names
    [picture] = [n for n in names if n.startswith(f"media/{photo}/")]
    assert picture == f"media/{photo}/v1-kite_picture.png"
    checked = archive.read(picture)                      # the media worker's checked copy: the bytes ever served
    assert checked.startswith(b"\x89PNG")
    media = [info for info in archive.infolist() if info.filename.startswith("media/")]   # (other tests' too)
    assert sum(info.file_size for info in media) == media_bytes

    document = json.loads(archive.read("passport.json"))
    schema = json.loads(archive.read("passport.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["exported_as"] == "student" and document["student"]["id"] == amy_id
    [mine] = [a for a in document["artifacts"] if a["id"] == photo]
    assert mine["title"] == title and mine["versions"][0]["file"] == picture
    assert mine["versions"][0]["size_bytes"] == len(checked)
    assert [r["revisions"][0]["text"] for r in mine["reflections"]] == ["It flew on the second try."]
    assert [(f["can_do"], f["teacher"]) for f in mine["feedback"]] == [("Tests ideas.", "Tess Lee")]
    assert [c["body"] for c in mine["comments"]] == ["Lovely kite!"]          # the hidden one stays out
    assert {s["id"]: s["colour"] for s in document["skills"]}[skill_ids["communicator"]].startswith("#")

    page = archive.read("index.html").decode()
    assert "Kite &lt;b&gt;" in page and "<b>" not in page                    # escaped, not rendered
    referenced = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert picture in referenced and all(ref in names for ref in referenced), referenced
    assert not re.search(r"(?:src|href|url)\s*[=(]\s*[\"']?(?:https?:)?//", page)   # nothing from outside

    guardian = json.loads(zipfile.ZipFile(io.BytesIO(export(client, people("gadams"), amy_id).content))
                          .read("passport.json"))
    assert guardian["exported_as"] == "guardian" and len(guardian["artifacts"]) == len(document["artifacts"])

    po = people(officer)
    refused = export(client, po, amy_id, "", expect=422).json()["error"]
    assert [p["field"] for p in refused["problems"]] == ["reason"]
    officer_copy = zipfile.ZipFile(io.BytesIO(export(client, po, amy_id, REASON).content))
    found = json.loads(officer_copy.read("passport.json"))
    assert found["exported_as"] == "privacy_officer"
    assert [c["body"] for c in [a for a in found["artifacts"] if a["id"] == photo][0]["comments"]] == [
        "Lovely kite!", "a comment to hide"]
    assert po.call("GET", f"/api/v1/artifacts/{photo}", 403)                 # no other act is open to the officer

    for refused_person in ("tlee", "ddunn", "sshaw", "bbrown"):
        assert export(client, people(refused_person), amy_id, REASON, expect=403).json()["error"]["code"] == \
            "PERMISSION_DENIED"

    officer_id = district.ids["other_teacher"]
    for engine, action in ((roster_engine, "roster.ExportPerson"), (artifacts_app.engine, "artifacts.ExportPortfolio"),
                           (reflections_app.engine, "reflections.ExportStudentRecords")):
        [row] = [r for r in audit_rows(engine, action, officer_id) if r["reason"] == REASON]   # (the CLI test's too)
        assert (row["subject_id"], row["reason"], row["role"]) == (amy_id, REASON, "privacy_officer"), action
        assert audit_rows(engine, action, amy_id) and audit_rows(engine, action, district.ids["guardian"])
        assert not audit_rows(engine, action, district.ids["teacher"])


def test_the_offline_page_is_in_the_language_the_exporter_asks_for(client, people, district):
    """A guardian whose browser (or CLI) asks for Spanish gets index.html in Spanish; passport.json is the same data."""
    guardian = people("gadams")
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/passport", json={"reason": ""},
                        headers={**guardian.headers, "Accept-Language": "es"})
    assert reply.status_code == 200, reply.text
    with zipfile.ZipFile(io.BytesIO(reply.content)) as archive:
        page = archive.read("index.html").decode()
        assert json.loads(archive.read("passport.json"))["exported_as"] == "guardian"
    assert '<html lang="es">' in page and "Pasaporte digital: Amy Adams" in page and "Habilidades" in page
