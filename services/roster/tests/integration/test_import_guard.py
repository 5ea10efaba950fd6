"""The mass-change guard on PostgreSQL: a bulk set that would deactivate more than the configured share of the
active people, sections or enrollments is refused with the counts and writes nothing, unless confirmed; under the
share it applies; a dry run shows what would be deactivated; the CLI prints the counts."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from test_import_support import DATA, copy_set, counts, last_outbox_id
from typer.testing import CliRunner

from chassis.db import make_engine
from roster.adapters import orm
from roster.entrypoints.cli import app
from roster.importer import Guard, MassDeactivationRefused, import_roster
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration
runner = CliRunner()


@pytest.fixture
def engine(migrated_database):
    engine = make_engine(migrated_database(MIGRATIONS_DIR))
    yield engine
    engine.dispose()


def _snapshot(engine) -> tuple:
    with engine.connect() as conn:
        active = {t: conn.execute(select(orm.metadata.tables[t].c.active)).scalars().all()
                  for t in ("people", "sections", "enrollments")}
    return counts(engine), last_outbox_id(engine), active


def _runs(engine) -> list[tuple[str, dict]]:
    with engine.connect() as conn:
        rows = conn.execute(select(orm.import_runs.c.status, orm.import_runs.c.summary).order_by(
            orm.import_runs.c.id)).all()
    return [(status, json.loads(summary)) for status, summary in rows]


def test_over_the_share_is_refused_with_the_counts_and_nothing_is_written(engine):
    import_roster(DATA / "valid", engine)
    before = _snapshot(engine)
    with pytest.raises(MassDeactivationRefused) as refused:
        import_roster(DATA / "changed", engine)        # drops 1 of 7 enrollments (14%) and 1 of 11 people (9%)
    assert [str(d) for d in refused.value.over] == ["enrollments: 1 of 7 active (14%)"]
    assert {d.table: (d.active, d.deactivating) for d in refused.value.deactivations} == {
        "people": (11, 1), "sections": (3, 0), "enrollments": (7, 1)}
    assert _snapshot(engine) == before
    status, summary = _runs(engine)[-1]
    assert status == "refused" and summary["over_limit"] == ["enrollments"]
    assert summary["deactivations"]["enrollments"] == {"active": 7, "deactivating": 1}


def test_the_operator_confirmation_applies_it(engine):
    import_roster(DATA / "valid", engine)
    report = import_roster(DATA / "changed", engine, guard=Guard(0.10, confirmed=True))
    assert report.status == "applied" and report.changes["enrollments"]["removed"] == 1
    assert [str(d) for d in report.over_limit] == ["enrollments: 1 of 7 active (14%)"]


def test_under_the_share_it_applies_and_reports_what_it_deactivated(engine, tmp_path, monkeypatch):
    import_roster(DATA / "valid", engine)
    one_gone = copy_set("valid", tmp_path / "one_gone")
    users = (one_gone / "users.csv").read_text()
    (one_gone / "users.csv").write_text(users.replace("u-a1,active,", "u-a1,tobedeleted,"))
    report = import_roster(one_gone, engine)          # 1 of 11 people: 9%, under the default 10%
    assert report.status == "applied" and report.over_limit == []
    assert [str(d) for d in report.deactivations] == [
        "people: 1 of 11 active (9%)", "sections: 0 of 3 active (0%)", "enrollments: 0 of 7 active (0%)"]
    monkeypatch.setenv("ROSTER_IMPORT_MAX_DEACTIVATE_SHARE", "0.2")   # the configured share is what counts
    assert import_roster(DATA / "changed", engine).status == "applied"


def test_a_small_valid_set_into_a_running_district_via_the_cli(engine, tmp_path, monkeypatch):
    monkeypatch.setenv("ROSTER_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    generated = runner.invoke(app, ["generate", str(tmp_path / "district"), "--students", "60", "--schools", "1",
                                    "--seed", "3"])
    assert generated.exit_code == 0, generated.output
    assert runner.invoke(app, ["import", str(tmp_path / "district"), "--no-progress"]).exit_code == 0
    before = _snapshot(engine)
    people = before[2]["people"].count(True)

    refused = runner.invoke(app, ["import", str(DATA / "valid"), "--no-progress"])
    assert refused.exit_code == 3, refused.output
    assert f"people: {people} of {people} active (100%)" in refused.output
    assert "--allow-mass-deactivation" in refused.output and "nothing was written" in refused.output
    assert _snapshot(engine) == before

    dry = runner.invoke(app, ["import", str(DATA / "valid"), "--no-progress", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "dry run" in dry.output and "would deactivate" in dry.output and "over the limit" in dry.output
    assert _snapshot(engine) == before

    confirmed = runner.invoke(app, ["import", str(DATA / "valid"), "--no-progress", "--allow-mass-deactivation"])
    assert confirmed.exit_code == 0, confirmed.output
    assert "deactivated" in confirmed.output and f"{people}" in confirmed.output
    with engine.connect() as conn:
        assert conn.execute(select(orm.people.c.active).where(orm.people.c.sourced_id.notlike("u-%"))).scalars() \
            .all() == [False] * people
