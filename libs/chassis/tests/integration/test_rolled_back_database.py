"""service_database: the session's database with each test's writes rolled back (units of work commit to
SAVEPOINTs), or, under ``own_database``, a database of the test's own whose commits other connections see."""
from __future__ import annotations

import pathlib

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from chassis.testing.rolled_back import rolled_back

pytestmark = pytest.mark.integration
PROBE = pathlib.Path(__file__).parent / "probe_migrations"


def notes(connection) -> list[str]:
    return list(connection.execute(text("SELECT text FROM notes ORDER BY id")).scalars())


def add(session_factory, note: str) -> None:
    with session_factory() as session:
        session.execute(text("INSERT INTO notes (text) VALUES (:t)"), {"t": note})
        session.commit()


def test_commits_are_seen_inside_the_test_and_gone_after_it(shared_databases):
    url, engine, _ = shared_databases(PROBE)
    with rolled_back(url, engine) as database:
        add(database.session_factory, "first")
        with pytest.raises(IntegrityError), database.session_factory() as session:     # a failed unit of work
            session.execute(text("INSERT INTO notes (text) VALUES ('first')"))
        add(database.session_factory, "second")                                         # the transaction lives on
        with database.connect() as conn:
            assert notes(conn) == ["first", "second"]
        with database.connect() as conn, pytest.raises(IntegrityError):                # a failed raw statement
            conn.execute(text("INSERT INTO notes (text) VALUES ('second')"))
        with database.connect() as conn:
            assert notes(conn) == ["first", "second"]
        with engine.connect() as other:                                                 # nothing committed
            assert notes(other) == []
    with rolled_back(url, engine) as database, database.connect() as conn:             # the next test's view
        assert notes(conn) == []


def test_the_shared_database_is_not_handed_to_other_code(service_database):
    database = service_database(PROBE)
    assert not database.own
    with pytest.raises(RuntimeError, match="own_database"):
        database.own_url()


@pytest.mark.own_database
def test_an_own_database_really_commits(service_database, shared_databases):
    database = service_database(PROBE, seed=lambda conn: conn.execute(text("INSERT INTO notes (text) VALUES ('seed')")))
    assert database.own and database.url != shared_databases(PROBE)[0]
    add(database.session_factory, "committed")
    engine = create_engine(database.own_url())
    try:
        with engine.connect() as other:
            assert notes(other) == ["seed", "committed"]
    finally:
        engine.dispose()
