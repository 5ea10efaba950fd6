"""Set-based upserts (chassis.upserts) and id lists (chassis.db.among) on real PostgreSQL and on SQLite (the embedded
default): the same rows come out of both, for every conflict mode."""
import pytest
from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, func, select

from chassis.db import among, make_engine, make_session_factory
from chassis.upserts import upsert

pytestmark = pytest.mark.integration

metadata = MetaData()
counts = Table("counts", metadata, Column("k", String(16), primary_key=True), Column("g", String(16), primary_key=True),
               Column("n", Integer, nullable=False), Column("label", String(32), nullable=False))
versions = Table("versions", metadata, Column("id", String(16), primary_key=True),
                 Column("at", String(32), nullable=False), Column("deleted", Boolean, nullable=False))


def _newest(table, excluded, dialect: str) -> dict:
    greatest = func.max if dialect == "sqlite" else func.greatest
    return {"at": greatest(table.c.at, excluded.at), "deleted": table.c.deleted | excluded.deleted}


def _live_and_older(table, excluded):
    return table.c.deleted.is_(False) & (table.c.at <= excluded.at)


@pytest.fixture(params=["postgresql", "sqlite"])
def session(request, tmp_path):
    url = request.getfixturevalue("fresh_pg_database_url") if request.param == "postgresql" \
        else f"sqlite:///{tmp_path / 'upserts.db'}"
    engine = make_engine(url, pool_size=2)
    metadata.create_all(engine)
    with make_session_factory(engine)() as s:
        yield s
    engine.dispose()


def _rows(session, table) -> list[tuple]:
    return sorted(tuple(r) for r in session.execute(select(table)))


def test_insert_set_add_and_leave(session):
    upsert(session, counts, [{"k": "a", "g": "1", "n": 1, "label": "x"}, {"k": "b", "g": "1", "n": 2, "label": "y"}],
           ["k", "g"])
    upsert(session, counts, [{"k": "a", "g": "1", "n": 5, "label": "z"}], ["k", "g"])             # set every column
    upsert(session, counts, [{"k": "b", "g": "1", "n": 3, "label": "ignored"}], ["k", "g"], ["n"], add=True)
    upsert(session, counts, [{"k": "b", "g": "1", "n": 99, "label": "w"}, {"k": "c", "g": "2", "n": 7, "label": "v"}],
           ["k", "g"], [])                                                                        # leave stored rows
    assert _rows(session, counts) == [("a", "1", 5, "z"), ("b", "1", 5, "y"), ("c", "2", 7, "v")]
    assert upsert(session, counts, [], ["k", "g"]) == []


def test_returning_gives_each_row_written_after_it(session):
    upsert(session, counts, [{"k": "a", "g": "1", "n": 1, "label": ""}], ["k", "g"])
    rows = [{"k": "a", "g": "1", "n": 2, "label": ""}, {"k": "b", "g": "1", "n": 4, "label": ""}]
    after = upsert(session, counts, rows, ["k", "g"], ["n"], add=True, returning=("k", "n"))
    assert sorted(after) == [("a", 3), ("b", 4)]
    assert upsert(session, counts, [{"k": "a", "g": "1", "n": 0, "label": ""}], ["k", "g"], [],
                  returning=("k",)) == []                                       # a row left alone returns nothing


def test_merge_and_only_if(session):
    upsert(session, versions, [{"id": "v1", "at": "2026-01-02", "deleted": False},
                               {"id": "v2", "at": "2026-01-02", "deleted": True}], ["id"])
    upsert(session, versions, [{"id": "v1", "at": "2026-01-01", "deleted": True}], ["id"], merge=_newest)
    assert _rows(session, versions) == [("v1", "2026-01-02", True), ("v2", "2026-01-02", True)]
    upsert(session, versions, [{"id": "v1", "at": "2026-01-03", "deleted": False}], ["id"], merge=_newest)
    assert _rows(session, versions)[0] == ("v1", "2026-01-03", True)        # a deletion is kept, the time grows
    upsert(session, versions, [{"id": "v2", "at": "2026-02-01", "deleted": False},
                               {"id": "v3", "at": "2026-01-01", "deleted": False}], ["id"], only_if=_live_and_older)
    upsert(session, versions, [{"id": "v3", "at": "2025-12-31", "deleted": True}], ["id"], only_if=_live_and_older)
    assert _rows(session, versions)[1:] == [("v2", "2026-01-02", True), ("v3", "2026-01-01", False)]
    upsert(session, versions, [{"id": "v3", "at": "2026-01-05", "deleted": True}], ["id"], only_if=_live_and_older)
    assert _rows(session, versions)[2] == ("v3", "2026-01-05", True)


def test_among_matches_in(session):
    upsert(session, counts, [{"k": k, "g": "1", "n": i, "label": ""} for i, k in enumerate("abcde")], ["k", "g"])
    assert sorted(session.execute(select(counts.c.k).where(among(session, counts.c.k, ["b", "d", "z"]))).scalars()) \
        == ["b", "d"]
    assert list(session.execute(select(counts.c.k).where(among(session, counts.c.k, [])))) == []
