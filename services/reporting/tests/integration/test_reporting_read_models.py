"""Read models against a direct computation over the same known district: in order, shuffled, and with every
event delivered twice (real PostgreSQL, the events worker's own consumer names and inbox)."""
from __future__ import annotations

from dataclasses import replace

import pytest
import reporting_stream as ks
from sqlalchemy import delete, func, select

from chassis.messaging.replica import utc_iso
from chassis.messaging.subscriptions import feed_before_workers
from reporting.adapters import orm, summaries
from reporting.adapters.reads import Scope
from reporting.service_layer.batches import apply_batch
from reporting.service_layer.subscriptions import ERASURE, SUBSCRIPTIONS

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


def _summary_rows(session) -> dict:
    return {t.name: sorted(tuple(r) for r in session.execute(select(t))) for t in orm.SUMMARIES}


def _assert_summaries_exact(app) -> None:
    """The summaries as maintained == recomputed from the artifact-level rows (so they cannot drift), and their
    distinct-student figures == a direct count over those rows, for every school and grade filter."""
    A, S = orm.artifacts, orm.artifact_skills
    with app.unit_of_work() as uow:
        session, reads = uow.session, uow.reads
        kept = _summary_rows(session)
        assert kept["artifact_counts"] and kept["participation"]
        for t in orm.SUMMARIES:
            session.execute(delete(t))
        summaries.backfill(session)
        assert _summary_rows(session) == kept
        session.rollback()
        live = A.c.deleted.is_(False)
        cells = list(session.execute(select(A.c.school_year_id, A.c.school_id, A.c.grade_level).where(live)
                                     .distinct()))
        scopes = {scope for year, school, grade in cells for scope in (
            Scope(year), Scope(year, school), Scope(year, school, grade), Scope(year, "", grade))}
        for scope in sorted(scopes, key=lambda s: (s.school_year_id, s.school_id, s.grade)):
            where = [live, A.c.school_year_id == scope.school_year_id,
                     *([A.c.school_id == scope.school_id] if scope.school_id else []),
                     *([A.c.grade_level == scope.grade] if scope.grade else [])]
            assert reads.students_with_evidence(scope) == session.execute(
                select(func.count(A.c.student_id.distinct())).where(*where)).scalar(), scope
            group = "grade" if scope.school_id else "school"
            key = A.c[{"grade": "grade_level", "school": "school_id"}[group]]
            direct = {(r[0], r[1]): r[2] for r in session.execute(
                select(key, S.c.skill_id, func.count(A.c.student_id.distinct())).select_from(
                    A.join(S, S.c.artifact_id == A.c.artifact_id)).where(*where).group_by(key, S.c.skill_id))}
            assert reads.participation(scope, group) == direct, scope
            assert reads.participation(scope, None) == {("", k): v for k, v in session.execute(
                select(S.c.skill_id, func.count(A.c.student_id.distinct())).select_from(
                    A.join(S, S.c.artifact_id == A.c.artifact_id)).where(*where).group_by(S.c.skill_id))}, scope
            _assert_level_exact(session, reads, scope, where, key, group)


