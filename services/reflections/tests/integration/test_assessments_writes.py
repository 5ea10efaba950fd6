"""Assessments on a real database: the instrument from the replicated catalog, the level and rubric checks with
their messages, teacher and self assessments side by side, the event payload, and the growth view over years."""
from __future__ import annotations

import pytest
from assessments_fixtures import (  # noqa: F401
    COMM,
    INNOV,
    LEVELS,
    OLD_ART,
    RUBRIC,
    SCALE,
    UNTAGGED,
    catalog,
    catalog_events,
    scale_event,
    skill_event,
    tagged,
)
from reflections_fixtures import ANA, ART, LAST_YEAR, STUDENT, TEACHER, YEAR, Clock, event, world_events

from chassis.config import service_settings
from chassis.errors import InvalidArgument
from chassis.messaging.subscriptions import consume
from chassis.migrations import upgrade
from reflections.bootstrap import build
from reflections.domain.assessment import CriterionLevel
from reflections.migrations import MIGRATIONS_DIR
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration


def problems(excinfo) -> dict[str, str]:
    return {p.field: p.reason for p in excinfo.value.problems}


def test_the_instrument_is_the_skills_scale_and_rubric(app, catalog):
    instrument = app.assessments.instrument(TEACHER, ART, COMM)
    assert (instrument.skill_name, instrument.scale.id, instrument.scale.name) == (
        "Effective Communicator", SCALE, "Four levels")
    assert [(l.rank, l.name, l.description) for l in instrument.scale.levels] == [
        (i + 1, n, f"{n} work") for i, n in enumerate(LEVELS)]
    assert instrument.rubric.id == RUBRIC
    assert [(c.code, c.name, c.descriptors[1], c.descriptors[4]) for c in instrument.rubric.criteria] == [
        ("clarity", "Clarity", "clear Beginning", "clear Exemplary"),
        ("evidence", "Use of evidence", "evident Beginning", "evident Exemplary")]
    assert app.assessments.instrument(STUDENT, ART, INNOV).rubric is None


def test_a_level_not_on_the_scale_names_the_scale_and_its_levels(app, catalog, tables):
    with pytest.raises(InvalidArgument) as excinfo:
        app.assessments.assess(TEACHER, ART, COMM, 5, "Clear claim.", [])
    assert problems(excinfo) == {"level_rank": "5 is not a level of scale 'Four levels' (1-4)"}
    with pytest.raises(InvalidArgument) as excinfo:
        app.assessments.self_assess(STUDENT, ART, INNOV, 0, "", [])
    assert problems(excinfo) == {"level_rank": "0 is not a level of scale 'Four levels' (1-4)"}
    assert tables.envelopes() == [] and tables.audit() == []


def test_rubric_levels_and_codes_are_checked(app, catalog):
    with pytest.raises(InvalidArgument) as excinfo:
        app.assessments.assess(TEACHER, ART, COMM, 3, "Clear.", [
            CriterionLevel("clarity", 7), CriterionLevel("style", 2), CriterionLevel("clarity", 2)])
    assert problems(excinfo) == {
        "criterion_levels[0].level_rank": "7 is not a level of scale 'Four levels' (1-4)",
        "criterion_levels[1].criterion_code": "'style' is not a criterion of rubric 'Communication rubric'",
        "criterion_levels[2].criterion_code": "'clarity' is given twice"}
    with pytest.raises(InvalidArgument) as excinfo:
        app.assessments.assess(TEACHER, ART, INNOV, 3, "Inventive.", [CriterionLevel("clarity", 2)])
    assert problems(excinfo) == {"criterion_levels": "skill 'Emerging Innovator' has no rubric"}


