"""Skills commands and queries through a fake unit of work: who may write which framework (district admin, school
admin of that school only, service; never a teacher), the audit row and event of every change, idempotent writes
that record nothing, and the errors that leave nothing written."""
from __future__ import annotations

import pytest
from skills_fakes import FakeSkillsUnitOfWork
from skills_fixtures import ADMIN, BANDS, DISTRICT, LEVELS, TEACHER, fields

from chassis.errors import AlreadyExists, Conflict, InvalidArgument, NotFound, PermissionDenied, Unauthenticated
from skills.domain import identity
from skills.domain.access import Viewer
from skills.domain.model import Criterion, Level
from skills.service_layer.commands import SkillCommands
from skills.service_layer.loader import load_document
from skills.service_layer.queries import SkillQueries

SCHOOL, OTHER_SCHOOL = "school-a", "school-b"
SCHOOL_ADMIN = Viewer.of("p-sadmin", ["school_admin"])
SERVICE = Viewer.of("service:loader", ["service"])


@pytest.fixture
def uow() -> FakeSkillsUnitOfWork:
    fake = FakeSkillsUnitOfWork()
    fake.replicas.set_administered_schools(SCHOOL_ADMIN.subject, {SCHOOL})
    return fake


@pytest.fixture
def commands(uow) -> SkillCommands:
    return SkillCommands(lambda: uow)


@pytest.fixture
def queries(uow) -> SkillQueries:
    return SkillQueries(lambda: uow)


@pytest.fixture
def district(commands):
    return commands.define_framework(ADMIN, DISTRICT, "", "Success Skills", BANDS)


def audit_of(uow) -> list[tuple]:
    return [(r.actor, r.actor_roles, r.action, r.subject_type, r.subject_id) for r in uow.audit_rows]


def test_the_district_framework_is_defined_once_audited_and_announced(commands, uow, district):
    assert district.id == identity.framework_id(DISTRICT) and [b.code for b in district.grade_bands] == [
        "K-2", "3-5", "6-8", "9-12"]
    commands.define_framework(ADMIN, DISTRICT, "", "Success Skills", BANDS)          # unchanged: nothing recorded
    [event] = uow.events
    assert (event.type, event.producer, event.data["framework_id"], event.data["grade_bands"]) == (
        "framework_defined", "skills", district.id, ["K-2", "3-5", "6-8", "9-12"])
    assert audit_of(uow) == [("p-dadmin", "district_admin", "skills.DefineFramework", "framework", district.id)]
    assert uow.audit_rows[0].detail == {"school_id": ""}


@pytest.mark.parametrize("viewer", [TEACHER, SCHOOL_ADMIN, Viewer.of("p-student", ["student"])],
                         ids=["teacher", "school-admin", "student"])
def test_only_district_writers_define_the_district_framework(commands, uow, viewer):
    with pytest.raises(PermissionDenied, match="write district"):
        commands.define_framework(viewer, DISTRICT, "", "Mine", BANDS)
    assert (uow.events, uow.audit_rows, uow.skills.frameworks) == ([], [], {})


def test_a_write_needs_a_principal(commands, queries):
    with pytest.raises(Unauthenticated):
        commands.define_framework(None, DISTRICT, "", "F", BANDS)
    with pytest.raises(Unauthenticated):
        queries.list_skills(None, DISTRICT)


def test_a_service_principal_writes_like_a_district_admin(commands, uow):
    commands.define_framework(SERVICE, DISTRICT, "", "Loaded", BANDS)
    assert audit_of(uow)[0][:3] == ("service:loader", "service", "skills.DefineFramework")


