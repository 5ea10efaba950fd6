"""Two districts on this machine (issue 13 §2): two `skillfolio up --no-seed` platforms, each with its own databases,
RabbitMQ vhost and district key. Each gets a OneRoster district (the CLI's import) and the demo skills framework.
The sending district's student adds a photo and a link; its privacy officer makes a transfer package (`skillfolio
passport transfer`). The receiving district's operator saves the sender's published JWKS as a trusted district, and
its privacy officer imports the package (`skillfolio passport import`) for the local student, after a tampered copy
was refused and wrote nothing: her portfolio there shows both, read-only, labelled with the sender, the skill mapped
by its code (each district has its own skill ids), the photo's bytes checked by the receiver's media role."""
from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
import zipfile

import httpx
import pytest
from dotenv import dotenv_values
from e2e_platform import Platform, cli, running_alone, time_for
from PIL import Image

from chassis.testing import wait_for
from roster.domain.identity import entity_id

pytestmark = [pytest.mark.e2e, pytest.mark.integration, time_for(platforms=2)]   # the sender, then the receiver
PASSWORD = "two-districts-pass-1"
REASON = "Records request 2026-88: Ana moved to Receiver City"
TODAY = dt.date.today()
SETTLES_WITHIN = 120        # a replica learning the roster or the skills, a photo checked: a bound on a failure


def _roster(folder: pathlib.Path, district: str, student: str, officer: str) -> pathlib.Path:
    """A one-school OneRoster 1.2 set: ``student`` in the class of ``officer`` (a teacher made privacy officer)."""
    start, end = TODAY - dt.timedelta(days=100), TODAY + dt.timedelta(days=200)
    files = {
        "manifest.csv": "propertyName,value\noneroster.version,1.2\n" + "".join(
            f"file.{kind},bulk\n" for kind in ("orgs", "academicSessions", "courses", "classes", "users", "roles",
                                               "enrollments")),
        "orgs.csv": "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                    f"{district},active,,{district},district,D,\ns-{district},active,,Elm School,school,E,{district}\n",
        "academicSessions.csv": "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,"
                                f"schoolYear\ny1,active,,This year,schoolYear,{start},{end},,{end.year}\n",
        "courses.csv": "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId\n"
                       f"c1,active,,y1,Grade 5,G5,05,s-{district}\n",
        "classes.csv": "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,"
                       f"schoolSourcedId,termSourcedIds\nk1,active,,Grade 5,05,c1,G5,homeroom,s-{district},y1\n",
        "users.csv": "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,grades,"
                     f"primaryOrgSourcedId\n{student},active,,true,{student},Ana,Moves,05,s-{district}\n"
                     f"{officer},active,,true,{officer},Pat,Records,,s-{district}\n",
        "roles.csv": "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,"
                     f"userProfileSourcedId\nr-{student},active,,{student},primary,student,{start},,s-{district},\n"
                     f"r-{officer},active,,{officer},primary,teacher,{start},,s-{district},\n",
        "enrollments.csv": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
                           f"primary,beginDate,endDate\ne-{officer},active,,k1,s-{district},{officer},teacher,true,,\n"
                           f"e-{student},active,,k1,s-{district},{student},student,false,{start},\n",
    }
    folder.mkdir()
    for name, body in files.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


def _district(platform: Platform, folder: pathlib.Path, district: str, student: str, officer: str) -> None:
    """The roster, the demo skills framework for the district, a password each, the privacy officer role."""
    cli(platform, "roster", "import", str(_roster(folder, district, student, officer)), "--no-progress")
    cli(platform, "skills", "seed-demo", env={"SKILLS_DEMO_DISTRICT_ID": entity_id("org", district)})
    for username in (student, officer):
        cli(platform, "roster", "set-password", username, stdin=PASSWORD + "\n")
    cli(platform, "roster", "privacy-officer", "grant", officer, "--reason", "the district's records officer")


def _token(http: httpx.Client, username: str) -> dict[str, str]:
    reply = http.post("/api/v1/auth/token", data={"username": username, "password": PASSWORD})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}


def _skill(http: httpx.Client, me: dict, headers: dict[str, str], code: str) -> str:
    found = http.get("/api/v1/skills", headers=headers, params={"school_id": me["primary_school_id"]}).json()
    return next(s["id"] for s in found["items"] if s["code"] == code)


def _created(http: httpx.Client, headers: dict[str, str], student_id: str, body: dict) -> dict:
    """Created once the artifacts service's replicas know the student and the skill (until then: 403/422/503)."""
    def attempt():
        reply = http.post(f"/api/v1/students/{student_id}/artifacts", headers=headers, json=body)
        return reply.json() if reply.status_code == 201 else None
    return wait_for(attempt, SETTLES_WITHIN, f"the artifacts service to accept {body['title']!r}", interval=0.5)


def _status(http: httpx.Client, headers: dict[str, str], artifact_id: str) -> str:
    return http.get(f"/api/v1/artifacts/{artifact_id}", headers=headers).json().get("status", "")


def _photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 140, 90)).save(buffer, format="PNG")
    return buffer.getvalue()


