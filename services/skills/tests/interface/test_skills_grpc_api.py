"""The skills gRPC API over a real channel on the chassis server: principals, statuses, field problems, paging."""
from __future__ import annotations

import grpc
import pytest

from chassis.config import service_settings
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from skillfolio.skills.v1 import skills_pb2 as pb
from skillfolio.skills.v1 import skills_pb2_grpc
from skills.demo import DEMO_FILE
from skills.entrypoints import grpc_api
from skills.entrypoints.cli import OPERATOR
from skills.service_layer.loader import load_file

# own_database: the gRPC server answers on its own thread pool, each thread with its own pooled connection
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def stub(app, skills_db, keys):
    load_file(app.unit_of_work, OPERATOR, DEMO_FILE)
    settings = service_settings("skills", database_url=skills_db, grpc_port=0, grpc_max_workers=4)
    with serving(grpc_api.start, settings, app, keys[1], skills_pb2_grpc.SkillsServiceStub) as stub:
        yield stub


def as_(keys, subject: str, *roles: str) -> list[tuple[str, str]]:
    return signed_as(keys[0], subject, *roles)


def test_unauthenticated_without_a_principal(stub):
    with pytest.raises(grpc.RpcError) as caught:
        stub.ListSkills(pb.ListSkillsRequest(district_id="demo"))
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_teacher_reads_but_cannot_write(stub, keys):
    teacher = as_(keys, "p-teacher", "teacher")
    first = stub.ListSkills(pb.ListSkillsRequest(district_id="demo", page=pb.PageRequest(page_size=3)),
                            metadata=teacher)
    rest = stub.ListSkills(pb.ListSkillsRequest(district_id="demo", page=pb.PageRequest(
        page_size=3, page_token=first.next_page_token)), metadata=teacher)
    codes = [s.code for s in first.skills] + [s.code for s in rest.skills]
    assert codes == ["collaborator", "communicator", "innovator", "self-aware", "thinker"] and not rest.next_page_token
    yellow = next(s for s in rest.skills if s.code == "self-aware")
    assert (yellow.colour, yellow.text_colour, len(yellow.descriptors)) == ("#F2C230", "#000000", 4)
    with pytest.raises(grpc.RpcError) as caught:
        stub.CreateSkill(pb.CreateSkillRequest(district_id="demo", skill=pb.SkillFields(
            code="x", name="X", colour="#000000")), metadata=teacher)
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as caught:
        stub.ListSkills(pb.ListSkillsRequest(district_id="demo", include_retired=True,
                                             page=pb.PageRequest(page_token=first.next_page_token)), metadata=teacher)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_admin_writes_and_gets_field_problems(stub, keys):
    admin = as_(keys, "p-admin", "district_admin")
    with pytest.raises(grpc.RpcError) as caught:
        stub.CreateSkill(pb.CreateSkillRequest(district_id="demo", skill=pb.SkillFields(
            code="green", name="", colour="#00FF0")), metadata=admin)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert {(p.field, p.reason) for p in field_problems(caught.value)} == {
        ("skill.name", "is required"), ("skill.colour", "'#00FF0' is not #RRGGBB")}
    created = stub.CreateSkill(pb.CreateSkillRequest(district_id="demo", skill=pb.SkillFields(
        code="green", name="Steward", colour="#1B7F4C",
        descriptors=[pb.Descriptor(band="K-2", text="I care for plants.")])), metadata=admin).skill
    assert stub.RetireSkill(pb.RetireSkillRequest(skill_id=created.id), metadata=admin).skill.retired
    stub.DeleteSkill(pb.DeleteSkillRequest(skill_id=created.id), metadata=admin)
    with pytest.raises(grpc.RpcError) as caught:
        stub.GetSkill(pb.GetSkillRequest(skill_id=created.id), metadata=admin)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    scale = stub.ListScales(pb.ListScalesRequest(district_id="demo"), metadata=admin).scales[0]
    rubric = stub.DefineRubric(pb.DefineRubricRequest(
        district_id="demo", code="talk", name="Talk", scale_id=scale.id,
        criteria=[pb.Criterion(code="c", name="C", cells=[pb.Cell(level_rank=l.rank, descriptor=l.name)
                                                          for l in scale.levels])]), metadata=admin).rubric
    assert len(stub.GetRubric(pb.GetRubricRequest(rubric_id=rubric.id), metadata=admin).rubric.criteria[0].cells) == 4
    framework = stub.GetFramework(pb.GetFrameworkRequest(district_id="demo"), metadata=admin).framework
    assert [b.code for b in framework.grade_bands] == ["K-2", "3-5", "6-8", "9-12"]
    effective = stub.GetEffectiveSkills(pb.GetEffectiveSkillsRequest(district_id="demo", school_id="s1"),
                                        metadata=admin)
    assert len(effective.skills) == 5
