"""In-district transfers in the roster's own access SQL (roster_sql.left_school), on PostgreSQL: Amara leaves Oak for
Pine on 15 January while Oak's class still lists her; her Oak teacher stops teaching her that day (relationship,
current students, the section's roster) and teaches her again when a later transfer brings her back."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert
from test_import_support import DATA

from chassis.db import make_engine, make_session_factory
from chassis.paging import PageRequest
from roster.adapters import orm
from roster.adapters.access_facts import AccessFacts
from roster.adapters.people_repository import PeopleRepository
from roster.domain.identity import entity_id
from roster.importer import import_roster
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration

AMARA, BEN, TINA = entity_id("user", "u-s1"), entity_id("user", "u-s2"), entity_id("user", "u-t1")
OAK, PINE, ELA5A = entity_id("org", "s1"), entity_id("org", "s2"), entity_id("class", "k-ela5a")
LEFT, BACK = dt.date(2026, 1, 15), dt.date(2026, 3, 1)


@pytest.fixture
def sessions(migrated_database):
    engine = make_engine(migrated_database(MIGRATIONS_DIR))
    import_roster(DATA / "valid", engine)
    with engine.begin() as conn:
        conn.execute(insert(orm.transfers), [
            {"student_id": AMARA, "from_school_id": OAK, "to_school_id": PINE, "effective_date": LEFT},
            {"student_id": AMARA, "from_school_id": PINE, "to_school_id": OAK, "effective_date": BACK}])
    yield make_session_factory(engine)
    engine.dispose()


@pytest.mark.parametrize("day, taught", [(LEFT - dt.timedelta(days=1), True), (LEFT, False),
                                         (BACK - dt.timedelta(days=1), False), (BACK, True)])
def test_the_sending_teacher_loses_the_student_from_the_transfer_date(sessions, day, taught):
    with sessions() as session:
        assert AccessFacts(session, day).relationship(TINA, AMARA, day)[0] is taught
        assert AccessFacts(session, day).relationship(TINA, BEN, day)[0]              # Ben never moved
        people = PeopleRepository(session, day)
        current = {p.id for p in people.current_students(TINA, day, PageRequest(size=50), "t").items}
        roster = {p.id for p in people.section_students(ELA5A, day, PageRequest(size=50), "s").items}
    assert (AMARA in current, AMARA in roster) == (taught, taught)
    assert BEN in current and BEN in roster
