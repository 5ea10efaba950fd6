"""`skillfolio seed` (what `skillfolio up` runs before starting processes) on the embedded default: the demo
district with a current and a former teacher, and the demo student's portfolio over two school years, added
through the artifacts service and readable by exactly the people the access rules allow. Runs the CLI as a
subprocess in a private var/ (SQLite files, filesystem media); starts no long-running process."""
from __future__ import annotations

import io
import os
import re
import subprocess
from collections import Counter

import pytest
from dotenv import dotenv_values
from e2e_platform import SEED_TIMEOUT, SKILLFOLIO, time_for
from PIL import Image
from sqlalchemy import select

from artifacts.adapters.orm import inbox as artifacts_inbox
from artifacts.adapters.orm import outbox as artifacts_outbox
from artifacts.adapters.repository import PortfolioFilter
from artifacts.bootstrap import build as build_artifacts
from artifacts.demo.portfolio import PORTFOLIO
from artifacts.service_layer.seed_showcase import PIECES, TITLE
from artifacts.service_layer.showcases import ShowcaseUseCases
from chassis.access import Viewer
from chassis.config import PlatformSettings, service_settings
from chassis.errors import PermissionDenied
from chassis.events import Envelope
from chassis.media.sniffing import sniff
from roster.bootstrap import build as build_roster
from roster.demo.classes import find_capture_class, find_classes
from roster.service_layer import seed as roster_seed

pytestmark = [pytest.mark.e2e, time_for(platforms=2)]   # the module's fixture seeds, and one test seeds again
ROLES = {"teacher", "former teacher", "student", "guardian", "school admin", "district admin"}
LINE = re.compile(r"^\s+(former teacher|teacher|student|guardian|school admin|district admin)\s+(\S+)\s+(\S+)")


