"""The roster's gRPC API over a real channel on the chassis server: signed principals, statuses, audit trail."""
from __future__ import annotations

import socket

import grpc
import pytest
from roster_seed import TODAY, seed_district
from sqlalchemy import create_engine, text

from chassis.config import PlatformSettings, service_settings
from chassis.context import Principal
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair, principal_token_var, sign_principal
from chassis.roster_replica.owner import RosterUnreachable
from chassis.roster_replica.roster_client import GrpcRosterRelations
from chassis.roster_replica.standing import Relation
from chassis.testing.grpc_api import serving, signed_as
from roster.entrypoints import grpc_api
from roster.migrations import MIGRATIONS_DIR
from skillfolio.roster.v1 import roster_pb2 as pb
from skillfolio.roster.v1 import roster_pb2_grpc

# own_database: the gRPC server answers on its own thread pool, each thread with its own pooled connection
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture(scope="module")
def roster_database(module_database):
    """One seeded database of its own for the whole module (a gRPC server over it per test), as before."""
    return module_database(MIGRATIONS_DIR, seed=seed_district)


@pytest.fixture(scope="module")
def keys():
    return generate_keypair()


@pytest.fixture
def stub(app, district_db, keys):
    settings = service_settings("roster", database_url=district_db[0], grpc_port=0, grpc_max_workers=4)
    with serving(grpc_api.start, settings, app, keys[1], roster_pb2_grpc.RosterServiceStub) as stub:
        yield stub


def as_(keys, person_id: str, *roles: str) -> list[tuple[str, str]]:
    return signed_as(keys[0], person_id, *roles, correlation_id="test-corr-1")


def test_unauthenticated_without_a_principal(stub, ids):
    with pytest.raises(grpc.RpcError) as caught:
        stub.GetPerson(pb.GetPersonRequest(person_id=ids.person["ava"]))
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_guardian_asking_for_someone_elses_child_is_denied(stub, ids, keys):
    gil = as_(keys, ids.person["gil"], "guardian")
    assert stub.GetPerson(pb.GetPersonRequest(person_id=ids.person["ava"]), metadata=gil).person.given_name == "Ava"
    with pytest.raises(grpc.RpcError) as caught:
        stub.GetPerson(pb.GetPersonRequest(person_id=ids.person["cal"]), metadata=gil)
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    children = stub.ListChildren(pb.ListChildrenRequest(), metadata=gil)
    assert [c.given_name for c in children.children] == ["Ava", "Dee"]
    assert all(list(c.roles) == [pb.ROLE_STUDENT] for c in children.children)


def test_authenticate_is_public_and_generic(stub, app):
    app.accounts.set_password("tess", "correct horse battery")
    person = stub.Authenticate(pb.AuthenticateRequest(username="Tess", password="correct horse battery")).person
    assert person.given_name == "Tess" and list(person.roles) == [pb.ROLE_TEACHER]
    details = set()
    for username, password in [("tess", "wrong password here"), ("nobody", "correct horse battery")]:
        with pytest.raises(grpc.RpcError) as caught:
            stub.Authenticate(pb.AuthenticateRequest(username=username, password=password))
        assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED
        details.add(caught.value.details())
    assert details == {"invalid username or password"}


def test_teacher_reads_current_students_and_sections(stub, ids, keys):
    tess = as_(keys, ids.person["tess"], "teacher")
    students = stub.ListCurrentStudents(pb.ListCurrentStudentsRequest(), metadata=tess).students
    assert [s.given_name for s in students] == ["Ava"]
    sections = stub.ListSections(pb.ListSectionsRequest(teacher_id=ids.person["tess"],
                                                        school_year_id=ids.session["sy2027"]), metadata=tess)
    assert [s.title for s in sections.sections] == ["Math 5", "Music 5"]
    roster = stub.ListSectionStudents(pb.ListSectionStudentsRequest(section_id=ids.section["math5"]), metadata=tess)
    assert [s.given_name for s in roster.students] == ["Ava"]


def test_admin_lists_people_by_role_and_pages(stub, ids, keys):
    dan = as_(keys, ids.person["dan"], "district_admin")
    seen, token = [], ""
    while True:
        reply = stub.ListPeople(pb.ListPeopleRequest(role=pb.ROLE_STUDENT, page=pb.PageRequest(page_size=2,
                                                                                              page_token=token)),
                                metadata=dan)
        seen += [p.given_name for p in reply.people]
        token = reply.next_page_token
        if not token:
            break
    assert seen == ["Ava", "Ben", "Cal", "Dee", "Eve", "Fay"]


