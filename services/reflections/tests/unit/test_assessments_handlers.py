"""Assessments through a fake unit of work fed with the catalog the integration tests use: who assesses (the
teacher now) and self-assesses (the student), who reads (student, teacher now, guardian), the audit rows of every
read and write by anyone but the student, the assessment_recorded payload, and each refusal writing nothing."""
from __future__ import annotations

import pytest
from assessments_fixtures import COMM, INNOV, OLD_ART, RUBRIC, SCALE, UNTAGGED, catalog_events, tagged
from reflections_fixtures import ANA, ART, CRUZ, DIAZ, EVE, GUARDIAN, LAST_YEAR, STUDENT, TEACHER, YEAR, event

from chassis.errors import InvalidArgument, PermissionDenied
from reflections.domain.access import DENIED, Viewer
from reflections.domain.assessment import CriterionLevel

FORMER, GUARDIAN_OF_BEN = Viewer.of(DIAZ, ["teacher"]), Viewer.of("grd-gus", ["guardian"])
ADMIN = Viewer.of("adm-dee", ["district_admin"])


@pytest.fixture(autouse=True)
def catalog(uow) -> None:
    uow.feed(catalog_events())


def problems(refused) -> dict[str, str]:
    return {p.field: p.reason for p in refused.value.problems}


@pytest.mark.parametrize("viewer, audited", [(STUDENT, False), (TEACHER, True), (GUARDIAN, True)],
                         ids=["student", "teacher-now", "guardian"])
def test_the_instrument_is_read_by_those_with_standing(assessments, uow, viewer, audited):
    instrument = assessments.instrument(viewer, ART, COMM)
    assert (instrument.scale.id, instrument.rubric.id, instrument.skill_name) == (SCALE, RUBRIC,
                                                                                  "Effective Communicator")
    assert [(r.actor, r.action, r.detail) for r in uow.audit_rows] == (
        [(viewer.subject, "reflections.GetInstrument", {"artifact_id": ART, "skill_id": COMM})] if audited else [])
    assert assessments.instrument(STUDENT, ART, INNOV).rubric is None


@pytest.mark.parametrize("viewer", [FORMER, GUARDIAN_OF_BEN, ADMIN], ids=["former-teacher", "other-guardian", "admin"])
def test_strangers_get_no_instrument_assessment_list_or_growth(assessments, uow, viewer):
    for call in (lambda: assessments.instrument(viewer, ART, COMM), lambda: assessments.on_artifact(viewer, ART),
                 lambda: assessments.growth(viewer, ANA),
                 lambda: assessments.assess(viewer, ART, COMM, 3, "Clear.", [])):
        with pytest.raises(PermissionDenied, match=DENIED):
            call()
    assert (uow.events, uow.audit_rows) == ([], [])


def test_a_teacher_assesses_audited_and_announced(assessments, uow):
    item = assessments.assess(TEACHER, ART, COMM, 3, " Your claim is clear. ",
                              [CriterionLevel("clarity", 3), CriterionLevel("evidence", 2)])
    assert (item.assessor_role, item.level_name, item.comment) == ("teacher", "Proficient", "Your claim is clear.")
    [event_] = uow.events
    assert (event_.type, event_.data) == ("assessment_recorded", {
        "assessment_id": item.id, "artifact_id": ART, "student_id": ANA, "skill_id": COMM, "assessor_id": CRUZ,
        "assessor_role": "teacher", "level_rank": 3, "school_year_id": YEAR})
    assert [(r.actor, r.action, r.subject_id, r.detail) for r in uow.audit_rows] == [
        (CRUZ, "reflections.Assess", ANA, {"assessment_id": item.id, "artifact_id": ART, "skill_id": COMM})]
    assert [k.id for k in uow.kept] == [item.id]


def test_the_student_self_assesses_without_a_comment_unaudited(assessments, uow):
    item = assessments.self_assess(STUDENT, ART, COMM, 2, "", [])
    assert (item.assessor_role, item.level_name) == ("student", "Developing")
    assert uow.event_types() == ["assessment_recorded"] and uow.audit_rows == []


@pytest.mark.parametrize("who, how", [(STUDENT, "assess"), (TEACHER, "self_assess"), (GUARDIAN, "assess"),
                                      (GUARDIAN, "self_assess")])
