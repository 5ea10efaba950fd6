"""The roster TermsService gRPC servicer: a section's terms, and its roster for a gradebook (thin: proto <->
service layer)."""
from __future__ import annotations

import grpc

from chassis.access import current_viewer
from roster.domain.access import Viewer
from roster.entrypoints import grpc_messages as msg
from roster.service_layer.section_roster import SectionRosterQueries
from roster.service_layer.section_terms import SectionTermQueries, Term
from skillfolio.roster.v1 import terms_pb2 as pb
from skillfolio.roster.v1 import terms_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["TermsService"].full_name


class TermsServicer(terms_pb2_grpc.TermsServiceServicer):
    def __init__(self, app) -> None:
        self.terms = SectionTermQueries(app.unit_of_work)
        self.rosters = SectionRosterQueries(app.unit_of_work)

    def ListSectionTerms(self, request, context):
        found = self.terms.list_section_terms(current_viewer(Viewer), request.section_id)
        return pb.ListSectionTermsResponse(terms=[_term(t) for t in found])

    def GetSectionRoster(self, request, context):
        found = self.rosters.section_roster(current_viewer(Viewer), request.section_id, request.term_id)
        return pb.GetSectionRosterResponse(section=msg.section(found.section), district_id=found.district_id,
                                           terms=[_term(t) for t in found.terms],
                                           students=[msg.person(p) for p in found.students])


def _term(t: Term) -> pb.Term:
    return pb.Term(id=t.id, title=t.title, type=t.type, start_date=t.start_date, end_date=t.end_date)


def register(app, server: grpc.Server) -> None:
    terms_pb2_grpc.add_TermsServiceServicer_to_server(TermsServicer(app), server)