def test_a_skills_lifecycle_audits_and_announces_each_change(commands, queries, uow, district):
    skill = commands.create_skill(ADMIN, DISTRICT, "", fields(colour="#f2c230"))
    assert (skill.fields.colour, skill.text_colour) == ("#F2C230", "#000000")
    assert queries.skill(TEACHER, skill.id).fields.colour == "#F2C230"
    with pytest.raises(AlreadyExists):
        commands.create_skill(ADMIN, DISTRICT, "", fields())
    commands.update_skill(ADMIN, skill.id, fields(name="Communicator", colour="#1F5FAD"))
    commands.update_skill(ADMIN, skill.id, fields(name="Communicator", colour="#1F5FAD"))     # no change
    assert commands.retire_skill(ADMIN, skill.id).retired
    commands.retire_skill(ADMIN, skill.id)                                                     # already retired
    commands.delete_skill(ADMIN, skill.id)
    assert uow.event_types() == ["framework_defined", "skill_added", "skill_updated", "skill_retired",
                                 "skill_deleted"]
    assert uow.events[1].data == {"skill_id": skill.id, "framework_id": district.id, "district_id": DISTRICT,
                                  "school_id": "", "code": "communicator", "name": "Effective Communicator",
                                  "colour": "#F2C230", "text_colour": "#000000", "retired": False, "scale_id": ""}
    assert uow.events[3].data["retired"] is True
    assert [(a, s) for _, _, a, _, s in audit_of(uow)[1:]] == [
        ("skills.CreateSkill", skill.id), ("skills.UpdateSkill", skill.id), ("skills.RetireSkill", skill.id),
        ("skills.DeleteSkill", skill.id)]
    with pytest.raises(NotFound):
        queries.skill(TEACHER, skill.id)


def test_a_skills_code_never_changes(commands, district):
    skill = commands.create_skill(ADMIN, DISTRICT, "", fields())
    with pytest.raises(InvalidArgument) as refused:
        commands.update_skill(ADMIN, skill.id, fields(code="speaker"))
    assert [p.field for p in refused.value.problems] == ["skill.code"]


@pytest.mark.parametrize("write", ["update", "retire", "delete"])
def test_a_missing_skill_is_not_found(commands, district, write):
    calls = {"update": lambda: commands.update_skill(ADMIN, "nope", fields()),
             "retire": lambda: commands.retire_skill(ADMIN, "nope"),
             "delete": lambda: commands.delete_skill(ADMIN, "nope")}
    with pytest.raises(NotFound):
        calls[write]()


def test_a_skill_needs_the_district_framework_first(commands, uow):
    with pytest.raises(Conflict, match="no skill framework"):
        commands.create_skill(ADMIN, DISTRICT, "", fields())
    assert uow.events == []


def test_a_skill_that_tagged_an_artifact_is_retired_not_deleted(commands, uow, district):
    used = commands.create_skill(ADMIN, DISTRICT, "", fields("used", "Used"))
    uow.replicas.tag_artifact("a1", [used.id])
    uow.replicas.artifact_deleted("a1")
    with pytest.raises(Conflict, match="retire it instead"):
        commands.delete_skill(ADMIN, used.id)
    assert uow.event_types()[-1] == "skill_added"


def test_a_skill_a_rubric_assesses_is_retired_not_deleted(commands, district):
    scale = commands.define_scale(ADMIN, DISTRICT, "proficiency", "Proficiency", LEVELS)
    skill = commands.create_skill(ADMIN, DISTRICT, "", fields(scale_id=scale.id))
    commands.define_rubric(ADMIN, DISTRICT, "comm", "Communication", scale.id, skill.id,
                           [Criterion("clarity", "Clarity", {1: "a", 2: "b", 3: "c", 4: "d"})])
    with pytest.raises(Conflict, match=r"rubric\(s\) \['comm'\]"):
        commands.delete_skill(ADMIN, skill.id)


def test_a_school_admin_adds_to_their_schools_framework_only(commands, queries, uow, district):
    shared = commands.create_skill(ADMIN, DISTRICT, "", fields())
    school_fw = commands.define_framework(SCHOOL_ADMIN, DISTRICT, SCHOOL, "School A additions", [])
    local = commands.create_skill(SCHOOL_ADMIN, DISTRICT, SCHOOL, fields("gardener", "Garden Steward", "#1B7F4C"))
    assert local.framework_id == school_fw.id != shared.framework_id
    assert audit_of(uow)[-1] == ("p-sadmin", "school_admin", "skills.CreateSkill", "skill", local.id)
    for attempt, message in (
            (lambda: commands.update_skill(SCHOOL_ADMIN, shared.id, fields(name="Renamed")), "never change"),
            (lambda: commands.retire_skill(SCHOOL_ADMIN, shared.id), "never change"),
            (lambda: commands.delete_skill(SCHOOL_ADMIN, shared.id), "never change"),
            (lambda: commands.create_skill(SCHOOL_ADMIN, DISTRICT, SCHOOL, fields()), "is a district skill"),
            (lambda: commands.define_framework(SCHOOL_ADMIN, DISTRICT, OTHER_SCHOOL, "Not mine", []), "write school"),
            (lambda: commands.create_skill(ADMIN, DISTRICT, "", fields("gardener", "G")), "school-a")):
        with pytest.raises((PermissionDenied, Conflict), match=message):
            attempt()
    assert [(s.school_id, s.code) for s in queries.effective_skills(TEACHER, DISTRICT, SCHOOL)] == [
        ("", "communicator"), (SCHOOL, "gardener")]
    assert [s.code for s in queries.effective_skills(TEACHER, DISTRICT, OTHER_SCHOOL)] == ["communicator"]
    uow.replicas.set_administered_schools(SCHOOL_ADMIN.subject, set())          # no longer admin anywhere
    with pytest.raises(PermissionDenied):
        commands.create_skill(SCHOOL_ADMIN, DISTRICT, SCHOOL, fields("other", "Other"))


