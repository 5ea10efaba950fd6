"""An in-district mid-year transfer, end to end: `skillfolio up` (no demo), then two OneRoster imports with the CLI as
an operator runs them. Before the transfer Ana is at North, taught by Ona; the second set moves her to Central
(her student role there begins today, Rio's class lists her from today) while North's SIS still lists her in Ona's
class. Over HTTP, Rio's access to her portfolio begins and Ona's ends, in the roster and in the artifacts service,
whose roster replica learns it from the import's events (student_transferred through RabbitMQ)."""
from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Iterator

import httpx
import pytest
from e2e_platform import Platform, cli, running_alone, time_for

from chassis.testing import wait_for
from roster.domain.identity import entity_id

pytestmark = [pytest.mark.e2e, pytest.mark.integration, time_for()]   # the first test starts the module's `up`

TODAY = dt.date.today()
ANA = entity_id("user", "u-ana")
PASSWORD = "transfer-e2e-pass-1"
REPLICATED_WITHIN = 90


def _files(after: bool) -> dict[str, str]:
    start, end, yesterday = TODAY - dt.timedelta(days=100), TODAY + dt.timedelta(days=200), TODAY - dt.timedelta(1)
    school = "s-central" if after else "s-north"
    ana_roles = (f"r-ana-n,active,,u-ana,secondary,student,{start},{yesterday},s-north,\n"
                 f"r-ana-c,active,,u-ana,primary,student,{TODAY},,s-central,\n") if after else \
        f"r-ana-n,active,,u-ana,primary,student,{start},,s-north,\n"
    moved = f"e-ana-c,active,,k-central,s-central,u-ana,student,false,{TODAY},\n" if after else ""
    return {
        "manifest.csv": "propertyName,value\noneroster.version,1.2\n" + "".join(
            f"file.{kind},bulk\n" for kind in ("orgs", "academicSessions", "courses", "classes", "users", "roles",
                                               "enrollments")),
        "orgs.csv": "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                    "d1,active,,Transfer District,district,TD,\n"
                    "s-north,active,,North Elementary,school,N,d1\ns-central,active,,Central Elementary,school,C,d1\n",
        "academicSessions.csv": "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,"
                                f"schoolYear\ny1,active,,This year,schoolYear,{start},{end},,{end.year}\n",
        "courses.csv": "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId\n"
                       "c-n,active,,y1,Grade 5 North,G5N,05,s-north\nc-c,active,,y1,Grade 5 Central,G5C,05,s-central\n",
        "classes.csv": "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,"
                       "schoolSourcedId,termSourcedIds\n"
                       "k-north,active,,Grade 5 North,05,c-n,G5N,homeroom,s-north,y1\n"
                       "k-central,active,,Grade 5 Central,05,c-c,G5C,homeroom,s-central,y1\n",
        "users.csv": "sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,grades,"
                     f"primaryOrgSourcedId\nu-ana,active,,true,ana,Ana,Moves,05,{school}\n"
                     "u-ona,active,,true,ona,Ona,North,,s-north\nu-rio,active,,true,rio,Rio,Central,,s-central\n",
        "roles.csv": "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,"
                     "userProfileSourcedId\n" + ana_roles +
                     f"r-ona,active,,u-ona,primary,teacher,{start},,s-north,\n"
                     f"r-rio,active,,u-rio,primary,teacher,{start},,s-central,\n",
        "enrollments.csv": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
                           "primary,beginDate,endDate\n"
                           "e-ona,active,,k-north,s-north,u-ona,teacher,true,,\n"
                           f"e-ana-n,active,,k-north,s-north,u-ana,student,false,{start},\n"   # North never ends it
                           "e-rio,active,,k-central,s-central,u-rio,teacher,true,,\n" + moved,
    }


def _write(folder: pathlib.Path, after: bool) -> pathlib.Path:
    folder.mkdir()
    for name, body in _files(after).items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bare_platform(tmp_path_factory, amqp_base_url) -> Iterator[Platform]:
    """`skillfolio up --no-seed` on the embedded default, every port free, its own vhost."""
    with running_alone(tmp_path_factory.mktemp("skillfolio-up-transfer"), amqp_base_url, "--no-seed") as platform:
        yield platform


def _token(http: httpx.Client, username: str) -> dict[str, str]:
    reply = http.post("/api/v1/auth/token", data={"username": username, "password": PASSWORD})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}


def _answers(http: httpx.Client, headers: dict[str, str]) -> tuple[int, int]:
    """(the roster's answer to GET Ana, the artifacts service's answer to listing her portfolio)."""
    return (http.get(f"/api/v1/people/{ANA}", headers=headers).status_code,
            http.get(f"/api/v1/students/{ANA}/artifacts", headers=headers).status_code)


def _until(http: httpx.Client, headers: dict[str, str], wanted: tuple[int, int], who: str) -> None:
    wait_for(lambda: _answers(http, headers) == wanted, REPLICATED_WITHIN,
             lambda: f"{who}: {_answers(http, headers)}, wanted {wanted}", interval=0.5)


def test_a_transfer_in_a_oneroster_import_moves_teacher_access(bare_platform, tmp_path):
    cli(bare_platform, "roster", "import", str(_write(tmp_path / "before", after=False)), "--no-progress")
    for username in ("ona", "rio"):
        cli(bare_platform, "roster", "set-password", username, stdin=PASSWORD + "\n")
    with httpx.Client(base_url=bare_platform.url, timeout=30) as http:
        ona, rio = _token(http, "ona"), _token(http, "rio")
        _until(http, ona, (200, 200), "Ona, North, before the transfer")
        assert _answers(http, rio) == (403, 403)                           # Rio does not teach her yet

        report = cli(bare_platform, "roster", "import", str(_write(tmp_path / "after", after=True)), "--no-progress")
        assert "students transferred: 1" in report

        _until(http, rio, (200, 200), "Rio, Central, after the transfer")  # every school year: her whole portfolio
        _until(http, ona, (403, 403), "Ona, North, after the transfer")    # though North still lists Ana