def _seed(var) -> str:
    env = {name: value for name, value in os.environ.items()
           if not name.endswith("_DATABASE_URL") and not name.startswith(("SKILLFOLIO_S3_", "GATEWAY_"))
           and name not in ("SKILLFOLIO_MEDIA_URL_SECRET", "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY",
                            "SKILLFOLIO_PRINCIPAL_PUBLIC_KEY")}
    done = subprocess.run([str(SKILLFOLIO), "seed"], env={**env, "SKILLFOLIO_VAR_DIR": str(var)},
                          capture_output=True, text=True, timeout=SEED_TIMEOUT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    var = tmp_path_factory.mktemp("seed") / "var"
    first = _seed(var)
    platform = PlatformSettings(var_dir=var, s3_endpoint="",
                                media_url_secret=dotenv_values(var / "secrets.env")["SKILLFOLIO_MEDIA_URL_SECRET"])
    roster = build_roster(service_settings("roster", database_url=f"sqlite:///{var / 'roster.db'}"))
    artifacts = build_artifacts(service_settings("artifacts", database_url=f"sqlite:///{var / 'artifacts.db'}"),
                                platform=platform)
    cast, people = roster_seed.pick_demo_people(roster)
    yield var, first, cast, dict(people), artifacts
    artifacts.close()
    roster.close()


def _portfolio(artifacts, viewer: Viewer, student_id: str):
    return artifacts.queries.portfolio(viewer, PortfolioFilter(student_id=student_id), page_size=50).items


def test_seed_prints_a_login_per_role_including_the_former_teacher(seeded):
    var, output, cast, people, _ = seeded
    logins = {m.group(1): m.group(2) for m in map(LINE.match, output.splitlines()) if m}
    assert set(logins) == ROLES
    assert logins["former teacher"] == people["former teacher"].username != logins["teacher"]
    assert "seeded the demo student's portfolio: 8 artifacts over two school years" in output
    assert cast.current.school_year_id != cast.previous.school_year_id


def test_the_demo_teacher_has_a_class_capture_for_all_25_students_of_a_class(seeded):
    """Issue 14: the demo teacher's capture page shows the seeded class capture, one photo for a class of 25."""
    _, output, cast, people, artifacts = seeded
    assert "seeded a class capture: one photo for 25 students of the demo teacher's class" in output
    roster = build_roster(service_settings("roster", database_url=f"sqlite:///{seeded[0] / 'roster.db'}"))
    try:
        with roster.engine.connect() as conn:
            today = roster.options.today()
            demo_class = find_capture_class(conn, cast, today, tuple(find_classes(conn, cast, today)))
    finally:
        roster.close()
    assert demo_class is not None and demo_class.teacher_id == people["teacher"].id == cast.teacher_id
    [capture] = artifacts.capture.recent(Viewer.of(cast.teacher_id, ["teacher"]), demo_class.section_id)
    assert sorted(r.student_id for r in capture.references) == sorted(demo_class.student_ids)
    assert len(capture.references) == 25 and cast.student_id not in demo_class.student_ids


def test_the_portfolio_spans_two_school_years_five_skills_and_three_adders(seeded):
    _, _, cast, people, artifacts = seeded
    items = _portfolio(artifacts, Viewer.of(cast.teacher_id, ["teacher"]), cast.student_id)
    assert sorted(a.title for a in items) == sorted(item.title for item in PORTFOLIO)
    assert Counter(a.school_year_id for a in items) == {cast.previous.school_year_id: 4,
                                                         cast.current.school_year_id: 4}
    assert len({skill for a in items for skill in a.skill_ids}) == 5
    assert Counter(a.added_by for a in items) == {cast.student_id: 4, cast.teacher_id: 2, cast.former_teacher_id: 2}
    assert Counter(a.kind for a in items) == {"image": 4, "document": 2, "link": 2}
    assert {a.status for a in items if a.kind == "link"} == {"ready"}
    assert {a.status for a in items if a.kind != "link"} == {"processing"}    # until the media worker runs
    created = {a.title: a.created_at for a in items}
    last_year = [created[i.title] for i in PORTFOLIO if i.year == "previous"]
    this_year = [created[i.title] for i in PORTFOLIO if i.year == "current"]
    assert max(last_year).date() <= cast.previous.end < cast.current.start <= min(this_year).date()


def test_only_people_with_standing_see_it(seeded):
    _, _, cast, people, artifacts = seeded
    assert len(_portfolio(artifacts, Viewer.of(people["guardian"].id, ["guardian"]), cast.student_id)) == 8
    assert len(_portfolio(artifacts, Viewer.of(cast.student_id, ["student"]), cast.student_id)) == 8
    with pytest.raises(PermissionDenied):     # taught the student last year only
        _portfolio(artifacts, Viewer.of(cast.former_teacher_id, ["teacher"]), cast.student_id)


def test_files_wait_in_the_store_and_their_uploads_in_the_outbox(seeded):
    var, _, cast, _, artifacts = seeded
    with artifacts.engine.connect() as conn:
        uploaded = [Envelope.from_json(row.body) for row in conn.execute(select(artifacts_outbox.c.body))
                    if row.body and '"artifact_media_uploaded"' in row.body]
        consumers = {row.consumer for row in conn.execute(select(artifacts_inbox.c.consumer))}
    # the portfolio's six files, and the class capture's ONE shared photo (however many students it went to)
    assert len(uploaded) == 7 and sum(1 for e in uploaded if e.data.get("media_object_id")) == 1
    # the roster facts were applied under the events worker's own names, so RabbitMQ's copies are duplicates
    assert {"artifacts.person_added", "artifacts.section_added", "artifacts.enrollment_added",
            "artifacts.guardianship_added"} <= consumers
    files = {item.file.name: item.file.content_type for item in PORTFOLIO if item.file}
    for item in _portfolio(artifacts, Viewer.of(cast.student_id, ["student"]), cast.student_id):
        if item.kind == "link":
            continue
        key = f"artifacts/{item.id}/v1/original"
        with artifacts.media.store.open(key) as stream:
            data = stream.read()
        assert sniff(data[:4096]) in files.values()
        if data[:2] == b"\xff\xd8":   # the photos still carry GPS until the media worker strips it
            assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)