def _sender_portfolio(sender: Platform) -> bytes:
    """Ana, in the sending district, adds a photo and a link tagged Communicator; the photo's check is done."""
    picture = _photo()
    with httpx.Client(base_url=sender.url, timeout=30) as http:
        ana = _token(http, "ana")
        me = http.get("/api/v1/me", headers=ana).json()
        communicator = _skill(http, me, ana, "communicator")
        made = _created(http, ana, me["id"], {"title": "Pond photo", "kind": "image", "skill_ids": [communicator],
                                              "file": {"name": "pond.png", "content_type": "image/png",
                                                       "size_bytes": len(picture)}})
        sent = http.put(made["upload"]["url"], content=picture, headers=made["upload"]["headers"])
        assert sent.status_code == 201, sent.text
        assert http.post(f"/api/v1/artifacts/{made['artifact']['id']}/versions/1/complete", headers=ana,
                         json={"part_etags": []}).status_code == 200
        _created(http, ana, me["id"], {"title": "Pond blog", "kind": "link", "skill_ids": [communicator],
                                       "link_url": "https://example.org/pond"})
        wait_for(lambda: _status(http, ana, made["artifact"]["id"]) == "ready", SETTLES_WITHIN, "the photo checked")
    return picture


def _tampered(package: pathlib.Path, out: pathlib.Path) -> pathlib.Path:
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, data[:-1] + b"!" if info.filename.startswith("media/") else data)
    return out


def test_a_student_moves_to_another_district_with_her_portfolio(tmp_path_factory, amqp_base_url, tmp_path):
    with running_alone(tmp_path_factory.mktemp("sender"), amqp_base_url, "--no-seed",
                       SKILLFOLIO_DISTRICT_NAME="Sender County") as sender:
        _district(sender, tmp_path / "sender-roster", "d-send", "ana", "pat")
        picture = _sender_portfolio(sender)
        secrets = dotenv_values(sender.workdir / "var" / "secrets.env")
        package = tmp_path / "ana-transfer.zip"
        cli(sender, "passport", "transfer", entity_id("user", "ana"), "--out", str(package), "--reason", REASON,
             "--username", "pat", "--url", sender.url, "--quiet", stdin=PASSWORD + "\n",
             env={"SKILLFOLIO_DISTRICT_SIGNING_KEY": secrets["SKILLFOLIO_DISTRICT_SIGNING_KEY"],
                  "SKILLFOLIO_DISTRICT_URL": sender.url})
        trusted = tmp_path / "sender-jwks.json"        # the operator saves the sender's published key, checked
        trusted.write_text(httpx.get(f"{sender.url}/.well-known/jwks.json", timeout=30).text)

    with running_alone(tmp_path_factory.mktemp("receiver"), amqp_base_url, "--no-seed",
                       SKILLFOLIO_DISTRICT_NAME="Receiver City", SKILLFOLIO_TRUSTED_DISTRICTS=str(trusted)) as receiver:
        _district(receiver, tmp_path / "receiver-roster", "d-recv", "bea", "rex")
        with httpx.Client(base_url=receiver.url, timeout=30) as http:
            bea = _token(http, "bea")
            me = http.get("/api/v1/me", headers=bea).json()
            wait_for(lambda: http.get(f"/api/v1/students/{me['id']}/artifacts", headers=bea).status_code == 200,
                     SETTLES_WITHIN, "the artifacts service to know Bea")

            def portfolio() -> list[dict]:
                return http.get(f"/api/v1/students/{me['id']}/artifacts", headers=bea).json()["items"]

            def import_(path: pathlib.Path, expect: int = 0) -> str:
                return cli(receiver, "passport", "import", str(path), "--student", "bea", "--reason", REASON,
                            "--username", "rex", "--url", receiver.url, "--quiet", stdin=PASSWORD + "\n",
                            expect=expect)

            assert "does not match its digest" in import_(_tampered(package, tmp_path / "bad.zip"), expect=2)
            assert portfolio() == []                                              # nothing written
            assert "imported 2 artifacts" in import_(package)
            assert "imported 2 artifacts (2 held already, 0 files sent)" in import_(package)   # once each

            found = {a["title"]: a for a in portfolio()}
            assert set(found) == {"Pond photo", "Pond blog"}
            communicator = _skill(http, me, bea, "communicator")
            for artifact in found.values():
                assert artifact["origin"]["district_name"] == "Sender County"
                assert artifact["origin"]["district_id"].startswith("did:web:127.0.0.1")
                assert artifact["skill_ids"] == [communicator]                   # mapped by its code
            photo = found["Pond photo"]["id"]
            wait_for(lambda: _status(http, bea, photo) == "ready", SETTLES_WITHIN, "the receiver's check")
            shown = http.get(f"/api/v1/artifacts/{photo}", headers=bea).json()
            assert http.patch(f"/api/v1/artifacts/{photo}", headers=bea,
                              json={"title": "mine now"}).status_code == 409      # read-only, even for her
            arrived = http.get(shown["versions"][0]["download_url"]).content
            assert Image.open(io.BytesIO(arrived)).tobytes() == Image.open(io.BytesIO(picture)).tobytes()
            for artifact in found.values():
                assert artifact["origin"]["school_year"] == "This year"           # made in the sender's year

            def growth_years() -> list[tuple[str, int]]:
                skills = http.get(f"/api/v1/students/{me['id']}/growth", headers=bea).json()["skills"]
                return [(y["title"], y["artifacts_tagged"]) for s in skills if s["skill_id"] == communicator
                        for y in s["years"]]
            wait_for(lambda: growth_years() == [("This year · Sender County", 2)], SETTLES_WITHIN,
                     lambda: f"the growth view to show the imported year (has {growth_years()})")
            document = json.loads(zipfile.ZipFile(package).read("passport.json"))
            assert document["exported_as"] == "privacy_officer"
