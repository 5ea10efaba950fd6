"""The reporting gRPC API: ReportingServicer (thin: proto <-> service layer) and ``serve(settings)`` on the chassis
server (signed principals, health, reflection, metrics, DomainError -> status). Only admins get an answer."""
from __future__ import annotations

import threading
from collections import OrderedDict

import grpc

from chassis.access import Viewer, current_viewer
from chassis.config import PlatformSettings, ServiceSettings
from chassis.grpc import server as chassis_server
from chassis.grpc.admission import Admission, refuse_inactive
from reporting.adapters.orm import people
from reporting.bootstrap import ReportingApp, build
from reporting.entrypoints import grpc_messages as msg
from reporting.service_layer.reports import REPORTS
from skillfolio.reporting.v1 import reporting_pb2 as pb
from skillfolio.reporting.v1 import reporting_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["ReportingService"].full_name


def _filter(f: pb.Filter) -> dict:
    return {"school_year_id": f.school_year_id, "school_id": f.school_id, "grade": f.grade, "skill_id": f.skill_id}


class Replies:
    """The message built for a result object the service layer's cache handed out before (the same object: the
    same figures), so a cached report is not converted again; the newest ``entries`` kept."""

    def __init__(self, entries: int = 256) -> None:
        self.entries, self._built, self._lock = entries, OrderedDict(), threading.Lock()

    def of(self, result, build):
        with self._lock:
            hit = self._built.get(id(result))
            if hit is not None and hit[0] is result:
                self._built.move_to_end(id(result))
                return hit[1]
        reply = build()
        with self._lock:
            self._built[id(result)] = (result, reply)     # the result kept alive, so its id is not reused meanwhile
            while len(self._built) > self.entries:
                self._built.popitem(last=False)
        return reply


class ReportingServicer(reporting_pb2_grpc.ReportingServiceServicer):
    """Every ReportingService RPC; the principal comes from the chassis interceptor."""

    def __init__(self, app: ReportingApp) -> None:
        self.queries, self.replies = app.queries, Replies()

    def GetDashboard(self, request, context):
        board = self.queries.dashboard(current_viewer(Viewer), **_filter(request.filter))
        return self.replies.of(board, lambda: pb.GetDashboardResponse(
            filter=msg.scope(board.scope), as_of=board.as_of, rule=msg.rule(board.rule),
            tables=[msg.table(t) for t in board.tables],
            headlines=[pb.Headline(key=h.key, label=h.label, value=msg.cell(h.value)) for h in board.headlines]))

    def GetReport(self, request, context):
        scope, table = self.queries.report(current_viewer(Viewer), request.name, **_filter(request.filter))
        return pb.GetReportResponse(filter=msg.scope(scope), table=self.replies.of(table, lambda: msg.table(table)))

    def ListReports(self, request, context):
        self.queries.options(current_viewer(Viewer))          # the same access rule: admins only
        return pb.ListReportsResponse(reports=[pb.ReportInfo(name=k, title=v[0]) for k, v in REPORTS.items()])

    def ListFilterOptions(self, request, context):
        o = self.queries.options(current_viewer(Viewer))
        return pb.ListFilterOptionsResponse(
            school_years=[pb.SchoolYearOption(id=i, name=n, current=c) for i, n, c in o.school_years],
            schools=[pb.SchoolOption(id=i, name=n) for i, n in o.schools], grades=o.grades,
            skills=[pb.SkillOption(id=i, name=n, colour=c, text_colour=t) for i, n, c, t in o.skills],
            fixed_school_id=o.fixed_school_id)


def _register(app: ReportingApp):
    def register(server: grpc.Server) -> None:
        reporting_pb2_grpc.add_ReportingServiceServicer_to_server(ReportingServicer(app), server)
    return register


def _admit(app: ReportingApp) -> Admission:
    """Refuse a caller the people replica knows as inactive (the chassis asks once per call)."""
    return refuse_inactive(app.session_factory, people.c.person_id, people.c.active)


def start(settings: ServiceSettings, app: ReportingApp | None = None,
          platform: PlatformSettings | None = None, metrics: bool = True) -> chassis_server.ServerHandle:
    """A running reporting API server (tests, benches); ``handle.stop()`` also closes an app it built itself."""
    owned = app is None
    app = app or build(settings)
    return chassis_server.start("reporting", settings, _register(app), [SERVICE_FULL_NAME], (),
                                on_stop=app.close if owned else None, platform=platform, metrics=metrics,
                                admit=_admit(app))


def serve(settings: ServiceSettings) -> None:
    """Run the reporting API until SIGTERM/SIGINT (`skillfolio run reporting api`)."""
    app = build(settings)
    chassis_server.serve("reporting", settings, _register(app), [SERVICE_FULL_NAME], (), on_stop=app.close,
                         admit=_admit(app))
