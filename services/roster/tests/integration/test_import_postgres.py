"""OneRoster bulk import into a fresh, Alembic-migrated PostgreSQL database: counts, events, idempotence, changes,
transfers, all-or-nothing rejection with every problem located, BOM/CRLF/metadata/quoted newlines and zip input."""
from __future__ import annotations

import dataclasses
import json
import zipfile

import pytest
from sqlalchemy import select
from test_import_support import (
    CHANGED_EVENTS,
    CONFIRMED,
    DATA,
    VALID_COUNTS,
    VALID_EVENTS,
    copy_set,
    counts,
    event_types,
    last_outbox_id,
)

from chassis.db import make_engine
from chassis.events import Envelope
from chassis.migrations import upgrade
from roster.adapters import orm
from roster.domain.identity import entity_id
from roster.importer import ImportRejected, SourceError, import_roster
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration


@pytest.fixture
def engine(migrated_database):
    engine = make_engine(migrated_database(MIGRATIONS_DIR))
    yield engine
    engine.dispose()


def _person(engine, sourced_id):
    with engine.connect() as conn:
        return conn.execute(select(orm.people).where(orm.people.c.sourced_id == sourced_id)).mappings().one()


def test_valid_district_lands_with_counts_events_and_derived_facts(engine):
    report = import_roster(DATA / "valid", engine)
    assert report.status == "applied"
    assert counts(engine) == VALID_COUNTS
    assert event_types(engine) == VALID_EVENTS
    assert report.skipped == {"roles.csv role aide": 1, "enrollments.csv role aide": 1}
    chloe = _person(engine, "u-s3")            # no primaryOrgSourcedId: the primary role's school
    assert chloe["id"] == entity_id("user", "u-s3")
    assert chloe["primary_school_id"] == entity_id("org", "s2") and chloe["grade_level"] == "07"
    assert _person(engine, "u-d1")["primary_school_id"] is None   # a district is not a school
    with engine.connect() as conn:
        section = conn.execute(select(orm.sections).where(orm.sections.c.sourced_id == "k-ela5a")).mappings().one()
        assert section["school_year_id"] == entity_id("session", "y2026")
        assert (str(section["start_date"]), str(section["end_date"])) == ("2025-08-01", "2026-06-30")
        roles = conn.execute(select(orm.person_roles.c.role).where(
            orm.person_roles.c.person_id == entity_id("user", "u-g3"))).scalars().all()
        assert roles == ["guardian"]            # OneRoster "relative"
        run = conn.execute(select(orm.import_runs)).mappings().one()
        dump = " ".join(str(v) for row in conn.execute(select(orm.people)).all() for v in row)
    assert run["status"] == "applied" and json.loads(run["summary"])["changes"]["people"]["added"] == 11
    assert "secret123" not in dump and "password" in " ".join(report.notes)


def test_reimport_of_the_same_files_changes_nothing(engine):
    import_roster(DATA / "valid", engine)
    before_counts, last_event = counts(engine), last_outbox_id(engine)
    with engine.connect() as conn:
        stamps = conn.execute(select(orm.people.c.id, orm.people.c.updated_at)).all()
    report = import_roster(DATA / "valid", engine)
    assert report.status == "unchanged" and report.events == 0
    assert counts(engine) == before_counts and last_outbox_id(engine) == last_event
    with engine.connect() as conn:
        assert conn.execute(select(orm.people.c.id, orm.people.c.updated_at)).all() == stamps
        assert conn.execute(select(orm.import_runs.c.status).order_by(orm.import_runs.c.id)).scalars().all() == [
            "applied", "unchanged"]


