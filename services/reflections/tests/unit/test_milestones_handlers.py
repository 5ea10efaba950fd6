"""Milestones and their panel through a fake unit of work: who defines types, creates, selects evidence, invites,
records the outcome, scores and reads (student, teacher now, guardian, panellists with a live seat, strangers,
admins); the audit row of every read and change by anyone but the student (guests included), the events reporting
relies on, and the refusals (PermissionDenied, Conflict for ended links) that write nothing."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from milestone_fixtures import (
    CRITERIA,
    GONE_ART,
    OWN_ART,
    RUBRIC,
    full_sheet,
    guest,
    milestone_with_panel,
    panel_world_events,
)
from reflections_fixtures import ANA, ART, BEN, CRUZ, DISTRICT_ADMIN, EVE, GUARDIAN, IVES, STUDENT, TEACHER

from chassis.errors import AlreadyExists, Conflict, InvalidArgument, NotFound, PermissionDenied
from reflections.domain.access import Viewer
from reflections.domain.milestones import Score
from reflections.domain.panel_access import MILESTONES_DENIED, NOT_ON_PANEL
from reflections.service_layer.milestone_panel import PanelUseCases
from reflections.service_layer.milestones import MilestoneUseCases

FORMER, OTHER_GUARDIAN = Viewer.of("tch-diaz", ["teacher"]), Viewer.of("grd-gus", ["guardian"])
SCHOOL_ADMIN = Viewer.of("adm-fay", ["school_admin"])


@pytest.fixture
def app(uow, calendar):
    uow.feed(panel_world_events())
    return SimpleNamespace(milestones=MilestoneUseCases(lambda: uow, calendar),
                           panel=PanelUseCases(lambda: uow, calendar))


@pytest.fixture
def dol(app, uow) -> str:
    kind, _ = app.milestones.define_type(DISTRICT_ADMIN, "defense-of-learning", "Defense of Learning", RUBRIC,
                                         ["05", "08"])
    uow.events.clear()
    return kind.id


@pytest.fixture
def planned(app, uow, dol) -> str:
    made = app.milestones.create(TEACHER, ANA, dol, "Defense of Learning", "2026-12-10").milestone.id
    uow.events.clear(), uow.audit_rows.clear()
    return made


def test_types_are_the_district_admins_on_a_known_rubric(app, uow):
    kind, rubric = app.milestones.define_type(DISTRICT_ADMIN, "slc", "Student-Led Conference", RUBRIC, [])
    assert rubric.criterion_codes == list(CRITERIA)
    assert [(k.code, r.name) for k, r in app.milestones.types(STUDENT)] == [("slc", "dol-rubric")]
    [event] = uow.events
    assert event.data == {"type_id": kind.id, "code": "slc", "name": "Student-Led Conference", "rubric_id": RUBRIC,
                          "grade_levels": []}
    with pytest.raises(AlreadyExists):
        app.milestones.define_type(DISTRICT_ADMIN, "slc", "Again", RUBRIC, [])
    with pytest.raises(InvalidArgument, match="rubric_id"):
        app.milestones.define_type(DISTRICT_ADMIN, "mini", "Mini", "rub-nope", [])
    for viewer in (TEACHER, SCHOOL_ADMIN):
        with pytest.raises(PermissionDenied, match="only a district admin"):
            app.milestones.define_type(viewer, "mini", "Mini", RUBRIC, [])
    assert len(uow.events) == 1 and uow.audit_rows == []


def test_a_current_teacher_creates_audited_and_announced(app, uow, dol):
    view = app.milestones.create(TEACHER, ANA, dol, "Defense", "2026-12-10")
    assert (view.milestone.status, view.whole_panel) == ("planned", True)
    [event] = uow.events
    assert (event.type, event.data["student_id"], event.data["type_code"], event.data["teacher_id"]) == (
        "milestone_created", ANA, "defense-of-learning", CRUZ)
    assert [(r.actor, r.action, r.subject_id) for r in uow.audit_rows] == [(CRUZ, "reflections.CreateMilestone", ANA)]


@pytest.mark.parametrize("viewer", [STUDENT, GUARDIAN, FORMER, SCHOOL_ADMIN], ids=lambda v: v.subject)
def test_nobody_else_creates(app, uow, dol, viewer):
    with pytest.raises(PermissionDenied, match=MILESTONES_DENIED):
        app.milestones.create(viewer, ANA, dol, "Defense", "2026-12-10")
    assert uow.events == [] and uow.audit_rows == []


def test_a_type_for_other_grades_or_unknown_is_refused(app, uow, dol):
    kind, _ = app.milestones.define_type(DISTRICT_ADMIN, "exhibition", "Exhibition", RUBRIC, ["08"])
    with pytest.raises(InvalidArgument, match="is for grades 08; the student is in grade 05"):
        app.milestones.create(TEACHER, ANA, kind.id, "Exhibition", "2026-12-01")
    with pytest.raises(InvalidArgument, match="type_id"):
        app.milestones.create(TEACHER, ANA, "type-nope", "Exhibition", "2026-12-01")


def test_the_student_selects_her_own_live_evidence_unaudited(app, uow, planned):
    view = app.milestones.select_evidence(STUDENT, planned, [ART, OWN_ART, ART])
    assert view.milestone.evidence_artifact_ids == (ART, OWN_ART)
    assert uow.events[0].data == {"milestone_id": planned, "student_id": ANA, "artifact_ids": [ART, OWN_ART]}
    assert uow.audit_rows == []
    with pytest.raises(InvalidArgument, match=GONE_ART):
        app.milestones.select_evidence(STUDENT, planned, [GONE_ART])
    for viewer in (TEACHER, GUARDIAN, Viewer.of(BEN, ["student"])):
        with pytest.raises(PermissionDenied):
            app.milestones.select_evidence(viewer, planned, [ART])


def test_the_teacher_invites_and_only_the_tokens_hash_is_kept(app, uow, planned):
    rosa, token = app.milestones.invite(TEACHER, planned, "Rosa Park", "rosa@example.org", "community")
    assert rosa.expires_at - rosa.invited_at == dt.timedelta(days=14)
    stored, token_hash = uow.milestones.invitations[rosa.id]
    assert token not in token_hash and len(token) >= 40
    assert uow.events[0].type == "panellist_invited" and uow.events[0].data["expires_at"] == rosa.expires_at.isoformat()
    assert uow.audit_rows[0].detail == {"milestone_id": planned, "invitation_id": rosa.id, "kind": "community"}
    with pytest.raises(InvalidArgument, match="not a district educator account"):
        app.milestones.invite(TEACHER, planned, "Ben", "ben@example.org", "educator", BEN)
    with pytest.raises(PermissionDenied):
        app.milestones.invite(STUDENT, planned, "Pal", "pal@example.org", "community")


def test_a_guest_redeems_scores_once_per_seat_and_every_act_is_audited(app, uow, planned):
    rosa, token = app.milestones.invite(TEACHER, planned, "Rosa Park", "rosa@example.org", "community")
    uow.audit_rows.clear()
    assert app.panel.redeem(token).id == rosa.id
    app.panel.score(guest(rosa.id), planned, full_sheet(2), "First look.")
    rescored = app.panel.score(guest(rosa.id), planned, full_sheet(4), "After the questions.")
    assert [s.level_rank for s in rescored.sheet.scores] == [4, 4, 4] and len(uow.milestones.sheets(planned)) == 1
    assert [(r.actor, r.action) for r in uow.audit_rows] == [(f"guest:{rosa.id}", f"reflections.{action}") for action in
                                                             ("RedeemInvitation", "ScoreMilestone", "ScoreMilestone")]
    assert uow.audit_rows[-1].detail["replaced"] == {code: 2 for code in CRITERIA}
    assert uow.event_types()[-2:] == ["milestone_scored", "milestone_scored"]
    with pytest.raises(NotFound, match="not valid"):
        app.panel.redeem(token + "x")


def test_only_a_seated_panellist_scores(app, uow, planned):
    for viewer in (STUDENT, TEACHER, GUARDIAN, guest("no-such-invitation")):
        with pytest.raises(PermissionDenied, match=NOT_ON_PANEL):
            app.panel.score(viewer, planned, full_sheet(), "")
    assert uow.events == []


def test_off_scale_scores_are_refused_and_nothing_is_filed(app, uow, calendar, dol):
    panel = milestone_with_panel(app, calendar.clock, dol)
    uow.events.clear()
    with pytest.raises(InvalidArgument) as refused:
        app.panel.score(guest(panel["valid"]), panel["milestone"], [Score("evidence", 5), Score("style", 1)], "")
    assert {p.field for p in refused.value.problems} >= {"scores[0].level_rank", "scores[1].criterion_code"}
    assert uow.events == [] and uow.milestones.sheets(panel["milestone"]) == []


def test_an_expired_link_and_a_completed_milestone_end_the_panels_work(app, uow, calendar, dol):
    panel = milestone_with_panel(app, calendar.clock, dol)
    with pytest.raises(Conflict, match="expired on"):
        app.panel.score(guest(panel["expired"]), panel["milestone"], full_sheet(), "")
    with pytest.raises(PermissionDenied, match=NOT_ON_PANEL):
        app.panel.score(guest(panel["elsewhere"]), panel["milestone"], full_sheet(), "")
    app.panel.score(Viewer.of(IVES, ["teacher"]), panel["milestone"], full_sheet(3), "")      # the educator's seat
    done = app.milestones.record_outcome(TEACHER, panel["milestone"], "READY")
    assert (done.milestone.status, done.milestone.outcome) == ("completed", "READY")
    assert uow.events[-1].data == {"milestone_id": panel["milestone"], "student_id": ANA, "school_id": "sch-central",
                                   "grade_level": "05", "type_code": "defense-of-learning", "outcome": "READY",
                                   "teacher_id": CRUZ}
    for call in (lambda: app.panel.score(guest(panel["valid"]), panel["milestone"], full_sheet(), ""),
                 lambda: app.panel.get(guest(panel["valid"]), panel["milestone"])):
        with pytest.raises(Conflict, match="its panel links have ended"):
            call()
    for call in (lambda: app.milestones.record_outcome(TEACHER, panel["milestone"], "EXCELLING"),
                 lambda: app.milestones.invite(TEACHER, panel["milestone"], "Late", "l@example.org", "family")):
        with pytest.raises(Conflict, match="this milestone is completed"):
            call()


def test_readers_see_the_whole_panel_a_panellist_only_their_seat(app, uow, calendar, dol):
    panel = milestone_with_panel(app, calendar.clock, dol)
    app.panel.score(guest(panel["valid"]), panel["milestone"], full_sheet(2), "Mine.")
    uow.audit_rows.clear()
    mine = app.panel.get(guest(panel["valid"]), panel["milestone"])
    assert ([p.id for p in mine.panellists], mine.whole_panel) == ([panel["valid"]], False)
    for reader, audited in ((STUDENT, False), (TEACHER, True), (GUARDIAN, True)):
        whole = app.panel.get(reader, panel["milestone"])
        assert len(whole.panellists) == 3 and whole.whole_panel
    assert [(r.actor, r.action) for r in uow.audit_rows] == [
        (f"guest:{panel['valid']}", "reflections.GetMilestone"), (CRUZ, "reflections.GetMilestone"),
        (EVE, "reflections.GetMilestone")]


@pytest.mark.parametrize("viewer", [FORMER, OTHER_GUARDIAN, SCHOOL_ADMIN, Viewer.of(BEN, ["student"])],
                         ids=lambda v: v.subject)
def test_strangers_neither_read_nor_list(app, uow, planned, viewer):
    for call in (lambda: app.panel.get(viewer, planned), lambda: app.panel.of_student(viewer, ANA),
                 lambda: app.panel.get(viewer, "no-such-milestone")):
        with pytest.raises(PermissionDenied, match=MILESTONES_DENIED):
            call()
    assert uow.audit_rows == []


def test_a_list_shows_live_evidence_and_is_audited_for_others(app, uow, planned):
    app.milestones.select_evidence(STUDENT, planned, [ART, OWN_ART])
    from reflections_fixtures import artifact
    uow.feed([artifact(OWN_ART, ANA, ANA, type_="artifact_deleted", at="2026-11-20T00:00:00+00:00")])
    found = app.panel.of_student(GUARDIAN, ANA)
    [listed] = getattr(found, "milestones", found)                         # a list, or a reply with viewer_can
    assert listed.milestone.evidence_artifact_ids == (ART,)
    assert [(r.actor, r.action, r.detail) for r in uow.audit_rows] == [(EVE, "reflections.ListMilestones",
                                                                        {"milestones": 1})]