def _assert_level_exact(session, reads, scope: Scope, where: list, key, group: str) -> None:
    """Every figure a report reads at this filter's level == a direct GROUP BY over the artifact-level rows (the
    summaries keep each level's rows; nothing is summed from a level below)."""
    A, S, Y = orm.artifacts, orm.artifact_skills, orm.student_years
    tagged = A.join(S, S.c.artifact_id == A.c.artifact_id)

    def by_role(column, source) -> dict:
        out: dict = {}
        for k, role, n in session.execute(select(column, A.c.added_by_role, func.count()).select_from(source)
                                          .where(*where).group_by(column, A.c.added_by_role)):
            out.setdefault(k, {})[role] = n
        return out
    assert reads.artifact_counts(scope, group) == by_role(key, A), scope
    assert reads.artifact_counts(scope, "kind") == by_role(A.c.kind, A), scope
    assert reads.artifact_counts(scope, "skill") == by_role(S.c.skill_id, tagged), scope
    flagged = {kind: func.count().filter(orm.artifact_responses.c.kind == kind) for kind in ("reflection", "feedback")}
    responses = select(key, func.count(A.c.artifact_id.distinct()), flagged["reflection"], flagged["feedback"]) \
        .select_from(A.outerjoin(orm.artifact_responses, orm.artifact_responses.c.artifact_id == A.c.artifact_id)) \
        .where(*where).group_by(key)
    direct = {r[0]: (r[1], r[2], r[3]) for r in session.execute(responses)}
    assert reads.responses(scope, group) == direct, scope
    enrolled = [Y.c.school_year_id == scope.school_year_id,
                *([Y.c.school_id == scope.school_id] if scope.school_id else []),
                *([Y.c.grade_level == scope.grade] if scope.grade else [])]
    by = Y.c[{"grade": "grade_level", "school": "school_id"}[group]]
    assert reads.enrolled(scope, group) == dict(list(session.execute(select(by, func.count(
        Y.c.student_id.distinct())).where(*enrolled).group_by(by)))), scope
    assert reads.enrolled(scope, None) == ({"": n} if (n := session.execute(select(func.count(
        Y.c.student_id.distinct())).where(*enrolled)).scalar()) else {}), scope
    ranked = summaries._latest().subquery()
    at = [ranked.c.nth == 1, ranked.c.school_year_id == scope.school_year_id,
          *([ranked.c.school_id == scope.school_id] if scope.school_id else []),
          *([ranked.c.grade_level == scope.grade] if scope.grade else [])]
    assert reads.latest_levels(scope) == {(r[0], r[1]): r[2] for r in session.execute(select(
        ranked.c.skill_id, ranked.c.level_rank, func.count()).where(*at).group_by(
        ranked.c.skill_id, ranked.c.level_rank))}, scope


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
    _assert_summaries_exact(app)


def _assert_expected(app, d) -> None:
    for year in ks.YEARS:
        figures, expected = _figures(app, year), _expected(d, year)
        for name in expected:
            assert figures[name] == expected[name], f"{name} differs in {year}"
    _assert_summaries_exact(app)


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


@pytest.mark.parametrize("path", ["batch", "per-event"])
def test_imported_history_and_events_about_an_erased_student_count_for_nothing(app, path):
    """A transfer's imported artifacts (another district's evidence) and events still in flight about a student
    erased here are claimed, and change no read model, on the worker's batch path as on the per-event one."""
    from chassis.messaging.replica import mark_erased
    d = ks.district(seed=4, n_students=12, n_artifacts=30)
    e, student = ks._e, d.artifacts[0].student
    with app.unit_of_work() as uow:
        mark_erased(uow.session, orm.replica_versions, "gone-1")
        uow.commit()
    extra = [e("artifacts", "artifact_added", ks._ts("2026-12-01"), artifact_id="imp-1", student_id=student,
               school_id="", school_year_id="", kind="document", added_by_role="imported", skill_ids=["k1"],
               origin_district_id="did:web:sender.example", origin_school_year="2023-2024"),
             e("roster", "person_updated", ks._ts("2026-12-01"), person_id="gone-1", roles=["student"],
               primary_school_id="s1", grade_level="05", active=True),
             e("artifacts", "artifact_added", ks._ts("2026-12-01"), artifact_id="gone-art", student_id="gone-1",
               school_id="s1", school_year_id="y2", kind="image", added_by_role="student", skill_ids=["k1"])]
    events = [*ks.delivered(d, seed=2, shuffle=True, twice=False), *extra]
    applied = apply_batch(app.unit_of_work, events) if path == "batch" else _feed(app, events)
    assert applied == len(events)                                  # claimed, every one
    with app.unit_of_work() as uow:
        stored = {r.artifact_id for r in uow.session.execute(select(orm.artifacts.c.artifact_id))}
        people = {r.person_id for r in uow.session.execute(select(orm.people.c.person_id))}
    assert not {"imp-1", "gone-art"} & stored and "gone-1" not in people
    _assert_expected(app, d)


