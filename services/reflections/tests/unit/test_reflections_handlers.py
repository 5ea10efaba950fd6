"""Reflections, feedback, comments, prompts and the discussion through a fake unit of work: each relationship to
Ana's artifact (her own, her teacher now, a former teacher, her guardian, a classmate, admins), the audit row of
every change or read by anyone but Ana, the event of every change, and the errors that write nothing."""
from __future__ import annotations

import datetime as dt

import pytest
from reflections_fixtures import (
    ANA,
    ART,
    BEN,
    BEN_ART,
    CRUZ,
    DEE,
    DIAZ,
    DISTRICT_ADMIN,
    EVE,
    FAY,
    GUARDIAN,
    GUS,
    IVES,
    NIA,
    STUDENT,
    TEACHER,
    artifact,
)

from chassis.errors import Conflict, InvalidArgument, NotFound, NotYetReplicated, PermissionDenied
from chassis.ids import new_id
from reflections.domain.access import DENIED, Action, Viewer

ROLE = {ANA: "student", BEN: "student", NIA: "student", CRUZ: "teacher", DIAZ: "teacher", IVES: "teacher",
        EVE: "guardian", GUS: "guardian", FAY: "school_admin", DEE: "district_admin"}
STRANGERS = [BEN, NIA, DIAZ, IVES, GUS, FAY, DEE]          # no standing towards Ana


def as_(person: str) -> Viewer:
    return Viewer.of(person, [ROLE[person]])


def trail(uow) -> list[tuple]:
    return [(r.actor, r.action, r.subject_id) for r in uow.audit_rows]


def test_ana_reflects_with_a_guided_prompt_and_edits_keep_every_revision_unaudited(commands, queries, uow):
    prompt = commands.define_prompt(DISTRICT_ADMIN, "What would I do differently?")
    first = commands.add_reflection(STUDENT, ART, "I rushed the ending.", prompt.id)
    edited = commands.edit_reflection(STUDENT, first.id, "I rushed the ending; next time I plan it.")
    assert [r.text for r in edited.revisions] == ["I rushed the ending.", "I rushed the ending; next time I plan it."]
    [stored] = queries.discussion(STUDENT, ART).reflections
    assert (stored.prompt_text, stored.current_revision) == ("What would I do differently?", 2)
    assert uow.event_types() == ["prompt_defined", "reflection_added", "reflection_edited"]
    assert uow.events[-1].data == {"reflection_id": first.id, "artifact_id": ART, "student_id": ANA,
                                   "prompt_id": prompt.id, "revision": 2}
    assert uow.audit_rows == []                          # only Ana changed or read her record
    assert [k.id for k in uow.kept] == [prompt.id, first.id]


@pytest.mark.parametrize("who", [CRUZ, EVE, *STRANGERS])
def test_only_the_student_reflects_and_a_refusal_writes_nothing(commands, uow, who):
    with pytest.raises(PermissionDenied, match=DENIED):
        commands.add_reflection(as_(who), ART, "Not mine to write.")
    assert (uow.events, uow.audit_rows, uow.records.reflections) == ([], [], {})


@pytest.mark.parametrize("who", [CRUZ, EVE, BEN])
def test_only_the_student_edits_her_reflection(commands, uow, who):
    mine = commands.add_reflection(STUDENT, ART, "Mine.")
    with pytest.raises(PermissionDenied, match=DENIED):
        commands.edit_reflection(as_(who), mine.id, "Changed by someone else.")
    assert uow.records.reflection(mine.id).current_revision == 1 and uow.event_types() == ["reflection_added"]


def test_an_unknown_reflection_and_a_deleted_artifact_are_the_one_refusal(commands, uow):
    mine = commands.add_reflection(STUDENT, ART, "Mine.")
    with pytest.raises(PermissionDenied, match=DENIED):
        commands.edit_reflection(STUDENT, "no-such-reflection", "x")
    uow.feed([artifact(ART, ANA, CRUZ, "artifact_deleted", at="2026-11-03T00:00:00+00:00")])
    with pytest.raises(PermissionDenied, match=DENIED):
        commands.edit_reflection(STUDENT, mine.id, "after the delete")
    with pytest.raises(PermissionDenied, match=DENIED):
        commands.add_reflection(STUDENT, ART, "after the delete")


