"""Skill writes on PostgreSQL: create/update/retire/delete-when-unused, school additions, outbox and audit rows."""
from __future__ import annotations

import json

import pytest
from skills_fixtures import ADMIN, BANDS, DISTRICT, LEVELS, TEACHER, fields
from sqlalchemy import select

from chassis.errors import AlreadyExists, Conflict, InvalidArgument, PermissionDenied, Unauthenticated
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from skills.adapters.orm import skill_usage
from skills.domain.access import Viewer
from skills.domain.model import Criterion, Level
from skills.service_layer import subscriptions as skills_subscriptions

pytestmark = pytest.mark.integration
SCHOOL, OTHER_SCHOOL = "school-a", "school-b"
SCHOOL_ADMIN = Viewer.of("p-sadmin", ["school_admin"])


def make_school_admin(app, person_id: str, school_id: str) -> None:
    event = Envelope(type="person_added", producer="roster",
                     data={"person_id": person_id, "roles": ["school_admin"], "primary_school_id": school_id,
                           "active": True})
    assert consume(app.unit_of_work, skills_subscriptions.SUBSCRIPTIONS, event, "skills.person_added")
    assert not consume(app.unit_of_work, skills_subscriptions.SUBSCRIPTIONS, event, "skills.person_added")   # duplicate


def district(app):
    return app.commands.define_framework(ADMIN, DISTRICT, "", "Success Skills", BANDS)


def test_skill_lifecycle_writes_events_and_audit_rows(app, tables):
    district(app)
    skill = app.commands.create_skill(ADMIN, DISTRICT, "", fields(colour="#f2c230"))
    assert skill.fields.colour == "#F2C230" and skill.text_colour == "#000000"
    with pytest.raises(AlreadyExists):
        app.commands.create_skill(ADMIN, DISTRICT, "", fields())
    updated = app.commands.update_skill(ADMIN, skill.id, fields(name="Communicator", colour="#1F5FAD"))
    assert (updated.fields.name, updated.text_colour) == ("Communicator", "#FFFFFF")
    app.commands.update_skill(ADMIN, skill.id, fields(name="Communicator", colour="#1F5FAD"))   # no change
    retired = app.commands.retire_skill(ADMIN, skill.id)
    assert retired.retired and app.queries.skill(TEACHER, skill.id).retired      # still readable
    assert app.queries.list_skills(TEACHER, DISTRICT).items == []
    assert [s.id for s in app.queries.list_skills(TEACHER, DISTRICT, include_retired=True).items] == [skill.id]
    app.commands.delete_skill(ADMIN, skill.id)
    assert tables.event_types() == ["framework_defined", "skill_added", "skill_updated", "skill_retired",
                                    "skill_deleted"]
    envelopes = tables.envelopes()
    assert {e.producer for e in envelopes} == {"skills"}
    assert envelopes[1].data == {"skill_id": skill.id, "framework_id": skill.framework_id, "district_id": DISTRICT,
                                 "school_id": "", "code": "communicator", "name": "Effective Communicator",
                                 "colour": "#F2C230", "text_colour": "#000000", "retired": False, "scale_id": ""}
    audit = tables.audit()
    assert [(r.action, r.subject_type, r.actor) for r in audit] == [
        ("skills.DefineFramework", "framework", "p-dadmin"), ("skills.CreateSkill", "skill", "p-dadmin"),
        ("skills.UpdateSkill", "skill", "p-dadmin"), ("skills.RetireSkill", "skill", "p-dadmin"),
        ("skills.DeleteSkill", "skill", "p-dadmin")]
    assert audit[1].subject_id == skill.id and audit[1].actor_roles == "district_admin"


