"""The current school year is decided once, by the roster, per district: the viewer's district's active year that
contains today, never another district's year nor a deactivated one; pickers' lists leave deactivated years and
schools out. Two districts on PostgreSQL, through the service layer and over gRPC."""
from __future__ import annotations

import datetime as dt

import grpc
import pytest
from roster_seed import add_second_district
from sqlalchemy import create_engine

from chassis.config import service_settings
from chassis.errors import InvalidArgument
from chassis.grpc.principal import generate_keypair
from chassis.testing.grpc_api import serving, signed_as
from roster.domain.access import Viewer
from roster.entrypoints import grpc_api
from skillfolio.roster.v1 import roster_pb2 as pb
from skillfolio.roster.v1 import roster_pb2_grpc

pytestmark = pytest.mark.integration


@pytest.fixture
def oak(roster_database):
    with roster_database.connect() as conn:
        return add_second_district(conn)


def _as(person_id: str, *roles: str) -> Viewer:
    return Viewer.of(person_id, roles)


def test_a_teacher_gets_their_districts_active_year_not_another_districts(app, ids, oak):
    calendar = app.sections.school_calendar(_as(ids.person["tess"], "teacher"))
    assert calendar.district_id == ids.org["district"]
    assert calendar.current.id == ids.session["sy2027"]
    assert [y.id for y in calendar.years] == [ids.session["sy2027"], ids.session["sy2026"]]   # newest first
    olive = app.sections.school_calendar(_as(oak.olive, "teacher"))
    assert (olive.district_id, olive.current.id) == (oak.org["oak_county"], oak.session["oak2027"])
    assert [y.id for y in olive.years] == [oak.session["oak2027"]]          # its deactivated year is left out


def test_admins_guardians_and_services_get_the_right_district(app, ids, oak):
    for person, role in (("dan", "district_admin"), ("gil", "guardian"), ("ada", "school_admin"),
                         ("ava", "student")):
        calendar = app.sections.school_calendar(_as(ids.person[person], role))
        assert (calendar.district_id, calendar.current.id) == (ids.org["district"], ids.session["sy2027"]), person
    service = _as("service:artifacts", "service")
    with pytest.raises(InvalidArgument) as refused:
        app.sections.school_calendar(service)
    assert refused.value.problems[0].field == "district_id"
    assert app.sections.school_calendar(service, oak.org["oak_county"]).current.id == oak.session["oak2027"]


def test_a_day_outside_every_active_year_has_no_current_year(app, ids, oak):
    calendar = app.sections.school_calendar(_as(ids.person["tess"], "teacher"), on_date="2026-07-15")
    assert calendar.current is None and len(calendar.years) == 2
    last_year = app.sections.school_calendar(_as(ids.person["tess"], "teacher"), on_date="2026-03-01")
    assert last_year.current.id == ids.session["sy2026"]


def test_active_only_lists_leave_deactivated_years_and_schools_out(app, ids, oak):
    viewer = _as(ids.person["dan"], "district_admin")
    every = {y.id: y.active for y in app.sections.list_school_years(viewer, page_size=100).items}
    assert every[oak.session["jeff_retired"]] is False and every[oak.session["oak_old"]] is False
    active = {y.id for y in app.sections.list_school_years(viewer, page_size=100, active_only=True).items}
    assert active == {ids.session["sy2026"], ids.session["sy2027"], oak.session["oak2027"]}
    schools = app.sections.list_schools(viewer, page_size=100, active_only=True, district_id=ids.org["district"])
    assert [s.name for s in schools.items] == ["Alder Elementary", "Birch Middle"]
    assert "Closed Academy" in [s.name for s in app.sections.list_schools(viewer, page_size=100).items]


@pytest.mark.own_database    # the gRPC server answers on its own threads and pooled connections
def test_get_school_calendar_over_grpc(app, district_db, ids, oak):
    keys = generate_keypair()
    settings = service_settings("roster", database_url=district_db[0], grpc_port=0, grpc_max_workers=2)
    with serving(grpc_api.start, settings, app, keys[1], roster_pb2_grpc.RosterServiceStub) as stub:
        reply = stub.GetSchoolCalendar(pb.GetSchoolCalendarRequest(),
                                       metadata=signed_as(keys[0], ids.person["tess"], "teacher"))
        assert reply.district_id == ids.org["district"] and reply.current_school_year.id == ids.session["sy2027"]
        assert reply.current_school_year.active and [y.title for y in reply.school_years] == ["2026-27", "2025-26"]
        assert dt.date.fromisoformat(reply.current_school_year.start_date) == dt.date(2026, 8, 1)
        with pytest.raises(grpc.RpcError) as caught:
            stub.GetSchoolCalendar(pb.GetSchoolCalendarRequest(on_date="15/10/2026"),
                                   metadata=signed_as(keys[0], ids.person["tess"], "teacher"))
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        schools = stub.ListSchools(pb.ListSchoolsRequest(active_only=True, district_id=oak.org["oak_county"]),
                                   metadata=signed_as(keys[0], ids.person["dan"], "district_admin"))
        assert [s.name for s in schools.schools] == ["Oak Elementary"]
