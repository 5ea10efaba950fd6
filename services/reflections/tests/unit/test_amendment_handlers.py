"""Amendments through a fake unit of work: a student or guardian requests one of a comment, feedback or assessment
they did not write; its author amends (the old text kept) or refuses with a reason; after a refusal the requester
attaches a statement of disagreement that the discussion and the assessments carry beside the record. Every step's
access branch, audit row (anyone but Ana) and event, and the errors that write nothing."""
from __future__ import annotations

import pytest
from assessments_fixtures import COMM, catalog_events
from reflections_fixtures import ANA, ART, CRUZ, DEE, DIAZ, EVE, GUARDIAN, GUS, STUDENT, TEACHER, Viewer

from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from reflections.domain.amendment_access import DENIED
from reflections.service_layer.amendments import AmendmentUseCases

FORMER, OTHER_GUARDIAN = Viewer.of(DIAZ, ["teacher"]), Viewer.of(GUS, ["guardian"])
ADMIN = Viewer.of(DEE, ["district_admin"])


@pytest.fixture
def amendments(uow, calendar) -> AmendmentUseCases:
    uow.feed(catalog_events())
    return AmendmentUseCases(lambda: uow, calendar)


@pytest.fixture
def feedback(commands):
    return commands.give_feedback(TEACHER, ART, "You state a clear claim.", "You copied your sources.")


def trail(uow) -> list[tuple]:
    return [(r.actor, r.action, r.subject_id, r.detail.get("status")) for r in uow.audit_rows]


def test_ana_requests_cruz_amends_and_the_old_text_is_kept(amendments, feedback, queries, uow):
    asked = amendments.request(STUDENT, "feedback", feedback.id, "I cited every source.")
    assert (asked.status, asked.requester_role, asked.student_id, asked.artifact_id) == ("pending", "student", ANA,
                                                                                         ART)
    done = amendments.decide(TEACHER, asked.id, "amended", {"next_steps": "Cite page numbers too."}, "")
    assert (done.status, done.decided_by, done.decider_role) == ("amended", CRUZ, "author")
    assert done.previous == {"can_do": "You state a clear claim.", "next_steps": "You copied your sources."}
    assert done.amended == {"can_do": "You state a clear claim.", "next_steps": "Cite page numbers too."}
    found = queries.discussion(STUDENT, ART)
    assert [f.next_steps for f in found.feedback] == ["Cite page numbers too."]
    assert found.notes[feedback.id].amended and found.notes[feedback.id].disagreements == ()
    assert uow.event_types()[-2:] == ["amendment_requested", "amendment_decided"]
    assert uow.events[-1].data == {"amendment_id": asked.id, "record_type": "feedback", "record_id": feedback.id,
                                   "artifact_id": ART, "student_id": ANA, "requester_id": ANA, "decided_by": CRUZ,
                                   "decider_role": "author", "outcome": "amended"}
    assert ("tch-cruz", "reflections.DecideAmendment", ANA, "amended") in trail(uow)
    assert not [r for r in uow.audit_rows if r.actor == ANA]        # Ana's own steps are not disclosures


def test_a_refusal_lets_the_guardian_attach_a_disagreement_shown_beside_the_record(amendments, commands, queries,
                                                                                     uow):
    comment = commands.add_comment(TEACHER, ART, "Ana missed two deadlines.")
    asked = amendments.request(GUARDIAN, "comment", comment.id, "She missed one: the other was excused.")
    assert asked.requester_role == "guardian"
    with pytest.raises(Conflict):
        amendments.attach_disagreement(GUARDIAN, asked.id, "Too early: nothing was refused yet.")
    refused = amendments.decide(TEACHER, asked.id, "refused", {}, "The gradebook shows two.")
    assert (refused.status, refused.decision_reason) == ("refused", "The gradebook shows two.")
    with pytest.raises(PermissionDenied, match=DENIED):
        amendments.attach_disagreement(STUDENT, asked.id, "Not Ana's request.")
    stated = amendments.attach_disagreement(GUARDIAN, asked.id, " The second was excused by the office. ")
    assert stated.disagreement == "The second was excused by the office."
    with pytest.raises(Conflict):
        amendments.attach_disagreement(GUARDIAN, asked.id, "Again.")
    found = queries.discussion(STUDENT, ART)
    assert [c.body for c in found.comments] == ["Ana missed two deadlines."]      # unchanged
    assert found.notes[comment.id].disagreements == ("The second was excused by the office.",)
    assert uow.event_types()[-3:] == ["amendment_requested", "amendment_decided", "disagreement_attached"]
    assert [(a, act) for a, act, *_ in trail(uow) if "Amendment" in act or "Disagreement" in act] == [
        (EVE, "reflections.RequestAmendment"), (CRUZ, "reflections.DecideAmendment"),
        (EVE, "reflections.AttachDisagreement")]


def test_an_assessment_comment_is_amended_and_listed_with_its_notes(amendments, assessments, uow):
    item = assessments.assess(TEACHER, ART, COMM, 3, "Your claim is unclear.", [])
    asked = amendments.request(STUDENT, "assessment", item.id, "The claim is in the first line.")
    amendments.decide(TEACHER, asked.id, "amended", {"comment": "Your claim is clear."}, "")
    [skill] = [s for s in assessments.on_artifact(STUDENT, ART) if s.skill_id == COMM]
    assert [a.comment for a in skill.teacher] == ["Your claim is clear."] and skill.notes[item.id].amended
    listed = amendments.list(GUARDIAN, ANA)
    assert [a.id for a, *_ in listed.amendments] == [asked.id] and listed.can_request
    assert ("grd-eve", "reflections.ListAmendments", ANA, None) in trail(uow)


