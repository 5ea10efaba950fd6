"""The report cache over real PostgreSQL: a dashboard computed once is served again, and any applied event, even a
late one older than the newest already applied, makes the next call see the change."""
from __future__ import annotations

import pytest
import reporting_stream as ks

from chassis.access import Viewer
from chassis.errors import InvalidArgument
from chassis.messaging.subscriptions import feed_before_workers
from reporting.adapters.reads import MemoReads
from reporting.service_layer.subscriptions import ERASURE, SUBSCRIPTIONS

pytestmark = pytest.mark.integration
ADMIN = Viewer.of("p-dadmin", ["district_admin"])


def _artifacts(board) -> int:
    return next(h.value.count for h in board.headlines if h.key == "artifacts")


def test_the_cached_dashboard_follows_every_applied_event(app):
    d = ks.district(seed=7)
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, d.events, "reporting")
    year = "y2"
    first = app.queries.dashboard(ADMIN, school_year_id=year)
    assert app.queries.dashboard(ADMIN, school_year_id=year) is first          # served from the cache
    expected = sum(1 for a in d.artifacts if a.year == year and not a.deleted)
    assert _artifacts(first) == expected >= 10
    victim = next(a for a in d.artifacts if a.year == year and not a.deleted)
    late = ks._e("artifacts", "artifact_deleted", ks._ts("2024-07-02"), artifact_id=victim.id)   # older than as_of
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, [late], "reporting")
    after = app.queries.dashboard(ADMIN, school_year_id=year)
    assert _artifacts(after) == expected - 1 and after.as_of == first.as_of
    _, table = app.queries.report(ADMIN, "artifacts_by_kind", school_year_id=year)
    assert app.queries.report(ADMIN, "artifacts_by_kind", school_year_id=year)[1] is table


def test_shared_lookups_follow_the_roster(app):
    """The filter's lookups (schools, years, skills) are shared between calls, and renewed by any applied event."""
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, ks.district(seed=7).events, "reporting")
    before = app.queries.options(ADMIN)
    with pytest.raises(InvalidArgument):
        app.queries.dashboard(ADMIN, school_year_id="y2", school_id="s9")
    added = ks._e("roster", "school_added", ks._ts("2024-07-01"), school_id="s9", name="Zelkova Academy",
                  district_id="d")
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, [added], "reporting")
    assert ("s9", "Zelkova Academy") in app.queries.options(ADMIN).schools
    assert ("s9", "Zelkova Academy") not in before.schools
    assert app.queries.dashboard(ADMIN, school_year_id="y2", school_id="s9").scope.school_id == "s9"


def test_an_erasure_renews_the_cached_dashboard(app):
    """A student erased here leaves the next dashboard, though no event about evidence arrived after it."""
    d = ks.district(seed=7)
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, d.events, "reporting")
    year = "y2"
    first = app.queries.dashboard(ADMIN, school_year_id=year)
    victim = next(a.student for a in d.artifacts if a.year == year and not a.deleted)
    theirs = sum(1 for a in d.artifacts if a.year == year and not a.deleted and a.student == victim)
    feed_before_workers(app.unit_of_work, ERASURE, [ks._e(
        "roster", "erasure_requested", ks._ts("2026-12-02"), erasure_id="er-3", student_id=victim, pseudonym="p",
        requested_by="privacy-officer")], "reporting")
    after = app.queries.dashboard(ADMIN, school_year_id=year)
    assert _artifacts(after) == _artifacts(first) - theirs and theirs > 0


def test_a_lookup_is_renewed_by_its_own_sources_events_only(app):
    """The schools come from the roster: an artifact event leaves them shared (the report itself is computed again),
    a roster event renews them."""
    d = ks.district(seed=7)
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, d.events, "reporting")

    def schools():
        with app.unit_of_work() as uow:
            return MemoReads(uow.reads, app.queries.cache).schools()
    first = schools()
    victim = next(a for a in d.artifacts if not a.deleted)
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, [
        ks._e("artifacts", "artifact_deleted", ks._ts("2026-12-01"), artifact_id=victim.id)], "reporting")
    assert schools() is first
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, [ks._e(
        "roster", "school_added", ks._ts("2026-12-01"), school_id="s9", name="Zelkova Academy", district_id="d")],
        "reporting")
    assert schools() is not first and schools()["s9"] == "Zelkova Academy"