def test_a_skill_that_tagged_an_artifact_can_be_retired_but_not_deleted(app, tables):
    district(app)
    used = app.commands.create_skill(ADMIN, DISTRICT, "", fields("used", "Used"))
    unused = app.commands.create_skill(ADMIN, DISTRICT, "", fields("unused", "Unused"))
    tagged = Envelope(type="artifact_added", producer="artifacts", data={"artifact_id": "a1", "skill_ids": [used.id]})
    consume(app.unit_of_work, skills_subscriptions.SUBSCRIPTIONS, tagged, "skills.artifact_added")
    gone = Envelope(type="artifact_deleted", producer="artifacts", data={"artifact_id": "a1"})
    consume(app.unit_of_work, skills_subscriptions.SUBSCRIPTIONS, gone, "skills.artifact_deleted")
    with pytest.raises(Conflict, match="retire it instead"):
        app.commands.delete_skill(ADMIN, used.id)
    assert app.commands.retire_skill(ADMIN, used.id).retired
    app.commands.delete_skill(ADMIN, unused.id)
    assert app.queries.skill(TEACHER, used.id).retired


def test_school_adds_skills_but_never_changes_the_districts(app, tables):
    district(app)
    shared = app.commands.create_skill(ADMIN, DISTRICT, "", fields())
    make_school_admin(app, SCHOOL_ADMIN.subject, SCHOOL)
    app.commands.define_framework(SCHOOL_ADMIN, DISTRICT, SCHOOL, "School A additions", [])
    local = app.commands.create_skill(SCHOOL_ADMIN, DISTRICT, SCHOOL, fields("gardener", "Garden Steward",
                                                                             "#1B7F4C"))
    with pytest.raises(PermissionDenied, match="never change the district's"):
        app.commands.update_skill(SCHOOL_ADMIN, shared.id, fields(name="Renamed"))
    with pytest.raises(PermissionDenied, match="never change the district's"):
        app.commands.retire_skill(SCHOOL_ADMIN, shared.id)
    with pytest.raises(PermissionDenied, match="is a district skill"):
        app.commands.create_skill(SCHOOL_ADMIN, DISTRICT, SCHOOL, fields())
    with pytest.raises(PermissionDenied):
        app.commands.define_framework(SCHOOL_ADMIN, DISTRICT, OTHER_SCHOOL, "Not mine", [])
    with pytest.raises(Conflict, match="school-a"):
        app.commands.create_skill(ADMIN, DISTRICT, "", fields("gardener", "Gardener"))
    effective = app.queries.effective_skills(TEACHER, DISTRICT, SCHOOL)
    assert [(s.school_id, s.code) for s in effective] == [("", "communicator"), (SCHOOL, "gardener")]
    assert [s.code for s in app.queries.effective_skills(TEACHER, DISTRICT, OTHER_SCHOOL)] == ["communicator"]
    assert app.queries.skill(TEACHER, shared.id).fields.name == "Effective Communicator"
    assert local.framework_id != shared.framework_id
    make_school_admin(app, SCHOOL_ADMIN.subject, "")          # no longer an admin anywhere
    with pytest.raises(PermissionDenied):
        app.commands.create_skill(SCHOOL_ADMIN, DISTRICT, SCHOOL, fields("other", "Other"))


def test_readers_cannot_write_and_strangers_cannot_read(app, tables):
    district(app)
    with pytest.raises(PermissionDenied):
        app.commands.create_skill(TEACHER, DISTRICT, "", fields())
    with pytest.raises(Unauthenticated):
        app.queries.list_skills(None, DISTRICT)
    assert tables.event_types() == ["framework_defined"]


def test_invalid_input_names_every_problem_and_writes_nothing(app, tables):
    with pytest.raises(InvalidArgument) as caught:
        app.commands.define_framework(ADMIN, DISTRICT, "", "F", [BANDS[0], BANDS[0].__class__("K-3", "01", "03")])
    assert [p.field for p in caught.value.problems] == ["grade_bands[1]"]
    assert "overlaps 'K-2'" in caught.value.problems[0].reason
    district(app)
    with pytest.raises(InvalidArgument) as caught:
        app.commands.create_skill(ADMIN, DISTRICT, "", fields(code="bad code", colour="#FFF"))
    assert {p.field for p in caught.value.problems} == {"skill.code", "skill.colour"}
    scale = app.commands.define_scale(ADMIN, DISTRICT, "proficiency", "Proficiency", LEVELS)
    with pytest.raises(InvalidArgument) as caught:
        app.commands.define_rubric(ADMIN, DISTRICT, "dol", "Defense", scale.id, "",
                                   [Criterion("evidence", "Evidence", {1: "a", 2: "b", 4: "d"})])
    assert [(p.field, p.reason) for p in caught.value.problems] == [
        ("rubric.criteria[0].cells.Ready", "needs a descriptor (every cell is required)")]
    assert tables.event_types() == ["framework_defined", "scale_defined"]
    assert json.loads(tables.audit()[-1].detail) == {}