def test_the_skill_must_be_tagged_and_a_teacher_must_say_something(app, catalog):
    with pytest.raises(InvalidArgument) as excinfo:
        app.assessments.assess(TEACHER, ART, UNTAGGED, 3, "Works well with others.", [])
    assert problems(excinfo) == {"skill_id": "'sk-collab' is not tagged on this artifact"}
    with pytest.raises(InvalidArgument) as excinfo:
        app.assessments.assess(TEACHER, ART, COMM, 3, "   ", [])
    assert problems(excinfo) == {"comment": "must not be empty: say what the learner can do"}


def test_teacher_and_self_assessments_show_side_by_side(app, catalog, tables):
    mine = app.assessments.self_assess(STUDENT, ART, COMM, 2, "I think I am developing.", [])
    theirs = app.assessments.assess(TEACHER, ART, COMM, 3, "Your claim is clear.",
                                    [CriterionLevel("clarity", 3), CriterionLevel("evidence", 2)])
    listed = {s.skill_id: s for s in app.assessments.on_artifact(STUDENT, ART)}
    assert [s.skill_name for s in app.assessments.on_artifact(STUDENT, ART)] == [
        "Effective Communicator", "Emerging Innovator"]
    assert [(a.id, a.assessor_role, a.level_name) for a in listed[COMM].teacher] == [(theirs.id, "teacher",
                                                                                      "Proficient")]
    assert [(a.id, a.assessor_role, a.level_name, a.comment) for a in listed[COMM].self] == [
        (mine.id, "student", "Developing", "I think I am developing.")]
    assert listed[COMM].teacher[0].criterion_levels == [CriterionLevel("clarity", 3), CriterionLevel("evidence", 2)]
    assert (listed[INNOV].teacher, listed[INNOV].self) == ([], [])
    recorded = [e.data for e in tables.envelopes() if e.type == "assessment_recorded"]
    assert recorded[1] == {"assessment_id": theirs.id, "artifact_id": ART, "student_id": ANA, "skill_id": COMM,
                           "assessor_id": "tch-cruz", "assessor_role": "teacher", "level_rank": 3,
                           "school_year_id": YEAR}


def test_growth_per_skill_over_school_years(app, catalog):
    first = app.assessments.self_assess(STUDENT, OLD_ART, COMM, 1, "", [])
    second = app.assessments.assess(TEACHER, ART, COMM, 3, "Clear claim.", [])
    growth = app.assessments.growth(STUDENT, ANA)
    assert [(g.skill_id, g.skill_name, g.max_rank) for g in growth] == [
        (COMM, "Effective Communicator", 4), (INNOV, "Emerging Innovator", 0)]
    comm = growth[0]
    assert [(y.school_year_id, y.title, y.artifacts_tagged) for y in comm.years] == [
        (LAST_YEAR, "2025-26", 1), (YEAR, "2026-27", 1)]
    assert [[(p.artifact_id, p.level_rank, p.level_name, p.assessor_role) for p in y.points] for y in comm.years] == [
        [(OLD_ART, 1, "Beginning", "student")], [(ART, 3, "Proficient", "teacher")]]
    assert comm.years[0].points[0].assessed_at == first.assessed_at < second.assessed_at


def test_growth_follows_the_replicas(app, catalog):
    app.assessments.assess(TEACHER, ART, COMM, 3, "Clear claim.", [])
    for envelope in [tagged(ART, ANA, [INNOV], YEAR, at="2026-11-04T00:00:00+00:00"),      # COMM untagged
                     tagged(ART, ANA, [COMM], LAST_YEAR, at="2026-11-03T12:00:00+00:00"),  # older: ignored
                     skill_event(COMM, "Communicator", type_="skill_updated", at="2026-11-05T00:00:00+00:00")]:
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
    comm, innov = app.assessments.growth(STUDENT, ANA)
    assert comm.skill_name == "Communicator"
    assert [(y.school_year_id, y.artifacts_tagged, len(y.points)) for y in comm.years] == [
        (LAST_YEAR, 1, 0), (YEAR, 0, 1)]                    # the assessment stays; ART no longer counts for COMM
    assert [(y.school_year_id, y.artifacts_tagged) for y in innov.years] == [(YEAR, 1)]
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
                   event("artifacts", "artifact_deleted", at="2026-11-06T00:00:00+00:00", artifact_id=ART),
                   "test.artifact_deleted")
    assert [g.skill_id for g in app.assessments.growth(STUDENT, ANA)] == [COMM]


