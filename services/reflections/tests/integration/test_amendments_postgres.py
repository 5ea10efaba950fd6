"""Amendments on a real database: a guardian's request, the author's refusal and the guardian's statement of
disagreement carried beside the comment by GetDiscussion; a student's request amending an assessment's comment with
the old text kept; the outbox and the audit log of each step, and a refused step that writes nothing."""
from __future__ import annotations

import pytest
from assessments_fixtures import COMM, catalog  # noqa: F401
from reflections_fixtures import ANA, ART, CRUZ, EVE, GUARDIAN, STUDENT, TEACHER

from chassis.access import Viewer
from chassis.errors import PermissionDenied

pytestmark = pytest.mark.integration


def test_a_refused_comment_keeps_the_guardians_disagreement_beside_it(app, world, tables):
    comment = app.commands.add_comment(TEACHER, ART, "Ana missed two deadlines.")
    asked = app.amendments.request(GUARDIAN, "comment", comment.id, "One was excused.")
    with pytest.raises(PermissionDenied):
        app.amendments.decide(Viewer.of("tch-diaz", ["teacher"]), asked.id, "refused", {}, "No.")
    app.amendments.decide(TEACHER, asked.id, "refused", {}, "The gradebook shows two.")
    stated = app.amendments.attach_disagreement(GUARDIAN, asked.id, "The office excused the second.")
    assert (stated.status, stated.decision_reason, stated.disagreement) == (
        "refused", "The gradebook shows two.", "The office excused the second.")
    found = app.queries.discussion(STUDENT, ART)
    assert found.notes[comment.id].disagreements == ("The office excused the second.",)
    assert [c.body for c in found.comments] == ["Ana missed two deadlines."]
    assert tables.event_types()[-3:] == ["amendment_requested", "amendment_decided", "disagreement_attached"]
    steps = [(r.actor, r.action) for r in tables.audit() if "Amend" in r.action or "Disagree" in r.action]
    assert steps == [(EVE, "reflections.RequestAmendment"), (CRUZ, "reflections.DecideAmendment"),
                     (EVE, "reflections.AttachDisagreement")]
    [listed] = app.amendments.list(STUDENT, ANA).amendments
    assert listed[0].disagreement == "The office excused the second."


def test_an_amended_assessment_keeps_its_old_comment(app, catalog):  # noqa: F811
    item = app.assessments.assess(TEACHER, ART, COMM, 3, "Your claim is unclear.", [])
    asked = app.amendments.request(STUDENT, "assessment", item.id, "The claim is in the first line.")
    app.amendments.decide(TEACHER, asked.id, "amended", {"comment": "Your claim is clear."}, "")
    [skill] = [s for s in app.assessments.on_artifact(STUDENT, ART) if s.skill_id == COMM]
    assert [a.comment for a in skill.teacher] == ["Your claim is clear."] and skill.notes[item.id].amended
    [(kept, can, now)] = app.amendments.list(TEACHER, ANA).amendments
    assert (kept.previous, kept.amended, kept.status) == ({"comment": "Your claim is unclear."},
                                                          {"comment": "Your claim is clear."}, "amended")
    assert can == {"read"}              # decided: nothing left for the author to do
    assert now == {"comment": "Your claim is clear."}
