"""Migration 0005 on PostgreSQL and on SQLite (the embedded default): a rubric or scale only the old milestone
rubric replica held moves into the catalog replica before its tables are dropped (one already in the catalog is
kept as it is), and a downgrade refills the old tables from the catalog."""
from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import inspect, text

from chassis.db import make_engine
from chassis.migrations import alembic_config, upgrade
from reflections.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration

OLD_TABLES = {"rubrics", "rubric_criteria", "scales", "scale_levels"}


@pytest.fixture(params=["postgresql", "sqlite"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'reflections.db'}"
    return request.getfixturevalue("fresh_pg_database_url")


def _write(url: str, *statements: tuple[str, dict]) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            for sql, params in statements:
                connection.execute(text(sql), params)
    finally:
        engine.dispose()


def _select(url: str, sql: str) -> list:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).all()
    finally:
        engine.dispose()


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_old_rubric_rows_move_into_the_catalog_and_come_back_on_downgrade(database_url):
    upgrade(MIGRATIONS_DIR, database_url, "0004")
    catalog_levels = json.dumps([{"rank": 1, "name": "No", "description": "Not yet"},
                                 {"rank": 2, "name": "Yes", "description": "Done"}])
    _write(database_url,
         ("INSERT INTO scales (scale_id, district_id, code, name) VALUES ('scl-old', 'd1', 'old', 'Old scale')", {}),
         ("INSERT INTO scale_levels (scale_id, rank, name) VALUES ('scl-old', 1, 'Low'), ('scl-old', 2, 'High')", {}),
         ("INSERT INTO rubrics (rubric_id, district_id, code, scale_id, skill_id) "
          "VALUES ('rub-old', 'd1', 'old-rubric', 'scl-old', '')", {}),
         ("INSERT INTO rubric_criteria (rubric_id, position, code) VALUES ('rub-old', 0, 'voice'), "
          "('rub-old', 1, 'poise')", {}),
         ("INSERT INTO scales (scale_id, district_id, code, name) VALUES ('scl-both', 'd1', 'both', 'Stale')", {}),
         ("INSERT INTO catalog_scales (scale_id, name, levels) VALUES ('scl-both', 'Both', :levels)",
          {"levels": catalog_levels}))

    upgrade(MIGRATIONS_DIR, database_url)
    assert not OLD_TABLES & _tables(database_url)
    scales = _select(database_url, "SELECT scale_id, name, levels FROM catalog_scales ORDER BY scale_id")
    rubrics = _select(database_url, "SELECT rubric_id, scale_id, name, criteria FROM catalog_rubrics")
    assert [(s.scale_id, s.name, json.loads(s.levels)) for s in scales] == [
        ("scl-both", "Both", json.loads(catalog_levels)),                         # the catalog's own row wins
        ("scl-old", "Old scale", [{"rank": 1, "name": "Low", "description": ""},
                                  {"rank": 2, "name": "High", "description": ""}])]
    assert [(r.rubric_id, r.scale_id, r.name, json.loads(r.criteria)) for r in rubrics] == [
        ("rub-old", "scl-old", "old-rubric", [{"code": "voice", "name": "voice", "descriptors": {}},
                                              {"code": "poise", "name": "poise", "descriptors": {}}])]

    command.downgrade(alembic_config(MIGRATIONS_DIR, database_url), "0004")
    assert OLD_TABLES <= _tables(database_url)
    levels = _select(database_url, "SELECT scale_id, rank, name FROM scale_levels ORDER BY scale_id, rank")
    criteria = _select(database_url, "SELECT rubric_id, position, code FROM rubric_criteria ORDER BY position")
    assert [tuple(row) for row in levels] == [("scl-both", 1, "No"), ("scl-both", 2, "Yes"),
                                              ("scl-old", 1, "Low"), ("scl-old", 2, "High")]
    assert [tuple(row) for row in criteria] == [("rub-old", 0, "voice"), ("rub-old", 1, "poise")]
    upgrade(MIGRATIONS_DIR, database_url)                       # and up again from the refilled tables
    assert not OLD_TABLES & _tables(database_url)
