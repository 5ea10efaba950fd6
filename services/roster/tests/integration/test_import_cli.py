"""`skillfolio roster generate` and `skillfolio roster import` through Typer's runner, against PostgreSQL."""
from __future__ import annotations

import pytest
from test_import_support import DATA
from typer.testing import CliRunner

from chassis.migrations import upgrade
from roster.entrypoints.cli import app
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration
runner = CliRunner()


def test_generate_then_import_then_reject(fresh_pg_database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("ROSTER_DATABASE_URL", fresh_pg_database_url)
    missing = runner.invoke(app, ["import", str(DATA / "valid"), "--no-progress"])
    assert missing.exit_code == 2 and "skillfolio migrate roster" in missing.output
    upgrade(MIGRATIONS_DIR, fresh_pg_database_url)

    generated = runner.invoke(app, ["generate", str(tmp_path / "district"), "--students", "120", "--schools", "2",
                                    "--seed", "5"])
    assert generated.exit_code == 0, generated.output
    imported = runner.invoke(app, ["import", str(tmp_path / "district")])
    assert imported.exit_code == 0, imported.output
    assert "applied" in imported.output and "enrollments" in imported.output
    again = runner.invoke(app, ["import", str(tmp_path / "district"), "--no-progress"])
    assert again.exit_code == 0 and "unchanged" in again.output

    rejected = runner.invoke(app, ["import", str(DATA / "errors"), "--no-progress", "--max-problems", "5"])
    assert rejected.exit_code == 1
    lines = [line for line in rejected.stdout.splitlines() if line.strip()]
    assert lines[:5] == ["orgs.csv:4:name: required value is empty",
                         "orgs.csv:5:type: 'campus' is not one of: department, district, local, national, school, "
                         "state",
                         "orgs.csv:5:parentSourcedId: org 'd9' does not exist",
                         "orgs.csv:6:sourcedId: duplicate sourcedId 's1' (first on line 3)",
                         "academicSessions.csv:3:endDate: '2025-13-19' is not a date (YYYY-MM-DD)"]
    assert "29 problem(s) (5 shown)" in rejected.output
