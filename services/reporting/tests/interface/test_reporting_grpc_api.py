"""The reporting gRPC API over a real channel: the access matrix (district admin, school admin of this school and
of another, teacher, student, guardian, panel guest) against every report, the dashboard and the filter options;
suppressed figures on the wire; field-named errors."""
from __future__ import annotations

import grpc
import pytest
import reporting_stream as ks

from chassis.config import service_settings
from chassis.grpc.principal import generate_keypair
from chassis.messaging.subscriptions import feed_before_workers
from chassis.testing import infra
from chassis.testing.grpc_api import serving, signed_as
from reporting.bootstrap import build
from reporting.config import ReportingOptions
from reporting.entrypoints import grpc_api
from reporting.migrations import MIGRATIONS_DIR
from reporting.service_layer.reports import REPORTS
from reporting.service_layer.subscriptions import SUBSCRIPTIONS
from skillfolio.reporting.v1 import reporting_pb2 as pb
from skillfolio.reporting.v1 import reporting_pb2_grpc

pytestmark = pytest.mark.integration
ADMINS = [("p-sadmin1", ["school_admin"], "s1"), ("p-sadmin2", ["school_admin"], "s2")]


@pytest.fixture(scope="module")
def keys():
    return generate_keypair()


@pytest.fixture(scope="module")
def stub(pg_admin_url, migrated_template, keys):
    """One database for the module, fed once with the known district and two school admins."""
    url = infra.create_database(pg_admin_url, template=migrated_template(MIGRATIONS_DIR))
    settings = service_settings("reporting", database_url=url, grpc_port=0, grpc_max_workers=4, db_pool_size=2)
    app = build(settings, ReportingOptions(min_cell=5))
    admins = [ks._e("roster", "person_added", ks._ts("2024-07-02"), person_id=pid, roles=roles,
                    primary_school_id=school, grade_level="", active=True) for pid, roles, school in ADMINS]
    feed_before_workers(app.unit_of_work, SUBSCRIPTIONS, ks.district(seed=7).events + admins, "reporting")
    with serving(grpc_api.start, settings, app, keys[1], reporting_pb2_grpc.ReportingServiceStub) as stub:
        yield stub
    app.close()
    infra.drop_database(url, pg_admin_url)


VIEWERS = {
    "district_admin": ("p-dadmin", ["district_admin"]),
    "school_admin_here": ("p-sadmin1", ["school_admin"]),
    "school_admin_elsewhere": ("p-sadmin2", ["school_admin"]),
    "teacher": ("p-teacher", ["teacher"]),
    "student": ("st1", ["student"]),
    "guardian": ("p-guardian", ["guardian"]),
    "guest": ("guest:inv1", ["panel_guest"]),
}
# Who may read the report of school s1 for y2: the district admin and s1's own admin.
ALLOWED = {"district_admin", "school_admin_here"}


def _call(stub, keys, viewer: str, name: str):
    metadata = signed_as(keys[0], *VIEWERS[viewer][:1], *VIEWERS[viewer][1])
    school = pb.Filter(school_year_id="y2", school_id="s1")
    if name == "dashboard":
        return stub.GetDashboard(pb.GetDashboardRequest(filter=school), metadata=metadata)
    if name == "options":
        return stub.ListFilterOptions(pb.ListFilterOptionsRequest(), metadata=metadata)
    return stub.GetReport(pb.GetReportRequest(name=name, filter=school), metadata=metadata)


@pytest.mark.parametrize("viewer", list(VIEWERS))
def test_access_matrix_every_report(stub, keys, viewer):
    for name in [*REPORTS, "dashboard"]:
        if viewer in ALLOWED:
            reply = _call(stub, keys, viewer, name)
            tables = reply.tables if name == "dashboard" else [reply.table]
            assert reply.filter.school_id == "s1" and all(t.rule.minimum_group_size == 5 for t in tables)
        else:
            with pytest.raises(grpc.RpcError) as caught:
                _call(stub, keys, viewer, name)
            assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED, (viewer, name)


def test_filter_options_follow_the_reach(stub, keys):
    district = _call(stub, keys, "district_admin", "options")
    school = _call(stub, keys, "school_admin_here", "options")
    assert {s.id for s in district.schools} == set(ks.SCHOOLS) and not district.fixed_school_id
    assert [s.id for s in school.schools] == ["s1"] and school.fixed_school_id == "s1"
    assert [s.colour for s in district.skills] == ["#1F5FAD", "#B5179E"]
    assert {y.id for y in district.school_years} == set(ks.YEARS)
    with pytest.raises(grpc.RpcError) as caught:
        _call(stub, keys, "teacher", "options")
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_a_school_admin_without_a_school_filter_gets_their_school(stub, keys):
    metadata = signed_as(keys[0], "p-sadmin2", "school_admin")
    reply = stub.GetReport(pb.GetReportRequest(name="artifacts_by_grade", filter=pb.Filter(school_year_id="y1")),
                           metadata=metadata)
    assert reply.filter.school_id == "s2"


def test_district_dashboard_figures_and_suppression_on_the_wire(stub, keys):
    metadata = signed_as(keys[0], "p-dadmin", "district_admin")
    reply = stub.GetDashboard(pb.GetDashboardRequest(filter=pb.Filter(school_year_id="y2")), metadata=metadata)
    by_skill = next(t for t in reply.tables if t.name == "artifacts_by_skill")
    assert [r.colour for r in by_skill.rows] == ["#1F5FAD", "#B5179E"] and by_skill.as_of and by_skill.text_alternative
    assert by_skill.rows[0].drill.skill_id == "k1"
    by_school = next(t for t in reply.tables if t.name == "artifacts_by_school")
    assert {r.drill.school_id for r in by_school.rows} <= set(ks.SCHOOLS)
    for table in reply.tables:
        for row in [*table.rows, table.totals]:
            for cell in row.cells:
                if cell.suppressed:
                    assert cell.WhichOneof("value") is None and cell.display in ("*", "<5%", ">95%")
                elif cell.WhichOneof("value") == "count":
                    assert cell.count == 0 or cell.count >= 5
    expected = sum(1 for a in ks.district(seed=7).artifacts if a.year == "y2" and not a.deleted)
    headline = next(h for h in reply.headlines if h.key == "artifacts")
    assert headline.value.count == expected


def test_bad_filter_and_report_names_are_named(stub, keys):
    metadata = signed_as(keys[0], "p-dadmin", "district_admin")
    for request, field in [(pb.GetReportRequest(name="nope"), "name"),
                           (pb.GetReportRequest(name="transfers", filter=pb.Filter(school_year_id="y9")),
                            "filter.school_year_id"),
                           (pb.GetReportRequest(name="transfers", filter=pb.Filter(grade="13th")), "filter.grade")]:
        with pytest.raises(grpc.RpcError) as caught:
            stub.GetReport(request, metadata=metadata)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT and field in caught.value.details()