def test_bad_input_names_the_field(stub, ids, keys):
    dan = as_(keys, ids.person["dan"], "district_admin")
    with pytest.raises(grpc.RpcError) as caught:
        stub.ListSchools(pb.ListSchoolsRequest(page=pb.PageRequest(page_token="garbage!")), metadata=dan)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [p.field for p in field_problems(caught.value)] == ["page.page_token"]
    with pytest.raises(grpc.RpcError) as caught:
        stub.GetPerson(pb.GetPersonRequest(), metadata=dan)
    assert [p.field for p in field_problems(caught.value)] == ["person_id"]


def test_reads_over_grpc_leave_an_audit_row_with_the_correlation_id(stub, ids, keys, district_db):
    tess = as_(keys, ids.person["tess"], "teacher")
    stub.ListGuardians(pb.ListGuardiansRequest(student_id=ids.person["ava"]), metadata=tess)
    engine = create_engine(district_db[0])
    with engine.connect() as conn:
        row = conn.execute(text("SELECT actor, actor_roles, subject_id FROM audit_log "
                                "WHERE action = 'roster.ListGuardians' AND correlation_id = 'test-corr-1'")).one()
    engine.dispose()
    assert tuple(row) == (ids.person["tess"], "teacher", ids.person["ava"])


def _kinds(stub, keys, caller: tuple, **request) -> list[int]:
    return list(stub.GetRelationship(pb.GetRelationshipRequest(**request), metadata=as_(keys, *caller)).kinds)


def test_get_relationship_answers_from_the_roster_own_data(stub, ids, keys):
    tess, gil, p = (ids.person["tess"], "teacher"), (ids.person["gil"], "guardian"), ids.person
    assert _kinds(stub, keys, tess, student_id=p["ava"]) == [pb.RELATION_KIND_TEACHES_NOW]
    assert _kinds(stub, keys, tess, student_id=p["ben"]) == []          # a former student (last year's section)
    assert _kinds(stub, keys, tess, student_id=p["eve"]) == []          # an inactive enrollment
    assert _kinds(stub, keys, gil, student_id=p["ava"]) == [pb.RELATION_KIND_GUARDIAN_OF]
    assert _kinds(stub, keys, gil, student_id=p["cal"]) == []
    service = ("service:artifacts", "service")
    assert _kinds(stub, keys, service, viewer_id=p["tess"], student_id=p["ava"]) == [pb.RELATION_KIND_TEACHES_NOW]


def test_get_relationship_is_about_oneself_unless_unrestricted(stub, ids, keys):
    with pytest.raises(grpc.RpcError) as caught:
        _kinds(stub, keys, (ids.person["theo"], "teacher"), viewer_id=ids.person["tess"], student_id=ids.person["ava"])
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as caught:
        _kinds(stub, keys, (ids.person["tess"], "teacher"), student_id=ids.person["ava"], on_date="2020-01-01")
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as caught:
        _kinds(stub, keys, (ids.person["tess"], "teacher"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


@pytest.fixture
def roster_address(app, district_db, keys):
    settings = service_settings("roster", database_url=district_db[0], grpc_port=0, grpc_max_workers=2)
    handle = grpc_api.start(settings, app, platform=PlatformSettings(principal_public_key=keys[1]), metrics=False)
    yield f"127.0.0.1:{handle.port}"
    handle.stop(grace=1)


@pytest.fixture
def as_tess(ids, keys):
    """The served request's principal token, as the chassis interceptor sets it (the client forwards it)."""
    token = principal_token_var.set(sign_principal(Principal(ids.person["tess"], ("teacher",)), keys[0]))
    yield
    principal_token_var.reset(token)


def test_the_chassis_client_asks_as_the_request_principal(roster_address, ids, as_tess):
    client = GrpcRosterRelations(roster_address, timeout=2)
    try:
        assert client.relation(ids.person["tess"], ids.person["ava"], TODAY) == Relation(teaches_now=True)
        assert client.relation(ids.person["tess"], ids.person["cal"], TODAY) == Relation()
        assert client.relation(ids.person["theo"], ids.person["cal"], TODAY) == Relation()   # refused: none known
    finally:
        client.close()


def test_the_chassis_client_cannot_tell_without_a_roster_or_a_principal(ids, as_tess, roster_address):
    with socket.socket() as probe:          # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"127.0.0.1:{probe.getsockname()[1]}"
    with pytest.raises(RosterUnreachable, match="UNAVAILABLE"):
        GrpcRosterRelations(closed, timeout=1).relation(ids.person["tess"], ids.person["ava"], TODAY)
    token = principal_token_var.set("")
    try:
        with pytest.raises(RosterUnreachable, match="no principal"):
            GrpcRosterRelations(roster_address).relation(ids.person["tess"], ids.person["ava"], TODAY)
    finally:
        principal_token_var.reset(token)
