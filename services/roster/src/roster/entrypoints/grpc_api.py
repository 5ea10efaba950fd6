"""The roster's gRPC API: RosterServicer (thin: proto <-> service layer) and ``serve(settings)`` on the chassis
server (signed principals, health, reflection, metrics, DomainError -> status). Authenticate is the one public RPC."""
from __future__ import annotations

import grpc

from chassis import disclosures
from chassis.access import current_viewer
from chassis.config import PlatformSettings, ServiceSettings
from chassis.grpc import server as chassis_server
from chassis.grpc.admission import Admission
from chassis.roster_replica.standing import Relation
from roster.adapters.access_facts import AccessFacts
from roster.adapters.admission import roster_admission
from roster.adapters.orm import audit_log, people
from roster.bootstrap import RosterApp, build
from roster.domain.access import Viewer
from roster.entrypoints import grpc_messages as msg
from roster.entrypoints import privacy_grpc, rights_grpc, terms_grpc
from skillfolio.roster.v1 import roster_pb2 as pb
from skillfolio.roster.v1 import roster_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["RosterService"].full_name
SERVICE_NAMES = [SERVICE_FULL_NAME, terms_grpc.SERVICE_FULL_NAME, rights_grpc.SERVICE_FULL_NAME,
                 disclosures.SERVICE_FULL_NAME, privacy_grpc.SERVICE_FULL_NAME]
PUBLIC_METHODS = (f"/{SERVICE_FULL_NAME}/Authenticate",)


def _viewer() -> Viewer | None:
    return current_viewer(Viewer)


def _page(request) -> dict:
    return {"page_size": request.page.page_size, "page_token": request.page.page_token}


class RosterServicer(roster_pb2_grpc.RosterServiceServicer):
    """Every RosterService RPC; the principal comes from the chassis interceptor (chassis.context.principal_var)."""

    def __init__(self, app: RosterApp) -> None:
        self.people = app.people
        self.sections = app.sections
        self.accounts = app.accounts
        self.passport = app.passport

    def GetSchool(self, request, context):
        return pb.GetSchoolResponse(school=msg.school(self.sections.get_school(_viewer(), request.school_id)))

    def ListSchools(self, request, context):
        page = self.sections.list_schools(_viewer(), active_only=request.active_only,
                                          district_id=request.district_id, **_page(request))
        return pb.ListSchoolsResponse(schools=[msg.school(s) for s in page.items], next_page_token=page.next_page_token)

    def ListSchoolYears(self, request, context):
        page = self.sections.list_school_years(_viewer(), active_only=request.active_only, **_page(request))
        return pb.ListSchoolYearsResponse(school_years=[msg.school_year(y) for y in page.items],
                                          next_page_token=page.next_page_token)

    def GetSchoolCalendar(self, request, context):
        return msg.calendar(self.sections.school_calendar(_viewer(), request.district_id, request.on_date))

    def ExportPerson(self, request, context):
        found = self.passport.export_person(_viewer(), request.student_id, request.reason, request.student_sourced_id)
        return pb.ExportPersonResponse(person=msg.person(found.person),
                                       school=msg.school(found.school) if found.school else None,
                                       guardians=[msg.person(g) for g in found.guardians])

    def GetPerson(self, request, context):
        return pb.GetPersonResponse(person=msg.person(self.people.get_person(_viewer(), request.person_id)))

    def ListPeople(self, request, context):
        page = self.people.list_people(_viewer(), school_id=request.school_id, role=msg.role_name(request.role),
                                       grade_level=request.grade_level, **_page(request))
        return pb.ListPeopleResponse(people=[msg.person(p) for p in page.items], next_page_token=page.next_page_token)

    def GetSection(self, request, context):
        return pb.GetSectionResponse(section=msg.section(self.sections.get_section(_viewer(), request.section_id)))

    def ListSections(self, request, context):
        page = self.sections.list_sections(_viewer(), school_id=request.school_id, teacher_id=request.teacher_id,
                                           school_year_id=request.school_year_id, **_page(request))
        return pb.ListSectionsResponse(sections=[msg.section(s) for s in page.items],
                                       next_page_token=page.next_page_token)

    def ListSectionStudents(self, request, context):
        page = self.sections.list_section_students(_viewer(), request.section_id, **_page(request))
        return pb.ListSectionStudentsResponse(students=[msg.person(p) for p in page.items],
                                              next_page_token=page.next_page_token)

    def ListCurrentStudents(self, request, context):
        page = self.people.list_current_students(_viewer(), request.teacher_id, request.on_date, **_page(request))
        return pb.ListCurrentStudentsResponse(students=[msg.person(p) for p in page.items],
                                              next_page_token=page.next_page_token)

    def ListGuardians(self, request, context):
        page = self.people.list_guardians(_viewer(), request.student_id, **_page(request))
        return pb.ListGuardiansResponse(guardians=[msg.person(p) for p in page.items],
                                        next_page_token=page.next_page_token)

    def ListChildren(self, request, context):
        page = self.people.list_children(_viewer(), request.guardian_id, **_page(request))
        return pb.ListChildrenResponse(children=[msg.person(p) for p in page.items],
                                       next_page_token=page.next_page_token)

    def GetRelationship(self, request, context):
        relation = self.people.relationship(_viewer(), request.viewer_id, request.student_id, request.on_date)
        return pb.GetRelationshipResponse(kinds=[kind for kind, held in (
            (pb.RELATION_KIND_TEACHES_NOW, relation.teaches_now), (pb.RELATION_KIND_GUARDIAN_OF, relation.guardian_of))
            if held])

    def Authenticate(self, request, context):
        return pb.AuthenticateResponse(person=msg.person(self.accounts.authenticate(request.username,
                                                                                    request.password)))


