"""A stand-in ReportingService for the gateway tests, served by the chassis gRPC server (signed principals verified,
domain errors mapped to statuses) so the gateway's facade, conversion and error pages run for real. It answers fixed,
already-suppressed tables (the reporting service's own tests cover the figures and the suppression); like the real
one it lets district admins see every school, a school admin their school only, and refuses everyone else."""
from __future__ import annotations

from dataclasses import dataclass, field

from chassis import errors
from chassis.config import PlatformSettings, service_settings
from chassis.context import principal_var
from chassis.grpc import server as chassis_server
from skillfolio.reporting.v1 import reporting_pb2 as pb
from skillfolio.reporting.v1 import reporting_pb2_grpc

AS_OF = "2026-12-05T10:30:00+00:00"
RULE = pb.SuppressionRule(minimum_group_size=10, complementary=True, share_bounds=True,
                          description="Groups under 10 students are withheld (*), with other cells where they "
                                      "could be worked out; shares of small groups show as <5% or >95%.")
OTHER_SCHOOL = "org-other-school"


def count(n: int) -> pb.Cell:
    return pb.Cell(count=n, display=str(n))


def share(x: float) -> pb.Cell:
    return pb.Cell(share=x, display=f"{round(x * 100)}%")


def hidden(display: str = "*", reason: str = "small_cell") -> pb.Cell:
    return pb.Cell(display=display, suppressed=True, reason=reason)


def _table(name: str, title: str, head: str, columns: list[tuple[str, str, str]], rows: list[pb.Row],
           totals: pb.Row | None = None) -> pb.Table:
    table = pb.Table(name=name, title=title, rule=RULE, as_of=AS_OF, rows=rows,
                     columns=[pb.Column(key="label", label=head, kind="label")] +
                             [pb.Column(key=k, label=label, kind=kind) for k, label, kind in columns],
                     text_alternative=f"{title}: " + "; ".join(f"{r.label} {r.cells[0].display}" for r in rows) + ".")
    if totals is not None:
        table.totals.CopyFrom(totals)
    return table


def tables(school_id: str, skills: dict[str, tuple[str, str]]) -> list[pb.Table]:
    """The fixed reports; ``skills`` is id -> (name, colour)."""
    skill_rows = [pb.Row(key=sid, label=name, colour=colour,
                         cells=[count(25 + 3 * i), count(15), count(40 + 3 * i)] if i else
                         [count(31), hidden(), hidden(reason="complementary")])
                  for i, (sid, (name, colour)) in enumerate(skills.items())]
    return [
        _table("artifacts_by_skill", "Artifacts per skill", "Skill",
               [("student", "Added by students", "count"), ("teacher", "Added by teachers", "count"),
                ("all", "All artifacts", "count")], skill_rows,
               pb.Row(key="total", label="All skills", cells=[count(31 + sum(25 + 3 * i for i in range(1, len(skills)))),
                                                               hidden(reason="complementary"),
                                                               hidden(reason="complementary")])),
        _table("artifacts_by_school", "Artifacts by school", "School", [("artifacts", "Artifacts", "count")], [
            pb.Row(key=school_id, label="Maple Elementary", cells=[count(57)], drill=pb.Filter(school_id=school_id)),
            pb.Row(key=OTHER_SCHOOL, label="=HYPERLINK(\"http://evil\")", cells=[hidden()],
                   drill=pb.Filter(school_id=OTHER_SCHOOL))]),
        _table("artifacts_by_grade", "Artifacts by grade", "Grade", [("artifacts", "Artifacts", "count")], [
            pb.Row(key="05", label="Grade 5", cells=[count(57)], drill=pb.Filter(grade="05"))]),
        _table("milestone_outcomes", "Milestone outcomes by type and grade", "Milestone and grade",
               [("completed", "Completed", "count"), ("not_yet", "Not Yet", "share"),
                ("approaching", "Approaching", "share"), ("ready", "Ready", "share"), ("excelling", "Excelling", "share")],
               [pb.Row(key="dol:05", label="Defense of Learning, Grade 5",
                       cells=[count(60), hidden("<5%", "share_bound"), share(0.3), share(0.5), share(0.18)])]),
        _table("assessed_levels", "Assessed levels", "Skill",
               [("level_1", "Beginning", "count"), ("level_2", "Developing", "count"), ("level_3", "Proficient", "count"),
                ("level_4", "Advanced", "count"), ("assessed", "Students assessed", "count"),
                ("proficient", "At or above Proficient", "share")],
               [pb.Row(key="a", label="Effective Communicator",
                       cells=[count(0), count(6), count(12), count(7), count(25), share(0.76)]),
                pb.Row(key="b", label="Critical Thinker",
                       cells=[hidden(), count(10), hidden(reason="complementary"), count(9), count(26), share(0.5)])]),
        _table("participation", "Participation", "School",
               [("students", "Students enrolled", "count")] + [(sid, name, "share") for sid, (name, _) in skills.items()],
               [pb.Row(key=school_id, label="Maple Elementary",
                       cells=[count(120)] + [share(0.5 + 0.1 * i) for i in range(len(skills))])]),
    ]