def test_seeding_again_changes_nothing(seeded):
    var, _, cast, _, artifacts = seeded
    logins = (var / "demo-logins.txt").read_text()
    again = _seed(var)
    assert "portfolio" not in again and "new passwords" not in again and "seeded the demo district" not in again
    assert (var / "demo-logins.txt").read_text() == logins
    assert len(_portfolio(artifacts, Viewer.of(cast.student_id, ["student"]), cast.student_id)) == 8


def test_a_replica_that_does_not_know_the_cast_gets_no_half_portfolio(seeded, tmp_path):
    """Priming with the roster's events about the cast (which the roster's seed hands over) is what lets the
    teachers add; without it nothing is added at all."""
    from artifacts.migrations import MIGRATIONS_DIR
    from artifacts.service_layer.seed import prime_replica, replica_knows_cast
    from chassis.migrations import upgrade
    from roster.demo.cast import cast_events

    var, _, cast, _, _ = seeded
    url = f"sqlite:///{tmp_path / 'artifacts.db'}"
    upgrade(MIGRATIONS_DIR, url)
    empty = build_artifacts(service_settings("artifacts", database_url=url),
                            platform=PlatformSettings(var_dir=tmp_path, s3_endpoint="", media_url_secret="x" * 32))
    roster = build_roster(service_settings("roster", database_url=f"sqlite:///{var / 'roster.db'}"))
    try:
        today = roster.options.today()
        assert not replica_knows_cast(empty, cast, today)
        events = cast_events(roster.engine, cast)
        assert prime_replica(empty, events) > 0
        assert replica_knows_cast(empty, cast, today)
        assert prime_replica(empty, events) == 0      # the inbox: each event applied once
    finally:
        roster.close()
        empty.close()


def test_the_district_admins_dashboard_shows_real_figures(seeded):
    """The demo classes' evidence gives the district admin unsuppressed counts for every skill, school and grade
    of the current year (the embedded minimum cell, 5), while small cells are still suppressed somewhere."""
    from reporting.bootstrap import build as build_reporting
    from reporting.config import ReportingOptions

    var, output, _, people, _ = seeded
    assert re.search(r"seeded \d+ artifacts of \d+ demo classes' students", output)
    reporting = build_reporting(service_settings("reporting", database_url=f"sqlite:///{var / 'reporting.db'}"),
                                ReportingOptions(min_cell=5))
    try:
        admin = Viewer.of(people["district admin"].id, ["district_admin"])
        tables = {t.name: t for t in reporting.queries.dashboard(admin).tables}
        schools = reporting.queries.dashboard(admin, school_id=tables["artifacts_by_school"].rows[0].key).tables
    finally:
        reporting.close()

    def shown(row) -> list[int]:
        return [c.count for c in row.cells if not c.suppressed and c.count]
    by_skill = tables["artifacts_by_skill"].rows
    assert len(by_skill) == 5 and all(shown(row) for row in by_skill), by_skill
    assert len(tables["artifacts_by_school"].rows) >= 2 and all(shown(r) for r in tables["artifacts_by_school"].rows)
    assert len([r for r in tables["artifacts_by_grade"].rows if shown(r)]) >= 2
    assert any(shown(r) for t in schools if t.name == "artifacts_by_grade" for r in t.rows)   # a school's grades
    assert any(c.suppressed for t in tables.values() for r in t.rows for c in r.cells)


def test_the_demo_student_has_a_showcase_shared_with_their_guardian(seeded):
    _, output, cast, people, artifacts = seeded
    assert f"seeded the demo student's showcase {TITLE!r}, shared with their guardians" in output
    showcases = ShowcaseUseCases(artifacts.unit_of_work, artifacts.calendar, artifacts.media)
    found, _ = showcases.of_student(Viewer.of(people["guardian"].id, ["guardian"]), cast.student_id)
    assert [(s.fields.title, [a.title for a in s.items]) for s in found] == [(TITLE, list(PIECES))]
