"""Milestones through the service layer on real PostgreSQL: types on the replicated rubric, a Defense of Learning
from evidence to outcome, guest links (stored as hashes, expiring on the injected clock), one sheet per panellist
(re-scoring replaces it, audited), what each reader sees, and the outbox events reporting relies on."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from assessments_fixtures import COMM, rubric_event, scale_event, skill_event, tagged
from assessments_fixtures import RUBRIC as COMM_RUBRIC
from milestone_fixtures import (  # noqa: F401
    CRITERIA,
    GONE_ART,
    LEVELS,
    OWN_ART,
    RUBRIC,
    dol_type,
    full_sheet,
    guest,
    milestone_with_panel,
    panel_world,
)
from reflections_fixtures import ANA, ART, BEN, DISTRICT_ADMIN, GUARDIAN, STUDENT, TEACHER, YEAR, artifact
from sqlalchemy import create_engine, select

from chassis.errors import AlreadyExists, Conflict, InvalidArgument, NotFound, PermissionDenied
from chassis.messaging.subscriptions import consume
from reflections.adapters.goal_tables import panel_invitations
from reflections.domain.access import Viewer
from reflections.domain.milestones import Score
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration


def test_types_are_defined_on_a_known_rubric_by_the_district(app, panel_world, tables):
    kind, rubric = app.milestones.define_type(DISTRICT_ADMIN, "student-led-conference", "Student-Led Conference",
                                              RUBRIC, [])
    assert (rubric.criterion_codes, [level.name for level in rubric.scale.levels]) == (list(CRITERIA), list(LEVELS))
    assert [(k.code, r.name) for k, r in app.milestones.types(STUDENT)] == [("student-led-conference", "dol-rubric")]
    with pytest.raises(AlreadyExists, match="code: a milestone type 'student-led-conference' exists already"):
        app.milestones.define_type(DISTRICT_ADMIN, "student-led-conference", "Again", RUBRIC, [])
    with pytest.raises(InvalidArgument, match="rubric_id: no rubric 'rub-nope' is known") as caught:
        app.milestones.define_type(DISTRICT_ADMIN, "mini-defense", "Mini-Defense", "rub-nope", [])
    assert [(p.field, p.reason) for p in caught.value.problems] == [("rubric_id",
                                                                     "'rub-nope' is not a rubric of the district")]
    with pytest.raises(PermissionDenied, match="only a district admin defines milestone types"):
        app.milestones.define_type(TEACHER, "mini-defense", "Mini-Defense", RUBRIC, [])
    assert tables.event_types() == ["milestone_type_defined"]
    assert tables.envelopes()[0].data == {"type_id": kind.id, "code": "student-led-conference",
                                          "name": "Student-Led Conference", "rubric_id": RUBRIC, "grade_levels": []}


def test_a_type_for_other_grades_is_refused(app, dol_type):
    app.milestones.define_type(DISTRICT_ADMIN, "exhibition", "Exhibition of Learning", RUBRIC, ["08"])
    [exhibition] = [k for k, _ in app.milestones.types(TEACHER) if k.code == "exhibition"]
    with pytest.raises(InvalidArgument, match="Exhibition of Learning is for grades 08; the student is in grade 05"):
        app.milestones.create(TEACHER, ANA, exhibition.id, "Exhibition", "2026-12-01")
    with pytest.raises(InvalidArgument, match="type_id: no milestone type"):
        app.milestones.create(TEACHER, ANA, "type-nope", "Exhibition", "2026-12-01")


def test_a_defense_of_learning_from_evidence_to_outcome(app, clock, dol_type, tables):
    created = app.milestones.create(TEACHER, ANA, dol_type, "Grade 5 Defense of Learning", "2026-12-10").milestone
    app.milestones.select_evidence(STUDENT, created.id, [ART, OWN_ART, ART])
    with pytest.raises(InvalidArgument, match="not artifacts of this student's portfolio: art-ana-gone"):
        app.milestones.select_evidence(STUDENT, created.id, [GONE_ART])
    rosa, token = app.milestones.invite(TEACHER, created.id, "Rosa Park", "rosa@example.org", "community")
    assert rosa.expires_at - rosa.invited_at == dt.timedelta(days=14)      # REFLECTIONS_PANEL_LINK_DAYS default

    redeemed = app.panel.redeem(token)
    assert (redeemed.id, redeemed.milestone_id, redeemed.name) == (rosa.id, created.id, "Rosa Park")
    app.panel.score(guest(rosa.id), created.id, [Score("evidence", 3), Score("reflection", 4),
                                                 Score("communication", 2)], "Strong evidence.")
    completed = app.milestones.record_outcome(TEACHER, created.id, "READY")
    assert (completed.milestone.status, completed.milestone.outcome) == ("completed", "READY")
    assert completed.milestone.evidence_artifact_ids == (ART, OWN_ART)

    with pytest.raises(Conflict, match="this milestone is completed: its panel links have ended"):
        app.panel.score(guest(rosa.id), created.id, full_sheet(), "")
    with pytest.raises(Conflict, match="this milestone is completed"):
        app.milestones.record_outcome(TEACHER, created.id, "EXCELLING")
    assert tables.event_types() == ["milestone_type_defined", "milestone_created", "milestone_evidence_selected",
                                    "panellist_invited", "milestone_scored", "milestone_completed"]
    assert tables.envelopes()[-1].data == {
        "milestone_id": created.id, "student_id": ANA, "school_id": "sch-central", "grade_level": "05",
        "type_code": "defense-of-learning", "outcome": "READY", "teacher_id": TEACHER.subject}
    assert tables.envelopes()[3].data["expires_at"] == rosa.expires_at.isoformat()
    guest_audit = [r.action for r in tables.audit() if r.actor == f"guest:{rosa.id}"]
    assert guest_audit == ["reflections.RedeemInvitation", "reflections.ScoreMilestone"]


def test_links_end_when_the_milestone_completes(app, dol_type):
    """A completed milestone's links no longer work (redeem, read, score), and its readers see them as ended."""
    created = app.milestones.create(TEACHER, ANA, dol_type, "Defense", "2026-12-10").milestone
    rosa, token = app.milestones.invite(TEACHER, created.id, "Rosa", "rosa@example.org", "community", "", 30)
    assert app.panel.redeem(token).id == rosa.id
    assert [p.ended for p in app.panel.get(TEACHER, created.id).panellists] == [False]
    done = app.milestones.record_outcome(TEACHER, created.id, "READY").milestone
    ended = "this milestone is completed: its panel links have ended"
    for call in (lambda: app.panel.redeem(token), lambda: app.panel.get(guest(rosa.id), created.id),
                 lambda: app.panel.score(guest(rosa.id), created.id, full_sheet(), "")):
        with pytest.raises(Conflict, match=ended):
            call()
    for reader in (TEACHER, STUDENT, GUARDIAN):
        [seat] = app.panel.get(reader, created.id).panellists
        assert (seat.ended, seat.expires_at) == (True, done.completed_at)
    [listed] = app.panel.of_student(GUARDIAN, ANA).milestones
    assert [p.ended for p in listed.panellists] == [True] and listed.panellists[0].email == "rosa@example.org"