@dataclass
class FakeReporting(reporting_pb2_grpc.ReportingServiceServicer):
    school_id: str
    year_id: str
    skills: dict[str, tuple[str, str]]
    filters: list[pb.Filter] = field(default_factory=list)   # every filter asked for, newest last

    def _allowed(self, wanted: pb.Filter) -> pb.Filter:
        principal = principal_var.get()
        roles = set(principal.roles) if principal else set()
        if "district_admin" in roles:
            return wanted
        if "school_admin" in roles and wanted.school_id in ("", self.school_id):
            return pb.Filter(school_year_id=wanted.school_year_id, school_id=self.school_id, grade=wanted.grade,
                             skill_id=wanted.skill_id)
        raise errors.PermissionDenied("reports are for district and school administrators (their own school)")

    def _applied(self, wanted: pb.Filter) -> pb.Filter:
        self.filters.append(wanted)
        applied = self._allowed(wanted)
        return pb.Filter(school_year_id=applied.school_year_id or self.year_id, school_id=applied.school_id,
                         grade=applied.grade, skill_id=applied.skill_id)

    def GetDashboard(self, request, context):
        applied = self._applied(request.filter)
        return pb.GetDashboardResponse(filter=applied, as_of=AS_OF, rule=RULE, tables=tables(self.school_id,
                                                                                              self.skills),
                                       headlines=[pb.Headline(key="artifacts", label="Artifacts", value=count(57)),
                                                  pb.Headline(key="students", label="Students", value=hidden())])

    def GetReport(self, request, context):
        applied = self._applied(request.filter)
        found = [t for t in tables(self.school_id, self.skills) if t.name == request.name]
        if not found:
            raise errors.InvalidArgument("no such report", [errors.FieldProblem("name", "unknown report")])
        return pb.GetReportResponse(filter=applied, table=found[0])

    def ListFilterOptions(self, request, context):
        self._allowed(pb.Filter())
        principal = principal_var.get()
        fixed = "" if "district_admin" in principal.roles else self.school_id
        schools = [pb.SchoolOption(id=self.school_id, name="Maple Elementary")]
        if not fixed:
            schools.append(pb.SchoolOption(id=OTHER_SCHOOL, name="Oak Middle"))
        return pb.ListFilterOptionsResponse(
            school_years=[pb.SchoolYearOption(id=self.year_id, name="2026-27", current=True)], schools=schools,
            grades=["KG", "05"], fixed_school_id=fixed,
            skills=[pb.SkillOption(id=sid, name=name, colour=colour, text_colour="#000000")
                    for sid, (name, colour) in self.skills.items()])


def start(fake: FakeReporting, platform: PlatformSettings) -> chassis_server.ServerHandle:
    settings = service_settings("reporting", grpc_host="127.0.0.1", grpc_port=0, metrics_port=0)

    def register(server) -> None:
        reporting_pb2_grpc.add_ReportingServiceServicer_to_server(fake, server)

    return chassis_server.start("reporting", settings, register, [pb.DESCRIPTOR.services_by_name[
        "ReportingService"].full_name], platform=platform, metrics=False)