def test_changed_rows_update_by_sourced_id_and_a_move_is_a_transfer(engine):
    import_roster(DATA / "valid", engine)
    last_event = last_outbox_id(engine)
    report = import_roster(DATA / "changed", engine, guard=CONFIRMED)
    assert report.status == "applied" and report.transfers == 1
    assert event_types(engine, last_event) == CHANGED_EVENTS
    ben = _person(engine, "u-s2")
    assert ben["id"] == entity_id("user", "u-s2") and ben["primary_school_id"] == entity_id("org", "s2")
    assert _person(engine, "u-s1")["given_name"] == "Amarachi"
    assert _person(engine, "u-a1")["active"] is False          # tobedeleted deactivates, never deletes
    assert counts(engine)["people"] == 11
    with engine.connect() as conn:
        transfer = conn.execute(select(orm.transfers)).mappings().one()
        enrollment = conn.execute(select(orm.enrollments.c.active).where(orm.enrollments.c.sourced_id == "e3"))
        guardianship = conn.execute(select(orm.guardianships.c.active).where(
            orm.guardianships.c.guardian_id == entity_id("user", "u-g2")))
        moved = conn.execute(select(orm.outbox.c.body).where(orm.outbox.c.type == "student_transferred")).scalar_one()
        assert enrollment.scalar_one() is False and guardianship.scalar_one() is False
    assert (transfer["from_school_id"], transfer["to_school_id"]) == (entity_id("org", "s1"), entity_id("org", "s2"))
    assert json.loads(moved)["data"]["student_id"] == ben["id"]


EXPECTED_PROBLEMS = {
    ("orgs.csv", 4, "name"), ("orgs.csv", 5, "type"), ("orgs.csv", 5, "parentSourcedId"), ("orgs.csv", 6, "sourcedId"),
    ("academicSessions.csv", 3, "endDate"), ("academicSessions.csv", 4, "type"),
    ("academicSessions.csv", 4, "schoolYear"), ("academicSessions.csv", 5, "status"),
    ("academicSessions.csv", 5, "endDate"), ("courses.csv", 3, "grades"),
    ("classes.csv", 4, "courseSourcedId"), ("classes.csv", 5, "classType"), ("classes.csv", 5, "schoolSourcedId"),
    ("classes.csv", 5, "termSourcedIds"),
    ("users.csv", 3, "givenName"), ("users.csv", 3, "grades"), ("users.csv", 3, "agentSourcedIds"),
    ("users.csv", 4, "enabledUser"), ("users.csv", 7, ""),
    ("roles.csv", 3, "role"), ("roles.csv", 4, "roleType"), ("roles.csv", 5, "userSourcedId"),
    ("roles.csv", 6, "orgSourcedId"), ("roles.csv", 6, "endDate"),
    ("enrollments.csv", 3, "primary"), ("enrollments.csv", 4, "classSourcedId"), ("enrollments.csv", 5, "beginDate"),
    ("enrollments.csv", 5, "userSourcedId"), ("enrollments.csv", 6, "sourcedId"),
}


def test_an_invalid_set_reports_every_problem_and_writes_nothing(engine):
    import_roster(DATA / "valid", engine)
    before = counts(engine)
    with pytest.raises(ImportRejected) as raised:
        import_roster(DATA / "errors", engine)
    problems = raised.value.import_problems
    assert {(p.file, p.line, p.column) for p in problems} == EXPECTED_PROBLEMS
    assert raised.value.total == len(EXPECTED_PROBLEMS) == len(raised.value.problems)
    assert "classes.csv:4:courseSourcedId: course 'c-nope' does not exist" in [str(p) for p in problems]
    assert raised.value.problems[0].field == "orgs.csv:4:name"
    assert counts(engine) == before
    with engine.connect() as conn:
        assert conn.execute(select(orm.import_runs.c.status).order_by(orm.import_runs.c.id)).scalars().all() == [
            "applied", "rejected"]