@pytest.mark.parametrize("viewer", [TEACHER, FORMER, OTHER_GUARDIAN, ADMIN],
                         ids=["teacher", "former-teacher", "other-guardian", "admin"])
def test_only_the_student_and_their_guardian_request(amendments, feedback, uow, viewer):
    before = len(uow.events)
    with pytest.raises(PermissionDenied, match=DENIED):
        amendments.request(viewer, "feedback", feedback.id, "Wrong.")
    assert len(uow.events) == before and uow.amendments.requests == {}


@pytest.mark.parametrize("viewer", [STUDENT, GUARDIAN, FORMER, OTHER_GUARDIAN, ADMIN],
                         ids=["student", "guardian", "another-teacher", "other-guardian", "admin"])
def test_only_the_author_decides(amendments, feedback, uow, viewer):
    asked = amendments.request(STUDENT, "feedback", feedback.id, "Wrong.")
    with pytest.raises(PermissionDenied, match=DENIED):
        amendments.decide(viewer, asked.id, "refused", {}, "No.")
    assert uow.amendments.requests[asked.id].status == "pending"


def test_a_comment_by_a_guardian_has_no_teacher_author_to_decide(amendments, commands):
    comment = commands.add_comment(GUARDIAN, ART, "Proud of you!")
    asked = amendments.request(STUDENT, "comment", comment.id, "Not about this piece.")
    with pytest.raises(PermissionDenied):
        amendments.decide(TEACHER, asked.id, "refused", {}, "No.")


@pytest.mark.parametrize("viewer", [FORMER, OTHER_GUARDIAN, ADMIN], ids=["former-teacher", "other-guardian", "admin"])
def test_strangers_read_no_requests(amendments, viewer):
    with pytest.raises(PermissionDenied, match=DENIED):
        amendments.list(viewer, ANA)


def test_bad_requests_and_decisions_write_nothing(amendments, commands, feedback, uow):
    own = commands.add_comment(STUDENT, ART, "My own words.")
    with pytest.raises(InvalidArgument, match="record_type"):
        amendments.request(STUDENT, "reflection", feedback.id, "Wrong.")
    with pytest.raises(InvalidArgument, match="reason"):
        amendments.request(STUDENT, "feedback", feedback.id, "   ")
    with pytest.raises(InvalidArgument, match="you wrote"):
        amendments.request(STUDENT, "comment", own.id, "I regret it.")
    with pytest.raises(PermissionDenied, match=DENIED):
        amendments.request(STUDENT, "feedback", "no-such-feedback", "Wrong.")
    asked = amendments.request(STUDENT, "feedback", feedback.id, "Wrong.")
    with pytest.raises(Conflict):
        amendments.request(GUARDIAN, "feedback", feedback.id, "Also wrong.")
    events = len(uow.events)
    with pytest.raises(InvalidArgument, match="outcome"):
        amendments.decide(TEACHER, asked.id, "maybe", {}, "")
    with pytest.raises(InvalidArgument, match="reason"):
        amendments.decide(TEACHER, asked.id, "refused", {}, "")
    with pytest.raises(InvalidArgument, match="texts.grade"):
        amendments.decide(TEACHER, asked.id, "amended", {"grade": "A"}, "")
    with pytest.raises(InvalidArgument, match="changes nothing"):
        amendments.decide(TEACHER, asked.id, "amended", {"can_do": feedback.can_do}, "")
    assert len(uow.events) == events and uow.amendments.requests[asked.id].status == "pending"
    amendments.decide(TEACHER, asked.id, "refused", {}, "It stands.")
    with pytest.raises(Conflict):
        amendments.decide(TEACHER, asked.id, "amended", {"can_do": "New."}, "")
    assert [f.can_do for f in uow.records.feedback] == [feedback.can_do]


OFFICER = Viewer.of("po-pat", ["privacy_officer"])


def test_a_privacy_officer_reads_and_decides_any_request_audited(amendments, commands, uow):
    comment = commands.add_comment(GUARDIAN, ART, "Ana was late every day.")
    asked = amendments.request(STUDENT, "comment", comment.id, "I was late once.")
    assert [a.id for a, can, _ in amendments.list(OFFICER, ANA).amendments if "decide" in can] == [asked.id]
    done = amendments.decide(OFFICER, asked.id, "amended", {"body": "Ana was late once."}, "")
    assert (done.decider_role, done.previous, done.amended) == ("privacy_officer", {"body": "Ana was late every day."},
                                                                {"body": "Ana was late once."})
    assert uow.records.comments[comment.id].body == "Ana was late once."
    assert [(a, act) for a, act, *_ in trail(uow) if a == "po-pat"] == [
        ("po-pat", "reflections.ListAmendments"), ("po-pat", "reflections.DecideAmendment")]
    with pytest.raises(PermissionDenied):
        amendments.request(OFFICER, "comment", comment.id, "An officer does not ask for amendments.")
