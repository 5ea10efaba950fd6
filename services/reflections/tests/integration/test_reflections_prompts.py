"""Guided prompts on a real PostgreSQL: a district admin rewords and retires them; retired prompts are not offered
for new reflections, and reflections keep the prompt text they answered."""
from __future__ import annotations

import pytest
from reflections_fixtures import ART, DEE, DISTRICT_ADMIN, STUDENT, TEACHER, Viewer

from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied

pytestmark = pytest.mark.integration


def test_rewording_a_prompt_leaves_earlier_reflections_with_the_text_they_answered(app, world, tables):
    prompt = app.commands.define_prompt(DISTRICT_ADMIN, "What evidence shows I reached my goal?")
    before = app.commands.add_reflection(STUDENT, ART, "My poster.", prompt.id)
    updated = app.commands.update_prompt(DISTRICT_ADMIN, prompt.id, "  Which evidence shows you reached your goal?")
    assert (updated.text, updated.retired) == ("Which evidence shows you reached your goal?", False)
    after = app.commands.add_reflection(STUDENT, ART, "My essay.", prompt.id)
    assert [p.text for p in app.queries.prompts(STUDENT)] == [updated.text]
    texts = {r.id: r.prompt_text for r in app.queries.discussion(STUDENT, ART).reflections}
    assert texts == {before.id: "What evidence shows I reached my goal?", after.id: updated.text}
    assert tables.envelopes()[-2].type == "prompt_updated"
    assert tables.envelopes()[-2].data == {"prompt_id": prompt.id, "actor_id": DEE}


def test_a_retired_prompt_is_not_offered_nor_accepted_but_old_reflections_keep_it(app, world, tables):
    kept = app.commands.define_prompt(DISTRICT_ADMIN, "What would I do differently?")
    retiring = app.commands.define_prompt(DISTRICT_ADMIN, "What surprised me?")
    old = app.commands.add_reflection(STUDENT, ART, "The volcano erupted early.", retiring.id)
    retired = app.commands.retire_prompt(DISTRICT_ADMIN, retiring.id)
    assert (retired.id, retired.text, retired.retired) == (retiring.id, "What surprised me?", True)
    assert [p.id for p in app.queries.prompts(STUDENT)] == [kept.id]
    with pytest.raises(InvalidArgument) as refused:
        app.commands.add_reflection(STUDENT, ART, "Late.", retiring.id)
    assert [(p.field, p.reason) for p in refused.value.problems] == [
        ("prompt_id", "is not an active guided prompt of the district")]
    [reflection] = app.queries.discussion(STUDENT, ART).reflections
    assert (reflection.id, reflection.prompt_id, reflection.prompt_text) == (old.id, retiring.id,
                                                                             "What surprised me?")
    with pytest.raises(Conflict):
        app.commands.retire_prompt(DISTRICT_ADMIN, retiring.id)
    with pytest.raises(Conflict):
        app.commands.update_prompt(DISTRICT_ADMIN, retiring.id, "Reworded")
    assert tables.event_types().count("prompt_retired") == 1


def test_only_a_district_admin_changes_prompts_and_bad_input_names_the_field(app, world, tables):
    prompt = app.commands.define_prompt(DISTRICT_ADMIN, "What did I learn?")
    for viewer in (STUDENT, TEACHER, Viewer.of("adm-fay", ["school_admin"])):
        with pytest.raises(PermissionDenied):
            app.commands.update_prompt(viewer, prompt.id, "Changed")
        with pytest.raises(PermissionDenied):
            app.commands.retire_prompt(viewer, prompt.id)
    with pytest.raises(InvalidArgument) as empty:
        app.commands.update_prompt(DISTRICT_ADMIN, prompt.id, "   ")
    assert [p.field for p in empty.value.problems] == ["text"]
    with pytest.raises(NotFound):
        app.commands.retire_prompt(DISTRICT_ADMIN, "no-such-prompt")
    assert tables.event_types() == ["prompt_defined"]