def test_replicas_keep_the_newest_event_whatever_the_arrival_order(app, tables):
    district(app)
    skill = app.commands.create_skill(ADMIN, DISTRICT, "", fields())
    added = Envelope(type="artifact_added", producer="artifacts", occurred_at="2026-11-23T10:00:00+00:00",
                     data={"artifact_id": "a9", "skill_ids": [skill.id]})
    deleted = Envelope(type="artifact_deleted", producer="artifacts", occurred_at="2026-11-23T11:00:00+00:00",
                       data={"artifact_id": "a9"})
    for event in (deleted, added):                      # the deletion overtook the addition
        consume(app.unit_of_work, skills_subscriptions.SUBSCRIPTIONS, event, f"skills.{event.type}")
    with app.unit_of_work() as uow:
        assert uow.replicas.ever_used(skill.id)
        assert uow.session.execute(select(skill_usage.c.active)).scalars().all() == [False]
    promoted = Envelope(type="person_updated", producer="roster", occurred_at="2026-11-23T12:00:00+00:00",
                        data={"person_id": "p-x", "roles": ["school_admin"], "primary_school_id": SCHOOL})
    stale = Envelope(type="person_added", producer="roster", occurred_at="2026-11-23T09:00:00+00:00",
                     data={"person_id": "p-x", "roles": ["teacher"], "primary_school_id": SCHOOL})
    for event in (promoted, stale):
        consume(app.unit_of_work, skills_subscriptions.SUBSCRIPTIONS, event, f"skills.{event.type}")
    with app.unit_of_work() as uow:
        assert uow.replicas.administered_schools("p-x") == {SCHOOL}


def test_bands_in_use_by_descriptors_cannot_be_dropped(app, tables):
    district(app)
    app.commands.create_skill(ADMIN, DISTRICT, "", fields())                 # has a K-2 descriptor
    with pytest.raises(Conflict, match=r"\['K-2'\] are still used"):
        app.commands.define_framework(ADMIN, DISTRICT, "", "Success Skills", BANDS[1:])
    renamed = app.commands.define_framework(ADMIN, DISTRICT, "", "Durable Skills", BANDS)
    assert renamed.name == "Durable Skills"
    assert tables.event_types() == ["framework_defined", "skill_added", "framework_defined"]


def test_events_carry_what_assessing_needs_the_skills_scale_its_levels_and_rubric_cells(app, tables):
    """Consumers (the reflections service's catalog replica) assess without calling back."""
    district(app)
    scale = app.commands.define_scale(ADMIN, DISTRICT, "proficiency", "Proficiency",
                                      [Level(1, "Beginning", "Starting out"), *LEVELS[1:]])
    skill = app.commands.create_skill(ADMIN, DISTRICT, "", fields(scale_id=scale.id))
    app.commands.define_rubric(ADMIN, DISTRICT, "comm", "Communication", scale.id, skill.id, [
        Criterion("clarity", "Clarity", {1: "c1", 2: "c2", 3: "c3", 4: "c4"}),
        Criterion("evidence", "Evidence", {1: "e1", 2: "e2", 3: "e3", 4: "e4"})])
    data = {e.type: e.data for e in tables.envelopes()}
    assert data["skill_added"]["scale_id"] == scale.id
    assert (data["scale_defined"]["level_ranks"], data["scale_defined"]["level_descriptions"]) == (
        [1, 2, 3, 4], ["Starting out", "", "", ""])
    rubric = data["rubric_defined"]
    assert (rubric["name"], rubric["criterion_names"], rubric["level_ranks"], rubric["cells"]) == (
        "Communication", ["Clarity", "Evidence"], [1, 2, 3, 4], ["c1", "c2", "c3", "c4", "e1", "e2", "e3", "e4"])
