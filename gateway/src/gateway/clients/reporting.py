"""The reporting service (district and school reports, already small-cell suppressed) as the gateway calls it.

Unlike the other facades, its methods answer the gateway's report shapes (gateway.schemas.reports), not protobuf
messages: the dashboard page, the REST API and the CSV download all render those, and tests can stand in a fake
facade that answers them. A suppressed cell's value is never carried over, whatever the reply holds."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from gateway.schemas import reports as model
from skillfolio.reporting.v1 import reporting_pb2 as pb
from skillfolio.reporting.v1 import reporting_pb2_grpc


def filter_of(msg: pb.Filter) -> model.ReportFilter:
    return model.ReportFilter(school_year_id=msg.school_year_id, school_id=msg.school_id, grade=msg.grade,
                              skill_id=msg.skill_id)


def filter_msg(wanted: model.ReportFilter) -> pb.Filter:
    return pb.Filter(school_year_id=wanted.school_year_id, school_id=wanted.school_id, grade=wanted.grade,
                     skill_id=wanted.skill_id)


def cell_of(msg: pb.Cell) -> model.Cell:
    which = msg.WhichOneof("value")
    value = None if msg.suppressed or which is None else float(getattr(msg, which))
    return model.Cell(value=value, display=msg.display, suppressed=msg.suppressed, reason=msg.reason)


def row_of(msg: pb.Row) -> model.Row:
    return model.Row(key=msg.key, label=msg.label, colour=msg.colour,
                     drill=filter_of(msg.drill) if msg.HasField("drill") else None,
                     cells=[cell_of(c) for c in msg.cells])


def rule_of(msg: pb.SuppressionRule) -> model.Rule:
    return model.Rule(minimum_group_size=msg.minimum_group_size, complementary=msg.complementary,
                      share_bounds=msg.share_bounds, description=msg.description)


def table_of(msg: pb.Table) -> model.Table:
    """The first proto column labels the rows; the others are the figures, one per cell."""
    columns = list(msg.columns)
    head, figures = (columns[0], columns[1:]) if columns and columns[0].kind == "label" else (None, columns)
    return model.Table(name=msg.name, title=msg.title, row_header=head.label if head else "",
                       columns=[model.Column(key=c.key, label=c.label, kind="share" if c.kind == "share" else "count")
                                for c in figures],
                       rows=[row_of(r) for r in msg.rows], totals=row_of(msg.totals) if msg.HasField("totals") else None,
                       rule=rule_of(msg.rule), as_of=msg.as_of, text_alternative=msg.text_alternative)


def dashboard_of(msg: pb.GetDashboardResponse) -> model.Dashboard:
    return model.Dashboard(filter=filter_of(msg.filter), rule=rule_of(msg.rule), as_of=msg.as_of,
                           headlines=[model.Headline(key=h.key, label=h.label, cell=cell_of(h.value))
                                      for h in msg.headlines],
                           tables=[table_of(t) for t in msg.tables])


def options_of(msg: pb.ListFilterOptionsResponse) -> model.FilterOptions:
    return model.FilterOptions(
        school_years=[model.Option(id=y.id, label=y.name) for y in msg.school_years],
        current_school_year_id=next((y.id for y in msg.school_years if y.current), ""),
        schools=[model.Option(id=s.id, label=s.name) for s in msg.schools],
        grades=[model.Option(id=g, label=grade_label(g)) for g in msg.grades],
        skills=[model.Option(id=s.id, label=s.name, colour=s.colour) for s in msg.skills],
        fixed_school_id=msg.fixed_school_id)


def grade_label(code: str) -> str:
    """OneRoster grade codes for people: KG -> Kindergarten, 05 -> Grade 5, PK -> Pre-kindergarten."""
    names = {"KG": "Kindergarten", "PK": "Pre-kindergarten", "TK": "Transitional kindergarten"}
    return names.get(code) or (f"Grade {int(code)}" if code.isdigit() else code)


class ReportingClient(ServiceClient):
    """ReportingService: ``await facade.get_dashboard(principal, filter)`` and so on, answering report shapes."""

    stub_class = reporting_pb2_grpc.ReportingServiceStub

    async def get_dashboard(self, principal: Principal, wanted: model.ReportFilter) -> model.Dashboard:
        reply = await self.invoke(self.stub.GetDashboard, pb.GetDashboardRequest(filter=filter_msg(wanted)),
                                  principal)
        return dashboard_of(reply)

    async def get_report(self, principal: Principal, name: str, wanted: model.ReportFilter) -> model.Table:
        reply = await self.invoke(self.stub.GetReport, pb.GetReportRequest(name=name, filter=filter_msg(wanted)),
                                  principal)
        return table_of(reply.table)

    async def list_filter_options(self, principal: Principal) -> model.FilterOptions:
        return options_of(await self.invoke(self.stub.ListFilterOptions, pb.ListFilterOptionsRequest(), principal))