def test_each_kind_of_assessment_is_one_roles(assessments, uow, who, how):
    with pytest.raises(PermissionDenied, match=DENIED):
        getattr(assessments, how)(who, ART, COMM, 3, "Clear.", [])
    assert uow.events == [] and uow.audit_rows == []


def test_levels_rubric_codes_tags_and_comments_are_checked_and_nothing_is_written(assessments, uow):
    with pytest.raises(InvalidArgument) as refused:
        assessments.assess(TEACHER, ART, COMM, 5, "Clear claim.", [])
    assert problems(refused) == {"level_rank": "5 is not a level of scale 'Four levels' (1-4)"}
    with pytest.raises(InvalidArgument) as refused:
        assessments.assess(TEACHER, ART, COMM, 3, "Clear.", [CriterionLevel("clarity", 7),
                                                             CriterionLevel("style", 2)])
    assert set(problems(refused)) == {"criterion_levels[0].level_rank", "criterion_levels[1].criterion_code"}
    with pytest.raises(InvalidArgument) as refused:
        assessments.assess(TEACHER, ART, INNOV, 3, "Inventive.", [CriterionLevel("clarity", 2)])
    assert problems(refused) == {"criterion_levels": "skill 'Emerging Innovator' has no rubric"}
    with pytest.raises(InvalidArgument) as refused:
        assessments.assess(TEACHER, ART, UNTAGGED, 3, "Works well.", [])
    assert problems(refused) == {"skill_id": "'sk-collab' is not tagged on this artifact"}
    with pytest.raises(InvalidArgument) as refused:
        assessments.assess(TEACHER, ART, COMM, 3, "   ", [])
    assert problems(refused) == {"comment": "must not be empty: say what the learner can do"}
    assert (uow.events, uow.audit_rows, uow.assessments.rows) == ([], [], [])


def test_a_skill_without_a_known_scale_cannot_be_assessed(assessments, uow):
    uow.feed([event("skills", "skill_added", at="2026-10-01T00:00:00+00:00", skill_id="sk-new", name="New",
                    colour="", scale_id="sc-unknown", retired=False),
              tagged(ART, ANA, [COMM, "sk-new"], YEAR, at="2026-11-05T00:00:00+00:00")])
    with pytest.raises(InvalidArgument, match="no proficiency scale"):
        assessments.instrument(TEACHER, ART, "sk-new")


@pytest.mark.parametrize("viewer, audited", [(STUDENT, False), (TEACHER, True), (GUARDIAN, True)],
                         ids=["student", "teacher-now", "guardian"])
def test_teacher_and_self_assessments_show_side_by_side(assessments, uow, viewer, audited):
    mine = assessments.self_assess(STUDENT, ART, COMM, 2, "I think I am developing.", [])
    theirs = assessments.assess(TEACHER, ART, COMM, 3, "Your claim is clear.", [])
    uow.audit_rows.clear()
    listed = assessments.on_artifact(viewer, ART)
    assert [s.skill_name for s in listed] == ["Effective Communicator", "Emerging Innovator"]
    assert ([a.id for a in listed[0].teacher], [a.id for a in listed[0].self]) == ([theirs.id], [mine.id])
    assert (listed[1].teacher, listed[1].self) == ([], [])
    assert [r.action for r in uow.audit_rows] == (["reflections.ListAssessments"] if audited else [])


def test_growth_per_skill_over_school_years_audited_for_others(assessments, uow):
    assessments.self_assess(STUDENT, OLD_ART, COMM, 1, "", [])
    assessments.assess(TEACHER, ART, COMM, 3, "Clear claim.", [])
    uow.audit_rows.clear()
    growth = assessments.growth(STUDENT, ANA)
    assert [(g.skill_id, g.max_rank) for g in growth] == [(COMM, 4), (INNOV, 0)]
    assert [(y.school_year_id, y.title, y.artifacts_tagged, [p.level_name for p in y.points])
            for y in growth[0].years] == [(LAST_YEAR, "2025-26", 1, ["Beginning"]),
                                          (YEAR, "2026-27", 1, ["Proficient"])]
    assert uow.audit_rows == []
    assert assessments.growth(GUARDIAN, ANA) == growth
    assert [(r.actor, r.action, r.subject_id, r.detail) for r in uow.audit_rows] == [
        (EVE, "reflections.GetGrowth", ANA, {})]
