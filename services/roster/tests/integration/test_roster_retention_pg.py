"""Retention's SQL on PostgreSQL: the schedule row, legal holds, who left when, and the sweep reporting then erasing
through the saga (the roster's own part, the request event in the outbox)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import insert, select, update

from chassis.db import make_engine, make_session_factory
from chassis.signing import DistrictKey
from roster.adapters import orm
from roster.domain.access import Viewer
from roster.domain.retention import RetentionSchedule
from roster.erasure_config import ErasureOptions
from roster.migrations import MIGRATIONS_DIR
from roster.service_layer import retention
from roster.service_layer.erasure import Coordinator
from roster.service_layer.unit_of_work import RosterUnitOfWork

pytestmark = pytest.mark.integration
LEFT = dt.datetime(2020, 6, 30, 12, tzinfo=dt.UTC)


@pytest.fixture
def uows(migrated_database):
    engine = make_engine(migrated_database(MIGRATIONS_DIR), pool_size=2)
    sessions = make_session_factory(engine)
    with engine.begin() as connection:
        connection.execute(insert(orm.orgs).values(id="school", sourced_id="school", type="school", name="School"))
        for person, active in (("gone", False), ("held", False), ("here", True)):
            connection.execute(insert(orm.people).values(id=person, sourced_id=person, given_name="Ada",
                                                         family_name=person, email=f"{person}@example.org",
                                                         active=active))
            connection.execute(insert(orm.person_roles).values(person_id=person, role="student", org_id="school"))
        connection.execute(update(orm.people).values(updated_at=LEFT))
    yield lambda: RosterUnitOfWork(sessions)
    engine.dispose()


def test_the_sweep_reports_leavers_then_erases_those_not_held(uows):
    coordinator = Coordinator(ErasureOptions(services="artifacts"), DistrictKey.generate(), b"k", "Demo")
    retention.set_schedule(uows, Viewer.of("admin", {"district_admin"}), RetentionSchedule(5, 5, 30), LEFT)
    retention.legal_hold(uows, Viewer.of("po", {"privacy_officer"}), "held", "litigation", LEFT, hold=True)
    with uows() as uow:
        assert uow.retention.leavers() == {"gone": LEFT.date(), "held": LEFT.date()}
        assert uow.retention.schedule().portfolio_years == 5 and uow.retention.held() == {"held"}
    assert retention.sweep(uows, coordinator, dt.date(2025, 6, 29)) == (0, 0)     # not yet five years
    assert retention.sweep(uows, coordinator, dt.date(2025, 6, 30)) == (2, 0)     # reported, grace begins
    assert retention.sweep(uows, coordinator, dt.date(2025, 7, 30)) == (0, 1)     # "held" stays
    assert retention.sweep(uows, coordinator, dt.date(2025, 8, 30)) == (0, 0)
    with uows() as uow:
        session = uow.session
        person = session.execute(select(orm.people).where(orm.people.c.id == "gone")).one()
        requests = session.execute(select(orm.erasure_requests)).all()
        events = [json.loads(row.body) for row in session.execute(select(orm.outbox))]
        due = {r.student_id: r for r in retention.due(uows)}
    assert (person.given_name, person.email) == ("Erased", "")
    assert [r.status for r in requests] == ["pending"] and requests[0].requested_by == "service:roster-retention"
    assert [e["type"] for e in events] == ["erasure_requested"] and events[0]["data"]["student_id"] == "gone"
    assert due["gone"].erasure_id == requests[0].id and due["held"].held and not due["held"].erasure_id


def test_the_media_years_erase_the_media_alone_and_leave_the_whole_record_due_at_its_date(uows):
    """Media kept 2 years of 5: the media record is reported and erased (the roster's rows untouched, the request
    says media only); it does not count as the record's erasure, so the portfolio is reported at its own date."""
    coordinator = Coordinator(ErasureOptions(services="artifacts"), DistrictKey.generate(), b"k", "Demo")
    retention.set_schedule(uows, Viewer.of("admin", {"district_admin"}), RetentionSchedule(5, 2, 30), LEFT)
    retention.legal_hold(uows, Viewer.of("po", {"privacy_officer"}), "held", "litigation", LEFT, hold=True)
    assert retention.sweep(uows, coordinator, dt.date(2022, 6, 30)) == (2, 0)
    assert [(r.student_id, r.kind) for r in retention.due(uows)] == [("gone", "media"), ("held", "media")]
    assert retention.sweep(uows, coordinator, dt.date(2022, 7, 30)) == (0, 1)
    with uows() as uow:
        session = uow.session
        person = session.execute(select(orm.people).where(orm.people.c.id == "gone")).one()
        [request] = session.execute(select(orm.erasure_requests)).all()
        [event] = [json.loads(row.body) for row in session.execute(select(orm.outbox))]
        assert uow.erasures.pseudonyms() == set()                  # the media alone: not the record's erasure
    assert person.given_name == "Ada" and request.media_only and "media 2 years" in request.reason
    assert event["data"]["media_only"] is True and event["data"]["student_id"] == "gone"
    with uows() as uow:                                             # the services confirm: done
        uow.consumer = "roster.test"
        from chassis.erasure import ErasureConfirmed
        from chassis.events import Envelope
        from roster.service_layer.erasure import record_confirmation
        record_confirmation(uow, coordinator, Envelope.from_event(ErasureConfirmed(request.id, "artifacts",
                                                                                   {"version_media": 3}), "artifacts"))
        uow.commit()
    assert retention.sweep(uows, coordinator, dt.date(2025, 6, 30)) == (2, 0)       # the portfolio's own date
    assert sorted((r.student_id, r.kind) for r in retention.due(uows)) == [
        ("gone", "media"), ("gone", "portfolio"), ("held", "media"), ("held", "portfolio")]
    assert retention.sweep(uows, coordinator, dt.date(2025, 7, 30)) == (0, 1)