def test_a_school_framework_needs_the_districts_and_has_no_bands(commands, uow):
    with pytest.raises(Conflict, match="no framework yet"):
        commands.define_framework(ADMIN, DISTRICT, SCHOOL, "A", [])
    commands.define_framework(ADMIN, DISTRICT, "", "Success Skills", BANDS)
    with pytest.raises(InvalidArgument) as refused:
        commands.define_framework(ADMIN, DISTRICT, SCHOOL, "A", BANDS)
    assert [p.field for p in refused.value.problems] == ["grade_bands"]


def test_bands_still_described_cannot_be_dropped(commands, uow, district):
    commands.create_skill(ADMIN, DISTRICT, "", fields())                      # describes K-2
    with pytest.raises(Conflict, match=r"\['K-2'\] are still used"):
        commands.define_framework(ADMIN, DISTRICT, "", "Success Skills", BANDS[1:])
    assert uow.event_types() == ["framework_defined", "skill_added"]


def test_invalid_input_names_every_problem_and_writes_nothing(commands, uow, district):
    with pytest.raises(InvalidArgument) as refused:
        commands.create_skill(ADMIN, DISTRICT, "", fields(code="bad code", colour="#FFF", scale_id="nope"))
    assert {p.field for p in refused.value.problems} == {"skill.code", "skill.colour", "skill.scale_id"}
    assert uow.event_types() == ["framework_defined"] and len(uow.audit_rows) == 1


def test_scales_and_rubrics_carry_what_assessing_needs(commands, queries, uow, district):
    scale = commands.define_scale(ADMIN, DISTRICT, "proficiency", "Proficiency",
                                  [Level(1, "Beginning", "Starting out"), *LEVELS[1:]])
    commands.define_scale(ADMIN, DISTRICT, "proficiency", "Proficiency",
                          [Level(1, "Beginning", "Starting out"), *LEVELS[1:]])            # unchanged
    skill = commands.create_skill(ADMIN, DISTRICT, "", fields(scale_id=scale.id))
    rubric = commands.define_rubric(ADMIN, DISTRICT, "comm", "Communication", scale.id, skill.id, [
        Criterion("clarity", "Clarity", {1: "c1", 2: "c2", 3: "c3", 4: "c4"})])
    data = {e.type: e.data for e in uow.events}
    assert (data["scale_defined"]["level_ranks"], data["scale_defined"]["level_descriptions"]) == (
        [1, 2, 3, 4], ["Starting out", "", "", ""])
    assert (data["rubric_defined"]["criterion_names"], data["rubric_defined"]["cells"]) == (
        ["Clarity"], ["c1", "c2", "c3", "c4"])
    assert uow.event_types().count("scale_defined") == 1
    assert [a for _, _, a, _, _ in audit_of(uow)] == ["skills.DefineFramework", "skills.DefineScale",
                                                      "skills.CreateSkill", "skills.DefineRubric"]
    assert queries.rubric(TEACHER, rubric.id) == rubric and queries.scale(TEACHER, scale.id) == scale
    with pytest.raises(Conflict, match="ranks cannot change"):
        commands.define_scale(ADMIN, DISTRICT, "proficiency", "Proficiency", [Level(1, "Low"), Level(2, "High")])