def test_only_the_tokens_hash_is_stored(app, dol_type, reflections_database):
    created = app.milestones.create(TEACHER, ANA, dol_type, "Defense", "2026-12-10").milestone
    invitation, token = app.milestones.invite(TEACHER, created.id, "Rosa", "rosa@example.org", "family")
    with reflections_database.connect() as connection:
        [row] = connection.execute(select(panel_invitations)).mappings().all()
    assert len(token) >= 40 and token not in str(dict(row))
    assert row["token_sha256"] == hashlib.sha256(token.encode()).hexdigest()


def test_links_expire_on_the_clock(app, clock, dol_type):
    created = app.milestones.create(TEACHER, ANA, dol_type, "Defense", "2026-12-10").milestone
    invitation, token = app.milestones.invite(TEACHER, created.id, "Rosa", "rosa@example.org", "family",
                                              valid_days=3)
    clock.now = invitation.expires_at - dt.timedelta(seconds=1)
    assert app.panel.redeem(token).id == invitation.id
    app.panel.score(guest(invitation.id), created.id, full_sheet(), "")
    clock.now = invitation.expires_at
    expired = f"this panel link expired on {invitation.expires_at.date().isoformat()}"
    with pytest.raises(Conflict, match=expired):
        app.panel.redeem(token)
    with pytest.raises(Conflict, match=expired):        # re-checked on every call, not only at redemption
        app.panel.score(guest(invitation.id), created.id, full_sheet(), "")
    with pytest.raises(Conflict, match=expired):
        app.panel.get(guest(invitation.id), created.id)
    with pytest.raises(NotFound, match="this panel link is not valid"):
        app.panel.redeem(token + "x")


