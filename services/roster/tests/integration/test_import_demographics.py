"""OneRoster demographics.csv into PostgreSQL: birth dates land on people, a set without the file keeps the ones on
record, and a bad row (not a date, in the future, an unknown user, no users.csv beside it) rejects the whole import
with its line numbers and writes nothing."""
from __future__ import annotations

import datetime as dt

import pytest
from roster_demographics import with_demographics
from sqlalchemy import select
from test_import_support import DATA, counts

from chassis.db import make_engine
from roster.adapters import orm
from roster.importer import ImportRejected, import_roster
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration

@pytest.fixture
def engine(migrated_database):
    engine = make_engine(migrated_database(MIGRATIONS_DIR))
    yield engine
    engine.dispose()


def birth_dates(engine) -> dict[str, dt.date | None]:
    with engine.connect() as conn:
        return dict(conn.execute(select(orm.people.c.sourced_id, orm.people.c.birth_date)).all())


def test_birth_dates_land_and_a_set_without_demographics_keeps_them(engine, tmp_path):
    folder = with_demographics(tmp_path, "u-s1,active,,2008-02-29,female,false\nu-s2,active,,2012-09-01,male,false\n")
    report = import_roster(folder, engine)
    assert report.status == "applied"
    dates = birth_dates(engine)
    assert (dates["u-s1"], dates["u-s2"], dates["u-t1"]) == (dt.date(2008, 2, 29), dt.date(2012, 9, 1), None)
    assert import_roster(DATA / "valid", engine).status == "unchanged"       # no demographics.csv: dates kept
    assert birth_dates(engine)["u-s1"] == dt.date(2008, 2, 29)
    corrected = with_demographics(tmp_path / "again", "u-s1,active,,2008-03-01,female,false\n")
    assert import_roster(corrected, engine).changes["people"]["updated"] >= 1
    assert birth_dates(engine)["u-s1"] == dt.date(2008, 3, 1)


def test_bad_rows_reject_the_whole_set_with_line_numbers(engine, tmp_path):
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    folder = with_demographics(tmp_path, "u-s1,active,,2008-02-30,female,false\n"
                                         f"u-s2,active,,{future},male,false\n"
                                         "u-nobody,active,,2009-01-01,male,false\n"
                                         "u-s3,active,,2009-01-01,male,false\n")
    with pytest.raises(ImportRejected) as rejected:
        import_roster(folder, engine)
    found = {(p.file, p.line, p.column) for p in rejected.value.import_problems}
    assert found == {("demographics.csv", 2, "birthDate"), ("demographics.csv", 3, "birthDate"),
                     ("demographics.csv", 4, "sourcedId")}
    reasons = " ".join(p.reason for p in rejected.value.import_problems)
    assert "not a date" in reasons and "in the future" in reasons and "'u-nobody' does not exist" in reasons
    assert counts(engine)["people"] == 0                                       # all or nothing


def test_demographics_without_users_is_refused(engine, tmp_path):
    import_roster(DATA / "valid", engine)
    folder = with_demographics(tmp_path, "u-s1,active,,2008-02-29,female,false\n", users="absent")
    with pytest.raises(ImportRejected) as rejected:
        import_roster(folder, engine)
    assert [(p.file, p.column) for p in rejected.value.import_problems] == [("manifest.csv", "value")]
    assert "imported with the users" in rejected.value.import_problems[0].reason
    assert birth_dates(engine)["u-s1"] is None


def test_birth_dates_on_the_embedded_default_sqlite(tmp_path):
    from chassis.migrations import upgrade
    url = f"sqlite:///{tmp_path / 'roster.db'}"
    upgrade(MIGRATIONS_DIR, url)
    engine = make_engine(url)
    try:
        assert import_roster(with_demographics(tmp_path, "u-s1,active,,2008-02-29,female,false\n"),
                             engine).status == "applied"
        assert birth_dates(engine)["u-s1"] == dt.date(2008, 2, 29)
        assert import_roster(DATA / "valid", engine).status == "unchanged"     # kept without demographics.csv
        assert birth_dates(engine)["u-s1"] == dt.date(2008, 2, 29)
    finally:
        engine.dispose()