def test_bom_crlf_metadata_columns_quoted_newlines_from_a_zip(engine, tmp_path):
    archive = tmp_path / "district.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for file in (DATA / "quirks").iterdir():
            zipped.write(file, f"export-2025/{file.name}")
    report = import_roster(archive, engine)
    assert report.status == "applied" and counts(engine) == VALID_COUNTS
    assert _person(engine, "u-t2")["family_name"] == "Gómez"
    with engine.connect() as conn:
        title = conn.execute(select(orm.sections.c.title).where(orm.sections.c.sourced_id == "k-ela5b")).scalar_one()
    assert title == "ELA 5 (B),\nafternoon block"


def test_delta_mode_is_refused_and_absent_files_are_left_alone(engine, tmp_path):
    delta = copy_set("valid", tmp_path / "delta")
    (delta / "manifest.csv").write_text((delta / "manifest.csv").read_text().replace("file.users,bulk",
                                                                                     "file.users,delta"))
    with pytest.raises(SourceError, match="delta"):
        import_roster(delta, engine)
    import_roster(DATA / "valid", engine)
    orgs_only = copy_set("valid", tmp_path / "orgs_only")
    manifest = (orgs_only / "manifest.csv").read_text()
    for kind in ("academicSessions", "classes", "courses", "enrollments", "roles", "users"):
        manifest = manifest.replace(f"file.{kind},bulk", f"file.{kind},absent")
        (orgs_only / f"{kind}.csv").unlink()
    (orgs_only / "manifest.csv").write_text(manifest)
    before = counts(engine)
    assert import_roster(orgs_only, engine).status == "unchanged"
    assert counts(engine) == before


def _events(engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        bodies = [json.loads(body) for body in conn.execute(select(orm.outbox.c.body)).scalars()]
    assert all(set(body) == {f.name for f in dataclasses.fields(Envelope)} for body in bodies)
    assert all(body["producer"] == "roster" and body["schema_version"] == 1 for body in bodies)
    return sorted((body["type"], json.dumps(body["data"], sort_keys=True)) for body in bodies)


def test_postgres_and_sqlite_raise_the_same_events(engine, tmp_path):
    sqlite_url = f"sqlite:///{tmp_path / 'roster.db'}"
    upgrade(MIGRATIONS_DIR, sqlite_url)
    sqlite = make_engine(sqlite_url)
    for target in (engine, sqlite):
        import_roster(DATA / "valid", target)
        import_roster(DATA / "changed", target, guard=CONFIRMED)
    assert _events(engine) == _events(sqlite)
    assert ("person_updated", json.dumps({
        "active": True, "email": "", "family_name": "O'Neil", "given_name": "Ben", "grade_level": "05",
        "person_id": entity_id("user", "u-s2"), "preferred_language": "", "primary_school_id": entity_id("org", "s2"),
        "roles": ["student"], "sourced_id": "u-s2"}, sort_keys=True)) in _events(engine)
    sqlite.dispose()


def test_rows_missing_from_a_bulk_file_are_deactivated_not_deleted(engine, tmp_path):
    import_roster(DATA / "valid", engine)
    smaller = copy_set("valid", tmp_path / "smaller")
    for name, prefix in (("classes.csv", "k-sci7,"), ("enrollments.csv", "e6,"), ("enrollments.csv", "e7,")):
        lines = (smaller / name).read_text().splitlines(keepends=True)
        (smaller / name).write_text("".join(line for line in lines if not line.startswith(prefix)))
    last_event = last_outbox_id(engine)
    report = import_roster(smaller, engine, guard=CONFIRMED)
    assert report.changes["sections"] == {"added": 0, "updated": 0, "removed": 1}
    assert report.changes["section_terms"] == {"added": 0, "updated": 0, "removed": 1}
    assert event_types(engine, last_event) == {"section_removed": 1, "enrollment_removed": 2}
    assert counts(engine)["sections"] == VALID_COUNTS["sections"]
    with engine.connect() as conn:
        assert conn.execute(select(orm.sections.c.active).where(orm.sections.c.sourced_id == "k-sci7")).scalar_one() \
            is False
