"""Read models against a direct computation over the same known district: in order, shuffled, and with every
event delivered twice (real PostgreSQL, the events worker's own consumer names and inbox)."""
from __future__ import annotations

import pytest
import reporting_stream as ks

from chassis.messaging.replica import utc_iso
from chassis.messaging.subscriptions import feed_before_workers
from reporting.adapters.reads import Scope
from reporting.service_layer.batches import apply_batch
from reporting.service_layer.subscriptions import SUBSCRIPTIONS

pytestmark = pytest.mark.integration


def _feed(app, events) -> int:
    return feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, events, "reporting")


def _figures(app, year: str) -> dict:
    with app.unit_of_work() as uow:
        r, scope = uow.reads, Scope(year)
        return {"by_skill": r.artifact_counts(scope, "skill"), "by_school": r.artifact_counts(scope, "school"),
                "by_grade": r.artifact_counts(scope, "grade"), "by_kind": r.artifact_counts(scope, "kind"),
                "enrolled": r.enrolled(scope, "school"), "participation": r.participation(scope, "school"),
                "responses": r.responses(scope, "school"), "levels": r.latest_levels(scope),
                "milestones": r.milestone_outcomes(scope), "transfers": r.transfers(scope)}


def _expected(d, year: str) -> dict:
    return {"by_skill": ks.artifact_counts(d, year, "skill"), "by_school": ks.artifact_counts(d, year, "school"),
            "by_grade": ks.artifact_counts(d, year, "grade"), "by_kind": ks.artifact_counts(d, year, "kind"),
            "enrolled": ks.enrolled(d, year), "participation": ks.participation(d, year),
            "responses": ks.responses(d, year), "levels": ks.latest_levels(d, year),
            "milestones": ks.milestone_outcomes(d, year), "transfers": ks.transfers(d, year)}


@pytest.mark.parametrize(("shuffle", "twice"), [(False, False), (True, True)], ids=["in-order", "shuffled-twice"])
def test_read_models_equal_a_direct_computation(app, shuffle, twice):
    d = ks.district(seed=7)
    applied = _feed(app, ks.delivered(d, seed=11, shuffle=shuffle, twice=twice))
    assert applied == len(d.events)                       # the second copy of each event was a duplicate
    assert d.transfers and any(a.deleted for a in d.artifacts)
    for year in ks.YEARS:
        figures, expected = _figures(app, year), _expected(d, year)
        for name in expected:
            assert figures[name] == expected[name], f"{name} differs in {year}"


@pytest.mark.parametrize("size", [97, 1000])
def test_batches_give_the_same_read_models(app, size):
    """The batch path (one transaction, one inbox claim, set-based artifacts and responses) used by the rebuild."""
    d = ks.district(seed=8)
    events = ks.delivered(d, seed=12, shuffle=True, twice=True)
    applied = sum(apply_batch(app.unit_of_work, events[i:i + size]) for i in range(0, len(events), size))
    assert applied == len(d.events)
    for year in ks.YEARS:
        figures, expected = _figures(app, year), _expected(d, year)
        for name in expected:
            assert figures[name] == expected[name], f"{name} differs in {year}"


def test_as_of_is_the_newest_event_applied(app):
    d = ks.district(seed=3, n_students=5, n_artifacts=5)
    _feed(app, ks.delivered(d, seed=1, shuffle=True, twice=False))
    with app.unit_of_work() as uow:
        as_of = uow.reads.as_of()
    assert as_of == max(utc_iso(e.occurred_at) for e in d.events)
