"""Projections on a fake unit of work: each event claimed once, the same facts whatever the delivery order or
duplicates, a deletion final, attribution to where the student was when the evidence was added."""
from __future__ import annotations

import pytest
import reporting_stream as ks
from reporting_fakes import FakeReportingUnitOfWork

from chassis.messaging.subscriptions import consume
from chassis.messaging.topology import consumer_name
from reporting.service_layer.subscriptions import SUBSCRIPTIONS


def _feed(events) -> FakeReportingUnitOfWork:
    uow = FakeReportingUnitOfWork()
    for e in events:
        consume(lambda: uow, SUBSCRIPTIONS, e, consumer_name("reporting", e.type))
    return uow


@pytest.fixture(scope="module")
def district():
    return ks.district(seed=5, n_students=15, n_artifacts=40)


def test_every_delivery_is_claimed_once(district):
    uow = _feed(ks.delivered(district, seed=1, shuffle=True, twice=True))
    assert len(uow.claims) == len(district.events)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_out_of_order_and_duplicate_delivery_give_the_same_facts(district, seed):
    in_order = _feed(district.events).facts.snapshot()
    assert _feed(ks.delivered(district, seed=seed, shuffle=True, twice=True)).facts.snapshot() == in_order


def test_evidence_counts_where_the_student_was_when_it_was_added(district):
    facts = _feed(reversed(district.events)).facts
    for a in district.artifacts:
        row = facts.get("artifacts", artifact_id=a.id)
        assert (row["school_id"], row["grade_level"], row["deleted"]) == (a.school, a.grade, a.deleted)
        tags = {r["skill_id"] for r in facts.select("artifact_skills", artifact_id=a.id)}
        assert tags == (set() if a.deleted else set(a.skills))   # the newest event's skills, not the first one's


def test_a_transferred_student_is_enrolled_in_both_schools_that_year(district):
    facts = _feed(district.events).facts
    student, old, new, _ = district.transfers[0]
    schools = {r["school_id"] for r in facts.select("student_years", student_id=student, school_year_id="y2")}
    assert schools == {old, new}
    assert {r["school_id"] for r in facts.select("student_years", student_id=student, school_year_id="y1")} == {old}


def test_self_assessments_are_not_reported_levels(district):
    facts = _feed(district.events).facts
    assert facts.rows["assessments"] and all(not r["assessment_id"].startswith("self")
                                             for r in facts.rows["assessments"].values())


def test_a_deletion_before_the_addition_stays_deleted():
    e = ks._e
    added = e("artifacts", "artifact_added", ks._ts("2025-01-01"), artifact_id="x", student_id="s", school_id="s1",
              school_year_id="y1", kind="image", added_by_role="student", skill_ids=["k1"])
    deleted = e("artifacts", "artifact_deleted", ks._ts("2025-01-02"), artifact_id="x")
    facts = _feed([deleted, added]).facts
    assert facts.get("artifacts", artifact_id="x")["deleted"] is True


def test_imported_history_is_another_districts_evidence_and_is_not_counted(district):
    """A transfer's artifacts were made in another district: left out of every count here, whenever they arrive."""
    e = ks._e
    student = district.artifacts[0].student
    imported = [e("artifacts", kind, ks._ts("2026-12-01"), artifact_id="imp-1", student_id=student, school_id="",
                  school_year_id="", kind="document", added_by_role="imported", skill_ids=["k1"],
                  origin_district_id="did:web:sender.example", origin_school_year="2023-2024")
                for kind in ("artifact_added", "artifact_updated")]
    counted = _feed(district.events).facts.snapshot()
    facts = _feed([*district.events, *imported]).facts
    assert facts.get("artifacts", artifact_id="imp-1") is None and facts.select("artifact_skills",
                                                                               artifact_id="imp-1") == []
    assert {k: v for k, v in facts.snapshot().items() if k != "freshness"} == {
        k: v for k, v in counted.items() if k != "freshness"}


def test_as_of_keeps_the_newest_event_per_source(district):
    facts = _feed(reversed(district.events)).facts
    newest = max(e.occurred_at for e in district.events if e.producer == "artifacts")
    assert facts.get("freshness", source="artifacts")["newest_event_at"][:19] == newest[:19]
