"""DisclosuresService as the gateway calls it: one facade per server that keeps an audit log (roster, artifacts,
reflections, notifications), each a sibling on that server's channel."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.disclosures.v1 import disclosures_pb2 as dpb
from skillfolio.disclosures.v1 import disclosures_pb2_grpc


class DisclosuresClient(ServiceClient):
    stub_class = disclosures_pb2_grpc.DisclosuresServiceStub

    async def list_disclosures(self, principal: Principal,
                               request: dpb.ListDisclosuresRequest) -> dpb.ListDisclosuresResponse:
        return await self.invoke(self.stub.ListDisclosures, request, principal)
