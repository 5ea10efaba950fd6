"""The roster service (people, schools, school years, sections, sign-in) as the gateway calls it."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.roster.v1 import roster_pb2 as rpb
from skillfolio.roster.v1 import roster_pb2_grpc


class RosterClient(ServiceClient):
    """RosterService, one method per RPC the gateway uses: ``await facade.rpc_name(principal, request)``."""

    stub_class = roster_pb2_grpc.RosterServiceStub

    async def authenticate(self, principal: None, request: rpb.AuthenticateRequest) -> rpb.AuthenticateResponse:
        return await self.invoke(self.stub.Authenticate, request, principal)

    async def get_person(self, principal: Principal, request: rpb.GetPersonRequest) -> rpb.GetPersonResponse:
        return await self.invoke(self.stub.GetPerson, request, principal)

    async def get_school(self, principal: Principal, request: rpb.GetSchoolRequest) -> rpb.GetSchoolResponse:
        return await self.invoke(self.stub.GetSchool, request, principal)

    async def get_school_calendar(self, principal: Principal,
                                  request: rpb.GetSchoolCalendarRequest) -> rpb.GetSchoolCalendarResponse:
        return await self.invoke(self.stub.GetSchoolCalendar, request, principal)

    async def list_schools(self, principal: Principal, request: rpb.ListSchoolsRequest) -> rpb.ListSchoolsResponse:
        return await self.invoke(self.stub.ListSchools, request, principal)

    async def list_school_years(self, principal: Principal,
                                request: rpb.ListSchoolYearsRequest) -> rpb.ListSchoolYearsResponse:
        return await self.invoke(self.stub.ListSchoolYears, request, principal)

    async def list_people(self, principal: Principal, request: rpb.ListPeopleRequest) -> rpb.ListPeopleResponse:
        return await self.invoke(self.stub.ListPeople, request, principal)

    async def list_guardians(self, principal: Principal,
                             request: rpb.ListGuardiansRequest) -> rpb.ListGuardiansResponse:
        return await self.invoke(self.stub.ListGuardians, request, principal)

    async def list_children(self, principal: Principal, request: rpb.ListChildrenRequest) -> rpb.ListChildrenResponse:
        return await self.invoke(self.stub.ListChildren, request, principal)

    async def list_sections(self, principal: Principal, request: rpb.ListSectionsRequest) -> rpb.ListSectionsResponse:
        return await self.invoke(self.stub.ListSections, request, principal)

    async def get_section(self, principal: Principal, request: rpb.GetSectionRequest) -> rpb.GetSectionResponse:
        return await self.invoke(self.stub.GetSection, request, principal)

    async def list_section_students(self, principal: Principal,
                                    request: rpb.ListSectionStudentsRequest) -> rpb.ListSectionStudentsResponse:
        return await self.invoke(self.stub.ListSectionStudents, request, principal)

    async def list_current_students(self, principal: Principal,
                                    request: rpb.ListCurrentStudentsRequest) -> rpb.ListCurrentStudentsResponse:
        return await self.invoke(self.stub.ListCurrentStudents, request, principal)