@pytest.mark.parametrize("viewer", [TEACHER, SCHOOL_ADMIN], ids=["teacher", "school-admin"])
def test_scales_and_rubrics_are_the_districts_to_write(commands, uow, district, viewer):
    with pytest.raises(PermissionDenied):
        commands.define_scale(viewer, DISTRICT, "p", "P", LEVELS)
    with pytest.raises(PermissionDenied):
        commands.define_rubric(viewer, DISTRICT, "r", "R", "", "", [])
    assert uow.event_types() == ["framework_defined"]


def test_a_rubric_names_every_problem(commands, district):
    scale = commands.define_scale(ADMIN, DISTRICT, "proficiency", "Proficiency", LEVELS)
    with pytest.raises(InvalidArgument) as refused:
        commands.define_rubric(ADMIN, DISTRICT, "dol", "Defense", scale.id, "no-such-skill",
                               [Criterion("evidence", "Evidence", {1: "a", 2: "b", 4: "d"})])
    assert [p.field for p in refused.value.problems] == ["rubric.criteria[0].cells.Ready", "rubric.skill"]


def test_reads_need_only_authentication_and_page_by_keyset(commands, queries, district):
    for code in ("alpha", "bravo", "charlie", "delta"):
        commands.create_skill(ADMIN, DISTRICT, "", fields(code, code.title()))
    commands.retire_skill(ADMIN, identity.skill_id(district.id, "bravo"))
    reader = Viewer.of("p-guardian", ["guardian"])
    first = queries.list_skills(reader, DISTRICT, page_size=2)
    second = queries.list_skills(reader, DISTRICT, page_size=2, page_token=first.next_page_token)
    assert [s.code for s in first.items + second.items] == ["alpha", "charlie", "delta"]
    assert second.next_page_token == ""
    assert len(queries.list_skills(reader, DISTRICT, include_retired=True).items) == 4
    with pytest.raises(InvalidArgument):
        queries.list_skills(reader, DISTRICT, include_retired=True, page_token=first.next_page_token)
    with pytest.raises(InvalidArgument):
        queries.list_skills(reader, "")
    assert queries.framework(reader, DISTRICT).id == district.id
    with pytest.raises(NotFound):
        queries.framework(reader, DISTRICT, SCHOOL)


def test_scales_list_by_code_in_pages(commands, queries, district):
    for code in ("c", "a", "b"):
        commands.define_scale(ADMIN, DISTRICT, code, code.upper(), LEVELS)
    first = queries.list_scales(TEACHER, DISTRICT, page_size=2)
    rest = queries.list_scales(TEACHER, DISTRICT, page_size=2, page_token=first.next_page_token)
    assert [s.code for s in first.items + rest.items] == ["a", "b", "c"] and rest.next_page_token == ""
    with pytest.raises(NotFound):
        queries.scale(TEACHER, "nope")
    with pytest.raises(NotFound):
        queries.rubric(TEACHER, "nope")


DOCUMENT = {"district": DISTRICT, "framework": {"name": "Success Skills", "grade_bands": [
    {"code": "K-5", "low_grade": "KG", "high_grade": "05"}]},
            "scales": [{"code": "p", "name": "P", "levels": [{"rank": 1, "name": "Low"}, {"rank": 2, "name": "High"}]}],
            "skills": [{"code": "comm", "name": "Communicator", "colour": "#1F5FAD", "scale": "p"}]}


def test_a_file_loads_all_or_nothing_and_a_reload_changes_nothing(uow):
    report = load_document(lambda: uow, ADMIN, DOCUMENT, "skills.yaml")
    assert (report.skills, report.scales, report.events) == (1, 1, 3)
    assert uow.event_types() == ["framework_defined", "scale_defined", "skill_added"]
    assert load_document(lambda: uow, ADMIN, DOCUMENT, "skills.yaml").events == 0
    broken = {**DOCUMENT, "skills": [{"code": "x y", "name": "", "colour": "#1F5FAD"}]}
    with pytest.raises(InvalidArgument, match="nothing was loaded") as refused:
        load_document(lambda: uow, ADMIN, broken, "skills.yaml")
    assert all(p.field.startswith("skills.yaml: ") for p in refused.value.problems)
    assert len(uow.events) == 3 and len(uow.skills.skills) == 1


def test_a_file_is_refused_to_a_teacher_with_nothing_written(uow):
    with pytest.raises(InvalidArgument, match="nothing was loaded"):
        load_document(lambda: uow, TEACHER, DOCUMENT, "skills.yaml")
    assert (uow.events, uow.audit_rows, uow.skills.frameworks) == ([], [], {})
