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


def _assert_expected(app, d) -> None:
    for year in ks.YEARS:
        figures, expected = _figures(app, year), _expected(d, year)
        for name in expected:
            assert figures[name] == expected[name], f"{name} differs in {year}"


@pytest.mark.parametrize(("size", "shuffle"), [(7, True), (97, True), (1000, True), (100_000, False),
                                               (100_000, True)])
def test_batches_give_the_same_read_models(app, size, shuffle):
    """The batch path (one transaction, one inbox claim, one statement per read model) of the events worker and
    the rebuild: small and large batches, out of order, every event twice (copies in one batch or in two), and
    the whole history in one batch (deletions, transfers and promotions beside what they change)."""
    d = ks.district(seed=8)
    events = ks.delivered(d, seed=12, shuffle=shuffle, twice=True)
    applied = sum(apply_batch(app.unit_of_work, events[i:i + size]) for i in range(0, len(events), size))
    assert applied == len(d.events)
    _assert_expected(app, d)


def test_the_batch_and_per_event_paths_dedupe_each_other(app):
    """Batches and single deliveries interleaved (the worker falls back to single ones when a batch fails):
    each event applied once, by whichever path came first, and the same read models."""
    d = ks.district(seed=9)
    events = ks.delivered(d, seed=13, shuffle=True, twice=True)
    chunks = [events[i:i + 150] for i in range(0, len(events), 150)]
    applied = sum(apply_batch(app.unit_of_work, chunk) if n % 2 else _feed(app, chunk)
                  for n, chunk in enumerate(chunks))
    assert applied == len(d.events)
    _assert_expected(app, d)


def test_as_of_is_the_newest_event_applied(app):
    d = ks.district(seed=3, n_students=5, n_artifacts=5)
    _feed(app, ks.delivered(d, seed=1, shuffle=True, twice=False))
    with app.unit_of_work() as uow:
        as_of = uow.reads.as_of()
    assert as_of == max(utc_iso(e.occurred_at) for e in d.events)