def _register(app: RosterApp):
    def register(server: grpc.Server) -> None:
        roster_pb2_grpc.add_RosterServiceServicer_to_server(RosterServicer(app), server)
        terms_grpc.register(app, server)
        rights_grpc.register(app, server)
        disclosures.register(_disclosures(app))(server)
        privacy_grpc.register(app, server)
    return register


def _disclosures(app: RosterApp) -> disclosures.DisclosuresServicer:
    """The roster's audit rows about a student (who read their person record, enrollments, guardians), read as
    the roster's own facts decide (chassis.disclosures.READERS)."""
    def relation(session, viewer, student_id: str) -> Relation:
        today = app.clock()
        teaches, guards = AccessFacts(session, today).relationship(viewer.subject, student_id, today)
        return Relation(teaches_now=teaches, guardian_of=guards)
    return disclosures.DisclosuresServicer("roster", app.session_factory, audit_log, relation,
                                           names_of=disclosures.names_from(people, id_column="id"))


def _admit(app: RosterApp) -> Admission:
    """Refuse a caller the roster knows as inactive or whose password changed since their login (once per call)."""
    return roster_admission(app.session_factory)


def start(settings: ServiceSettings, app: RosterApp | None = None,
          platform: PlatformSettings | None = None, metrics: bool = True) -> chassis_server.ServerHandle:
    """A running roster API server (tests, benches); ``handle.stop()`` also closes an app it built itself."""
    owned = app is None
    app = app or build(settings)
    return chassis_server.start("roster", settings, _register(app), SERVICE_NAMES, PUBLIC_METHODS,
                                on_stop=app.close if owned else None, platform=platform, metrics=metrics,
                                admit=_admit(app))


def serve(settings: ServiceSettings) -> None:
    """Run the roster API until SIGTERM/SIGINT (`skillfolio run roster api`)."""
    app = build(settings)
    chassis_server.serve("roster", settings, _register(app), SERVICE_NAMES, PUBLIC_METHODS,
                         on_stop=app.close, admit=_admit(app))