@pytest.mark.parametrize("path", ["batch", "per-event"])
def test_erasing_a_student_takes_them_out_of_every_figure(app, path):
    """A student is erased: every figure (counts, participation, enrolment, levels, at every level) equals a direct
    computation over the district without them, on rows stored by either path."""
    d = ks.district(seed=6, n_students=12, n_artifacts=40)
    events = ks.delivered(d, seed=7, shuffle=True, twice=False)
    assert (apply_batch(app.unit_of_work, events) if path == "batch" else _feed(app, events)) == len(events)
    victim = max(d.students, key=lambda s: sum(a.student == s for a in d.artifacts if not a.deleted))
    assert feed_before_workers(app.unit_of_work, ERASURE, [ks._e(
        "roster", "erasure_requested", ks._ts("2026-12-02"), erasure_id="er-2", student_id=victim, pseudonym="p",
        requested_by="privacy-officer")], "reporting") == 1
    _assert_expected(app, replace(
        d, students={k: v for k, v in d.students.items() if k != victim},
        artifacts=[a for a in d.artifacts if a.student != victim],
        assessments=[x for x in d.assessments if x[1] != victim], milestones=[m for m in d.milestones if m[1] != victim],
        transfers=[t for t in d.transfers if t[0] != victim]))


def _holding_a_latest_level(d) -> tuple[ks.Artifact, set[str]]:
    """An artifact whose teacher's assessment is its student's latest level in a skill, and those assessments' ids
    (the district's ``as<index><skill>``): erasing it must move a level."""
    for n, a in enumerate(d.artifacts):
        ids = {f"as{n}{skill}" for skill in a.skills}
        rest = replace(d, assessments=[x for x in d.assessments if x[0] not in ids])
        if any(ks.latest_levels(rest, year) != ks.latest_levels(d, year) for year in ks.YEARS):
            return a, ids
    raise AssertionError("the district has no artifact holding a latest level")


@pytest.mark.parametrize("path", ["batch", "per-event"])
def test_erasing_an_artifact_takes_its_assessments_out_of_the_latest_levels(app, path):
    """A family has one artifact erased whose teacher's assessment was the student's latest level in a skill: the
    level falls back to the assessment before it (or to none), and every figure equals a direct computation over the
    district without that artifact, on rows stored by either path."""
    d = ks.district(seed=5, n_students=12, n_artifacts=40)
    events = ks.delivered(d, seed=6, shuffle=True, twice=False)
    assert (apply_batch(app.unit_of_work, events) if path == "batch" else _feed(app, events)) == len(events)
    victim, assessed = _holding_a_latest_level(d)
    assert feed_before_workers(app.unit_of_work, ERASURE, [ks._e(
        "roster", "erasure_requested", ks._ts("2026-12-02"), erasure_id="er-1", student_id=victim.student,
        pseudonym="p", requested_by="privacy-officer", artifact_id=victim.id)], "reporting") == 1
    with app.unit_of_work() as uow:
        left = uow.session.execute(select(func.count()).where(orm.assessments.c.artifact_id == victim.id)).scalar()
    assert left == 0
    without = replace(d, artifacts=[a for a in d.artifacts if a is not victim],
                      assessments=[x for x in d.assessments if x[0] not in assessed])
    _assert_expected(app, without)

    # events about it still in flight when the erasure ran, newer than anything applied: claimed, counted for nothing
    at, e = ks._ts("2026-12-03"), ks._e
    late = [e("artifacts", "artifact_updated", at, artifact_id=victim.id, student_id=victim.student,
              school_id=victim.school, school_year_id=victim.year, kind=victim.kind, added_by_role=victim.role,
              skill_ids=victim.skills),
            e("reflections", "feedback_given", at, feedback_id="f-late", artifact_id=victim.id,
              student_id=victim.student, teacher_id="t"),
            e("reflections", "assessment_recorded", at, assessment_id="as-late", artifact_id=victim.id,
              student_id=victim.student, skill_id=victim.skills[0], assessor_id="t", assessor_role="teacher",
              level_rank=1, school_year_id=victim.year)]
    assert (apply_batch(app.unit_of_work, late) if path == "batch" else _feed(app, late)) == len(late)
    _assert_expected(app, without)
