"""Rights at 18 on PostgreSQL, from a OneRoster import with demographics.csv: the rule passes Amara's rights on her
18th birthday (a leap-day one: 1 March), her guardians' access ends in the roster and through guardianship events
for the other services, she grants one guardian again, and every change is audited; the district's setting can
keep guardian access instead; an import that re-lists a guardianship is ended again."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from roster_demographics import with_demographics
from sqlalchemy import select

from chassis.config import service_settings
from chassis.errors import Conflict, PermissionDenied
from roster.adapters import orm
from roster.bootstrap import build
from roster.domain.access import Viewer
from roster.domain.identity import entity_id
from roster.importer import import_roster
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration

AMARA, BEN = entity_id("user", "u-s1"), entity_id("user", "u-s2")
GRACE, PAUL, MARY = entity_id("user", "u-g1"), entity_id("user", "u-g2"), entity_id("user", "u-g3")
DISTRICT = entity_id("org", "d1")
EVE_OF, BIRTHDAY = dt.date(2026, 2, 28), dt.date(2026, 3, 1)


class Today:
    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def roster(migrated_database, tmp_path):
    url = migrated_database(MIGRATIONS_DIR)
    today = Today(EVE_OF)
    app = build(service_settings("roster", database_url=url), clock=today)
    import_roster(with_demographics(tmp_path, "u-s1,active,,2008-02-29,female,false\n"
                                              "u-s2,active,,2014-05-01,male,false\n"), app.engine)
    app.today = today
    yield app
    app.close()


def outbox(app, after: int = 0) -> list[tuple[str, dict]]:
    with app.engine.connect() as conn:
        rows = conn.execute(select(orm.outbox.c.id, orm.outbox.c.type, orm.outbox.c.body)
                            .where(orm.outbox.c.id > after).order_by(orm.outbox.c.id)).all()
    return [(r.type, json.loads(r.body)["data"]) for r in rows]


def last_id(app) -> int:
    with app.engine.connect() as conn:
        return conn.execute(select(orm.outbox.c.id).order_by(orm.outbox.c.id.desc()).limit(1)).scalar() or 0


def audit(app) -> list[tuple[str, str, str]]:
    with app.engine.connect() as conn:
        return [(r.actor, r.action, r.subject_id) for r in conn.execute(select(orm.audit_log).order_by(
            orm.audit_log.c.id))]


def guards(app, guardian: str, student: str) -> bool:
    with app.unit_of_work() as uow:
        return uow.facts.relationship(guardian, student, app.today())[1]


def test_rights_pass_on_the_leap_day_birthday_and_the_student_grants_one_guardian_again(roster):
    before = last_id(roster)
    assert roster.rights.apply_due().passed == 0                    # 28 February 2026: still 17
    assert guards(roster, GRACE, AMARA) and guards(roster, PAUL, AMARA)
    roster.today.day = BIRTHDAY
    run = roster.rights.apply_due()
    assert (run.passed, run.ended) == (1, 2)
    assert not guards(roster, GRACE, AMARA) and not guards(roster, PAUL, AMARA)
    assert guards(roster, MARY, BEN)                                 # Ben is 11: his guardian keeps access
    events = outbox(roster, before)
    removed = sorted(d["guardian_id"] for t, d in events if t == "guardianship_removed")
    assert removed == sorted([GRACE, PAUL])
    passed = [d for t, d in events if t == "student_rights_passed"]
    assert passed == [{"student_id": AMARA, "basis": "age_18", "effective_date": "2026-03-01",
                       "guardian_ids": passed[0]["guardian_ids"]}] and sorted(passed[0]["guardian_ids"]) == removed
    assert ("service:roster", "roster.RightsPassed", AMARA) in audit(roster)
    assert roster.rights.apply_due() == type(run)(0, 0)             # applied once

    amara = Viewer.of(AMARA, ["student"])
    mark = last_id(roster)
    standing = roster.rights.set_guardian_access(amara, AMARA, GRACE, True)
    assert standing.granted is True and guards(roster, GRACE, AMARA) and not guards(roster, PAUL, AMARA)
    assert [t for t, _ in outbox(roster, mark)] == ["guardianship_added", "guardian_access_changed"]
    assert audit(roster)[-1] == (AMARA, "roster.SetGuardianAccess", AMARA)
    passed_on, guardians = roster.rights.guardians(amara, AMARA)
    assert passed_on == BIRTHDAY and {g.guardian_id: g.granted for g in guardians} == {GRACE: True, PAUL: False}
    roster.rights.set_guardian_access(amara, AMARA, GRACE, False)
    assert not guards(roster, GRACE, AMARA)


def test_only_the_adult_student_decides(roster):
    with pytest.raises(PermissionDenied):
        roster.rights.set_guardian_access(Viewer.of(GRACE, ["guardian"]), AMARA, GRACE, True)
    with pytest.raises(Conflict):                                    # Ben is a minor: not his to change
        roster.rights.set_guardian_access(Viewer.of(BEN, ["student"]), BEN, MARY, False)


def test_a_district_that_keeps_guardian_access_passes_no_rights(roster):
    roster.rights.set_rule(DISTRICT, "never", "ops")
    roster.today.day = BIRTHDAY
    assert roster.rights.apply_due().passed == 0 and guards(roster, GRACE, AMARA)
    roster.rights.set_rule(DISTRICT, "age_18", "ops")
    assert roster.rights.apply_due().passed == 1


def test_an_import_that_lists_the_guardianship_again_is_ended_again(roster, tmp_path):
    roster.today.day = BIRTHDAY
    roster.rights.apply_due()
    with roster.engine.begin() as conn:                              # the SIS drops Paul, then lists him again
        conn.execute(orm.guardianships.update().where(orm.guardianships.c.guardian_id == PAUL)
                     .values(active=False))
    started = dt.datetime.now(dt.UTC)
    import_roster(with_demographics(tmp_path / "again", "u-s1,active,,2008-02-29,female,false\n"), roster.engine)
    mark = last_id(roster)
    assert roster.rights.apply_due(changed_since=started).ended == 1
    assert [(t, d["guardian_id"]) for t, d in outbox(roster, mark) if t == "guardianship_removed"] == [
        ("guardianship_removed", PAUL)]
    assert not guards(roster, PAUL, AMARA)
