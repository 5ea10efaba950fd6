"""The Alembic tree is the schema (PostgreSQL), and the embedded default runs it on SQLite with the same code,
read models and reports included."""
from __future__ import annotations

import pytest
import reporting_stream as ks
from alembic import command
from sqlalchemy import create_engine, text

from chassis.access import Viewer
from chassis.config import service_settings
from chassis.messaging.subscriptions import feed_before_workers
from chassis.migrations import alembic_config, schema_drift, tables_after_downgrade, upgrade
from reporting.adapters.orm import metadata
from reporting.bootstrap import build
from reporting.config import ReportingOptions
from reporting.migrations import MIGRATIONS_DIR
from reporting.service_layer.subscriptions import SUBSCRIPTIONS

pytestmark = pytest.mark.integration


def test_head_matches_the_models_and_downgrades(fresh_pg_database_url):
    assert schema_drift(MIGRATIONS_DIR, metadata, fresh_pg_database_url) == []
    assert tables_after_downgrade(MIGRATIONS_DIR, fresh_pg_database_url) == {"alembic_version"}


def test_read_models_and_dashboard_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'reporting.db'}"
    upgrade(MIGRATIONS_DIR, url)
    upgrade(MIGRATIONS_DIR, url)                      # idempotent
    app = build(service_settings("reporting", database_url=url), ReportingOptions(min_cell=5))
    d = ks.district(seed=7, n_students=20, n_artifacts=60)
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, ks.delivered(d, 1, shuffle=True, twice=True), "reporting")
    board = app.queries.dashboard(Viewer.of("p-d", ["district_admin"]), school_year_id="y2")
    app.close()
    artifacts = next(h for h in board.headlines if h.key == "artifacts").value
    assert artifacts.count == sum(1 for a in d.artifacts if a.year == "y2" and not a.deleted)
    by_skill = next(t for t in board.tables if t.name == "artifacts_by_skill")
    assert [r.label for r in by_skill.rows] == ["Communicator", "Innovator"] and board.as_of


def _fed(url: str):
    """The head schema at ``url`` with the known district consumed live; an engine on it."""
    upgrade(MIGRATIONS_DIR, url)
    app = build(service_settings("reporting", database_url=url))
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, ks.district(seed=7).events, "reporting")
    app.close()
    return create_engine(url)


def _rows(engine, sql: str) -> list:
    with engine.connect() as connection:
        return sorted(tuple(r) for r in connection.execute(text(sql)))


def test_0005_down_and_up_again_with_a_district_in_the_summaries(fresh_pg_database_url):
    """Down to 0004: the summaries keep what 0004's code reads (no ALL rows among counts and levels, which it sums);
    up again: 0005 re-keys and refills them equal to what live consumption kept."""
    from reporting.adapters import orm
    url, engine = fresh_pg_database_url, _fed(fresh_pg_database_url)

    def rows(table: str, where: str = "") -> list:
        return _rows(engine, f"SELECT * FROM {table}{where}")
    kept = {t.name: rows(t.name) for t in orm.SUMMARIES}
    assert any("*" in row for row in kept["artifact_counts"]) and kept["enrolment"]
    command.downgrade(alembic_config(MIGRATIONS_DIR, url), "0004")
    below = " WHERE school_id <> '*' AND grade_level <> '*'"
    assert rows("artifact_counts") == rows("artifact_counts", below) == [
        r for r in kept["artifact_counts"] if "*" not in r[2:4]] != []
    assert rows("participation") == kept["participation"]
    upgrade(MIGRATIONS_DIR, url)
    assert {t.name: rows(t.name) for t in orm.SUMMARIES} == kept
    engine.dispose()


def test_0006_down_and_up_again_keeps_evidence_and_participation(fresh_pg_database_url):
    """Down to 0005: student evidence is summed back into the coarse levels, where each level's students with a
    positive count are its participation; up again: only the rows at students' own school and grade remain."""
    url, engine = fresh_pg_database_url, _fed(fresh_pg_database_url)

    def rows(sql: str) -> list:
        return _rows(engine, sql)
    evidence = rows("SELECT * FROM student_evidence")
    assert evidence and not any("*" in row[2:4] for row in evidence)
    participation = rows("SELECT school_year_id, skill_id, school_id, grade_level, students FROM participation")
    assert any("*" in row[2:4] for row in participation)
    command.downgrade(alembic_config(MIGRATIONS_DIR, url), "0005")
    assert rows("SELECT school_year_id, skill_id, school_id, grade_level, count(*) FROM student_evidence "
                "WHERE n > 0 GROUP BY 1, 2, 3, 4") == participation
    upgrade(MIGRATIONS_DIR, url)
    assert rows("SELECT * FROM student_evidence") == evidence
    engine.dispose()
