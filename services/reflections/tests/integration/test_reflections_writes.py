"""Reflections, feedback, comments and prompts on a real PostgreSQL: revisions kept, hidden comments kept and
audited, every change raised as an event, changes by anyone but the student audited."""
from __future__ import annotations

import json

import pytest
from reflections_fixtures import ANA, ART, CRUZ, DISTRICT_ADMIN, EVE, GUARDIAN, STUDENT, TEACHER
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from chassis.errors import Conflict, InvalidArgument, PermissionDenied

pytestmark = pytest.mark.integration


def test_student_reflects_on_a_teacher_added_artifact_and_edits_keep_history(app, world, tables):
    prompt = app.commands.define_prompt(DISTRICT_ADMIN, "What would I do differently?")
    first = app.commands.add_reflection(STUDENT, ART, "I rushed the ending.", prompt.id)
    edited = app.commands.edit_reflection(STUDENT, first.id, "I rushed the ending; next time I plan it.")
    assert [r.text for r in edited.revisions] == ["I rushed the ending.", "I rushed the ending; next time I plan it."]
    [stored] = app.queries.discussion(STUDENT, ART).reflections
    assert (stored.prompt_id, stored.current_revision, [r.number for r in stored.revisions]) == (prompt.id, 2, [1, 2])
    assert tables.event_types() == ["prompt_defined", "reflection_added", "reflection_edited"]
    assert tables.envelopes()[-1].data == {"reflection_id": first.id, "artifact_id": ART, "student_id": ANA,
                                           "prompt_id": prompt.id, "revision": 2}
    assert tables.audit() == []                       # only the student changed or read her record
    with tables.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
        conn.execute(text("UPDATE reflection_revisions SET text = 'rewritten'"))


def test_unknown_prompt_and_empty_text_are_refused_naming_the_field(app, world):
    with pytest.raises(InvalidArgument, match="prompt_id") as caught:
        app.commands.add_reflection(STUDENT, ART, "Fine.", "no-such-prompt")
    assert [p.field for p in caught.value.problems] == ["prompt_id"]
    with pytest.raises(InvalidArgument, match="text: must not be empty"):
        app.commands.add_reflection(STUDENT, ART, " ")
    with pytest.raises(PermissionDenied, match="only a district admin"):
        app.commands.define_prompt(TEACHER, "Why?")


def test_feedback_comments_and_hiding_are_audited_and_raised(app, world, tables):
    given = app.commands.give_feedback(TEACHER, ART, "You can describe a volcano.", "Label the layers.")
    by_guardian = app.commands.add_comment(GUARDIAN, ART, "So proud of you!")
    by_student = app.commands.add_comment(STUDENT, ART, "Thanks!")
    hidden = app.commands.hide_comment(TEACHER, by_guardian.id)
    assert (by_guardian.author_role, by_student.author_role, hidden.hidden) == ("guardian", "student", True)
    with pytest.raises(Conflict, match="comment_id: .* is already hidden"):
        app.commands.hide_comment(TEACHER, by_guardian.id)

    found = app.queries.discussion(GUARDIAN, ART)
    assert [(f.can_do, f.next_steps, f.teacher_id) for f in found.feedback] == [
        ("You can describe a volcano.", "Label the layers.", CRUZ)]
    assert [(c.author_id, c.body, c.hidden) for c in found.comments] == [(EVE, "", True), (ANA, "Thanks!", False)]

    assert tables.event_types() == ["feedback_given", "comment_added", "comment_added", "comment_hidden"]
    assert tables.envelopes()[-1].data["actor_id"] == CRUZ
    audit = [(row.actor, row.action, row.subject_id) for row in tables.audit()]
    assert audit == [(CRUZ, "reflections.GiveFeedback", ANA), (EVE, "reflections.AddComment", ANA),
                     (CRUZ, "reflections.HideComment", ANA), (EVE, "reflections.GetDiscussion", ANA)]
    hide_row = tables.audit()[2]
    assert json.loads(hide_row.detail)["body"] == "So proud of you!"      # the hidden text stays in the trail
    assert json.loads(tables.audit()[0].detail) == {"feedback_id": given.id, "artifact_id": ART}