def test_a_just_created_artifact_not_replicated_yet_is_retryable_not_refused(commands, calendar, uow):
    fresh = new_id(calendar.clock())
    with pytest.raises(NotYetReplicated):
        commands.add_reflection(STUDENT, fresh, "Too soon.")
    with pytest.raises(PermissionDenied):
        commands.add_reflection(STUDENT, "not-a-uuid7", "Never heard of it.")
    assert uow.events == []


def test_invalid_text_and_unknown_or_retired_prompts_name_the_field(commands, uow):
    with pytest.raises(InvalidArgument, match="text: must not be empty"):
        commands.add_reflection(STUDENT, ART, " ")
    with pytest.raises(InvalidArgument) as refused:
        commands.add_reflection(STUDENT, ART, "Fine.", "no-such-prompt")
    assert [p.field for p in refused.value.problems] == ["prompt_id"]
    prompt = commands.define_prompt(DISTRICT_ADMIN, "Why?")
    commands.retire_prompt(DISTRICT_ADMIN, prompt.id)
    with pytest.raises(InvalidArgument):
        commands.add_reflection(STUDENT, ART, "Fine.", prompt.id)
    assert uow.event_types() == ["prompt_defined", "prompt_retired"]


def test_guided_prompts_are_a_district_admins_to_define_change_and_retire(commands, queries, uow):
    for viewer in (TEACHER, STUDENT, as_(FAY)):
        with pytest.raises(PermissionDenied, match="only a district admin"):
            commands.define_prompt(viewer, "Why?")
    prompt = commands.define_prompt(DISTRICT_ADMIN, "  What surprised you?  ")
    assert prompt.text == "What surprised you?"
    with pytest.raises(PermissionDenied):
        commands.update_prompt(TEACHER, prompt.id, "Changed")
    assert commands.update_prompt(DISTRICT_ADMIN, prompt.id, "What surprised you most?").text == \
        "What surprised you most?"
    assert [p.text for p in queries.prompts(STUDENT)] == ["What surprised you most?"]
    assert commands.retire_prompt(DISTRICT_ADMIN, prompt.id).retired
    with pytest.raises(Conflict, match="is retired"):
        commands.retire_prompt(DISTRICT_ADMIN, prompt.id)
    with pytest.raises(NotFound):
        commands.update_prompt(DISTRICT_ADMIN, "nope", "x")
    assert queries.prompts(STUDENT) == []
    assert uow.event_types() == ["prompt_defined", "prompt_updated", "prompt_retired"]
    assert uow.events[1].data == {"prompt_id": prompt.id, "actor_id": DEE}
    assert uow.audit_rows == []                          # prompts are about nobody


def test_feedback_is_the_current_teachers_and_audited(commands, uow):
    given = commands.give_feedback(TEACHER, ART, "You can describe a volcano.", "Label the layers.")
    assert uow.event_types() == ["feedback_given"]
    assert (uow.events[0].data["feedback_id"], uow.events[0].data["teacher_id"]) == (given.id, CRUZ)
    assert trail(uow) == [(CRUZ, "reflections.GiveFeedback", ANA)]
    assert uow.audit_rows[0].detail == {"feedback_id": given.id, "artifact_id": ART}
    for who in (ANA, EVE, DIAZ, IVES, FAY):
        with pytest.raises(PermissionDenied):
            commands.give_feedback(as_(who), ART, "Can do.", "Next.")
    with pytest.raises(InvalidArgument):
        commands.give_feedback(TEACHER, ART, "", "Next.")
    assert len(uow.events) == 1


@pytest.mark.parametrize("who, audited", [(ANA, False), (CRUZ, True), (EVE, True)])
def test_the_three_way_conversation_comments(commands, uow, who, audited):
    comment = commands.add_comment(as_(who), ART, "Nice work!")
    assert comment.author_role == ROLE[who]
    [event] = uow.events
    assert (event.type, event.data["author_id"], event.data["author_role"]) == ("comment_added", who, ROLE[who])
    assert trail(uow) == ([(who, "reflections.AddComment", ANA)] if audited else [])


@pytest.mark.parametrize("who", STRANGERS)
def test_strangers_do_not_comment(commands, uow, who):
    with pytest.raises(PermissionDenied, match=DENIED):
        commands.add_comment(as_(who), ART, "Hi")
    assert uow.events == [] and uow.audit_rows == []