def test_one_sheet_per_panellist_and_who_sees_which(app, clock, dol_type, tables):
    panel = milestone_with_panel(app, clock, dol_type)
    rosa, ives = guest(panel["valid"]), Viewer.of("tch-ives", ["teacher"])
    app.panel.score(rosa, panel["milestone"], full_sheet(2), "First look.")
    rescored = app.panel.score(rosa, panel["milestone"], full_sheet(4), "After the questions.")
    app.panel.score(ives, panel["milestone"], full_sheet(3), "")
    assert [s.level_rank for s in rescored.sheet.scores] == [4, 4, 4]
    [replaced] = [r for r in tables.audit() if r.action == "reflections.ScoreMilestone"][1:2]
    assert json.loads(replaced.detail)["replaced"] == {code: 2 for code in CRITERIA}

    seen_by_rosa = app.panel.get(rosa, panel["milestone"])
    assert [(s.invitation_id, s.comment) for s in seen_by_rosa.sheets] == [(panel["valid"], "After the questions.")]
    assert [p.id for p in seen_by_rosa.panellists] == [panel["valid"]] and not seen_by_rosa.whole_panel
    for reader in (STUDENT, TEACHER, GUARDIAN):
        whole = app.panel.get(reader, panel["milestone"])
        assert {s.invitation_id for s in whole.sheets} == {panel["valid"], panel["educator"]}
        assert len(whole.panellists) == 3 and whole.whole_panel


def test_scores_off_the_scale_or_rubric_are_refused(app, clock, dol_type, tables):
    panel = milestone_with_panel(app, clock, dol_type)
    with pytest.raises(InvalidArgument) as caught:
        app.panel.score(guest(panel["valid"]), panel["milestone"],
                        [Score("evidence", 5), Score("reflection", 2), Score("style", 1)], "")
    assert {(p.field, p.reason) for p in caught.value.problems} == {
        ("scores[0].level_rank", "5 is not a level of scale 'Four-point scale' (1-4)"),
        ("scores[2].criterion_code", "'style' is not a criterion of rubric 'dol-rubric'"),
        ("scores", "score every criterion; missing: communication")}
    assert "milestone_scored" not in tables.event_types()


def test_invitations_need_a_planned_milestone_and_a_real_educator_account(app, dol_type):
    created = app.milestones.create(TEACHER, ANA, dol_type, "Defense", "2026-12-10").milestone
    with pytest.raises(InvalidArgument, match="person_id: 'stu-ben' is not a district educator account"):
        app.milestones.invite(TEACHER, created.id, "Ben", "ben@example.org", "educator", BEN)
    app.milestones.record_outcome(TEACHER, created.id, "NOT_YET")
    with pytest.raises(Conflict, match="this milestone is completed"):
        app.milestones.invite(TEACHER, created.id, "Rosa", "rosa@example.org", "family")
    with pytest.raises(Conflict, match="this milestone is completed"):
        app.milestones.select_evidence(STUDENT, created.id, [ART])


def test_deleted_evidence_drops_out_of_the_milestone(app, dol_type):
    created = app.milestones.create(TEACHER, ANA, dol_type, "Defense", "2026-12-10").milestone
    app.milestones.select_evidence(STUDENT, created.id, [ART, OWN_ART])
    deleted = artifact(OWN_ART, ANA, ANA, type_="artifact_deleted", at="2026-11-20T00:00:00+00:00")
    assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, deleted, "test.artifact_deleted")
    assert app.panel.get(STUDENT, created.id).milestone.evidence_artifact_ids == (ART,)
    assert [m.milestone.id for m in app.panel.of_student(TEACHER, ANA).milestones] == [created.id]


def test_milestones_read_the_same_catalog_replica_as_assessments(app, panel_world):
    """A rubric with criterion names and level descriptors, fed once, is a milestone type's rubric as it is a
    skill's assessment instrument."""
    for envelope in [scale_event(), skill_event(COMM, "Effective Communicator"), rubric_event(),
                     tagged(ART, ANA, [COMM], YEAR)]:
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
    kind, rubric = app.milestones.define_type(DISTRICT_ADMIN, "mini-defense", "Mini-Defense", COMM_RUBRIC, [])
    assert rubric.name == "Communication rubric"
    assert [(c.code, c.name, c.descriptors[4]) for c in rubric.criteria] == [
        ("clarity", "Clarity", "clear Exemplary"), ("evidence", "Use of evidence", "evident Exemplary")]
    assert [(level.rank, level.description) for level in rubric.scale.levels][-1] == (4, "Exemplary work")
    assert app.assessments.instrument(TEACHER, ART, COMM).rubric == rubric
