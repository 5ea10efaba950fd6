"""The fake unit of work keeps the real one's transaction: events, audit rows, inbox claims and repository
changes commit together, and a unit left without committing leaves nothing behind."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from chassis.events import DomainEvent, Envelope
from chassis.testing.fake_roster import FakeRosterReplica
from chassis.testing.fake_uow import FakeUnitOfWork
from chassis.uow import UnitOfWork


@dataclass(frozen=True)
class ThingAdded(DomainEvent):
    thing_id: str


class Things:
    def __init__(self) -> None:
        self.rows: dict[str, str] = {}


class FakeThings(FakeUnitOfWork, UnitOfWork):
    stores = ("things",)
    producer = "things"
    consumer = "things.consumer"

    def __init__(self) -> None:
        super().__init__()
        self.things = Things()


def add(uow: FakeThings, thing_id: str, commit: bool = True) -> None:
    with uow:
        uow.things.rows[thing_id] = "x"
        uow.raise_event(ThingAdded(thing_id=thing_id))
        uow.record_access(None, actor="p1", actor_roles=["teacher", "guardian"], action="things.Add",
                          subject_ids=["s1", "s1"], detail={"thing_id": thing_id})
        assert uow.claim(Envelope(type="thing_wanted", producer="elsewhere", data={}, event_id=f"event-{thing_id}"))
        uow.keep_result(thing_id)
        if commit:
            uow.commit()


def test_a_committed_unit_keeps_everything_together():
    uow = FakeThings()
    add(uow, "t1")
    assert uow.things.rows == {"t1": "x"} and uow.commits == 1
    [event] = uow.events
    assert (event.type, event.producer, event.data) == ("thing_added", "things", {"thing_id": "t1"})
    [row] = uow.audit_rows
    assert (row.actor_roles, row.subject_ids, row.subject_id, row.detail) == ("guardian,teacher", ("s1",), "s1",
                                                                              {"thing_id": "t1"})
    assert uow.claims == {("things.consumer", "event-t1")} and uow.kept == ["t1"]


def test_a_unit_left_without_committing_leaves_nothing():
    uow = FakeThings()
    add(uow, "t1", commit=False)
    assert (uow.things.rows, uow.events, uow.audit_rows, uow.claims, uow.kept, uow.commits) == ({}, [], [], set(),
                                                                                                [], 0)
    with pytest.raises(RuntimeError), uow:
        uow.things.rows["t2"] = "x"
        raise RuntimeError("the use case failed")
    assert uow.things.rows == {}


def test_a_claimed_event_is_not_applied_twice_and_no_subject_is_no_audit_row():
    uow = FakeThings()
    add(uow, "t1")
    again = Envelope(type="thing_wanted", producer="elsewhere", data={}, event_id="event-t1")
    with uow:
        assert not uow.claim(again) and uow.duplicate
        uow.consumer = "other.consumer"
        assert uow.claim(again)
        assert not uow.record_access(None, actor="p1", actor_roles=[], action="things.List", subject_ids=[])
        uow.commit()
    assert len(uow.audit_rows) == 1


def test_the_fake_roster_replica_decides_relations_with_the_real_rules():
    import datetime as dt
    replica = FakeRosterReplica()
    replica.upsert("sections", {"section_id": "s"},
                   {"school_id": "a", "school_year_id": "y", "start_date": "2026-08-01", "end_date": "2027-06-01"})
    for eid, person, role in (("e1", "t", "teacher"), ("e2", "k", "student")):
        replica.upsert("enrollments", {"enrollment_id": eid}, {"section_id": "s", "person_id": person, "role": role,
                                                               "begin_date": "", "end_date": "", "active": True})
    replica.upsert("guardianships", {"guardian_id": "g", "student_id": "k"}, {})
    today = dt.date(2026, 11, 23)
    assert replica.relation("t", "k", today, ["teacher"]).teaches_now
    assert not replica.relation("t", "k", dt.date(2027, 7, 1), ["teacher"]).teaches_now
    assert replica.relation("g", "k", today, ["guardian"]).guardian_of
    assert replica.current_school_year("k", today) == "y"
    replica.upsert("people", {"person_id": "t"}, {"roles": "teacher", "active": False, "primary_school_id": "a",
                                                 "grade_level": ""})
    assert not replica.relation("t", "k", today, ["teacher"]).teaches_now          # inactive: no standing
    assert replica.is_newest("person", "t", "2026-11-02T00:00:00+00:00")
    assert not replica.is_newest("person", "t", "2026-11-01T00:00:00+00:00")