def test_a_teacher_hides_a_comment_which_stays_in_the_trail(commands, queries, uow):
    by_guardian = commands.add_comment(GUARDIAN, ART, "So proud of you!")
    for who in (ANA, EVE, DIAZ):
        with pytest.raises(PermissionDenied):
            commands.hide_comment(as_(who), by_guardian.id)
    hidden = commands.hide_comment(TEACHER, by_guardian.id)
    assert hidden.hidden and hidden.hidden_by == CRUZ
    with pytest.raises(Conflict, match="already hidden"):
        commands.hide_comment(TEACHER, by_guardian.id)
    with pytest.raises(PermissionDenied):
        commands.hide_comment(TEACHER, "no-such-comment")
    assert uow.event_types() == ["comment_added", "comment_hidden"]
    assert uow.events[-1].data["actor_id"] == CRUZ
    assert uow.audit_rows[-1].action == "reflections.HideComment"
    assert uow.audit_rows[-1].detail["body"] == "So proud of you!"
    [shown] = queries.discussion(STUDENT, ART).comments
    assert (shown.body, shown.hidden) == ("", True)             # the text is withheld from readers


@pytest.mark.parametrize("who, audited, can", [
    (ANA, False, {Action.READ, Action.REFLECT, Action.COMMENT, Action.SELF_ASSESS}),
    (CRUZ, True, {Action.READ, Action.FEEDBACK, Action.COMMENT, Action.HIDE, Action.ASSESS}),
    (EVE, True, {Action.READ, Action.COMMENT})])
def test_the_discussion_is_read_by_those_with_standing_with_what_they_may_do(commands, queries, uow, who, audited,
                                                                            can):
    commands.give_feedback(TEACHER, ART, "Can do.", "Next.")
    uow.audit_rows.clear()
    found = queries.discussion(as_(who), ART)
    assert found.viewer_can == frozenset(can) and len(found.feedback) == 1
    assert trail(uow) == ([(who, "reflections.GetDiscussion", ANA)] if audited else [])
    assert uow.event_types() == ["feedback_given"]              # reads raise nothing


@pytest.mark.parametrize("who", STRANGERS)
def test_strangers_do_not_read_the_discussion(queries, uow, who):
    with pytest.raises(PermissionDenied, match=DENIED):
        queries.discussion(as_(who), ART)
    assert uow.audit_rows == []


def test_the_discussion_names_its_writers_the_replica_knows(commands, queries, uow):
    uow.feed([artifact(ART, ANA, CRUZ)])
    from reflections_fixtures import event
    uow.feed([event("roster", "person_updated", at="2026-11-05T00:00:00+00:00", person_id=CRUZ, roles=["teacher"],
                    primary_school_id="sch-central", active=True, given_name="Rosa", family_name="Cruz")])
    commands.give_feedback(TEACHER, ART, "Can do.", "Next.")
    commands.add_comment(STUDENT, ART, "Thanks")
    assert queries.discussion(STUDENT, ART).names == {CRUZ: "Rosa Cruz"}


def test_a_former_teacher_or_an_inactive_one_has_no_standing(commands, uow):
    from reflections_fixtures import event
    uow.feed([event("roster", "person_updated", at="2026-11-05T00:00:00+00:00", person_id=CRUZ, roles=["teacher"],
                    primary_school_id="sch-central", active=False)])
    with pytest.raises(PermissionDenied):
        commands.give_feedback(TEACHER, ART, "Can do.", "Next.")
    with pytest.raises(PermissionDenied):
        commands.give_feedback(as_(DIAZ), ART, "Can do.", "Next.")


def test_another_students_artifact_is_theirs_alone(commands, uow):
    with pytest.raises(PermissionDenied):
        commands.add_reflection(STUDENT, BEN_ART, "Not my artifact.")
    commands.add_reflection(as_(BEN), BEN_ART, "My own.")
    with pytest.raises(PermissionDenied):
        commands.add_comment(GUARDIAN, BEN_ART, "Not my child.")
    commands.add_comment(as_(GUS), BEN_ART, "My child.")
    assert trail(uow) == [(GUS, "reflections.AddComment", BEN)]