def test_imported_history_shows_in_the_growth_view_in_the_senders_school_year(app, catalog):
    """Another district's artifacts (a transfer) count in the growth view in the year they were made there: a year
    of its own, labelled with the district, placed by its first day; two artifacts of that year share it."""
    for n, (year, start) in enumerate([("2023-2024", "2023-08-21"), ("2023-2024", "2023-08-21"),
                                       ("2024-2025", "2024-08-19")]):
        envelope = tagged(f"imp-{n}", ANA, [COMM], "", type_="artifact_added", at=f"2026-12-0{n + 1}T00:00:00+00:00")
        envelope.data.update(added_by_role="imported", origin_district_id="did:web:sender.example",
                             origin_district_name="Sender County", origin_school_year=year,
                             origin_school_year_start=start)
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, "test.imported")
    comm = next(g for g in app.assessments.growth(STUDENT, ANA) if g.skill_id == COMM)
    assert [(y.title, y.start_date, y.artifacts_tagged) for y in comm.years] == [
        ("2023-2024 · Sender County", "2023-08-21", 2), ("2024-2025 · Sender County", "2024-08-19", 1),
        ("2025-26", "2025-08-10", 1), ("2026-27", "2026-08-10", 1)]
    assert all(y.school_year_id.startswith("imported-") for y in comm.years[:2])


def test_growth_names_a_skill_and_year_only_an_assessment_still_mentions(app, catalog):
    app.assessments.assess(TEACHER, ART, COMM, 3, "Clear claim.", [])
    for envelope in [tagged(ART, ANA, [], YEAR, at="2026-11-04T00:00:00+00:00"),           # no tags left on ART
                     tagged(OLD_ART, ANA, [INNOV], LAST_YEAR, at="2026-11-04T00:00:00+00:00")]:   # COMM gone
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
    comm, innov = app.assessments.growth(STUDENT, ANA)
    assert (comm.skill_id, comm.skill_name, comm.max_rank) == (COMM, "Effective Communicator", 4)
    assert [(y.school_year_id, y.title, y.start_date, y.artifacts_tagged, [p.level_rank for p in y.points])
            for y in comm.years] == [(YEAR, "2026-27", "2026-08-10", 0, [3])]
    assert [(y.school_year_id, y.artifacts_tagged) for y in innov.years] == [(LAST_YEAR, 1)]


def test_an_old_scale_event_does_not_overwrite_a_newer_one(app, catalog):
    renamed = ["Not yet", "Approaching", "Ready", "Excelling"]
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
                   scale_event(at="2026-10-02T00:00:00+00:00", names=renamed), "t.1")
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS,
                   scale_event(at="2026-09-01T00:00:00+00:00"), "t.2")
    assert [l.name for l in app.assessments.instrument(STUDENT, ART, COMM).scale.levels] == renamed


def test_assessments_and_growth_on_sqlite_the_embedded_default(tmp_path):
    url = f"sqlite:///{tmp_path / 'reflections.db'}"
    upgrade(MIGRATIONS_DIR, url)
    app = build(service_settings("reflections", database_url=url), clock=Clock())
    try:
        for envelope in world_events() + catalog_events():
            assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
        app.assessments.assess(TEACHER, ART, COMM, 3, "Clear claim.", [CriterionLevel("clarity", 3)])
        app.assessments.self_assess(STUDENT, OLD_ART, COMM, 1, "", [])
        [comm, _] = app.assessments.growth(STUDENT, ANA)
        assert [(y.title, y.artifacts_tagged, [p.level_name for p in y.points]) for y in comm.years] == [
            ("2025-26", 1, ["Beginning"]), ("2026-27", 1, ["Proficient"])]
    finally:
        app.close()
