"""Amendment use cases the pages and the REST API share: one AmendmentsService call each, made as the caller's
principal (the reflections service decides who may request, decide, disagree or read)."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.backends import Backends
from skillfolio.reflections.v1 import amendments_pb2 as apb


async def student_amendments(backends: Backends, principal: Principal, student_id: str,
                             artifact_id: str = "") -> apb.ListAmendmentsResponse:
    return await backends.amendments.list_amendments(principal, apb.ListAmendmentsRequest(
        student_id=student_id, artifact_id=artifact_id))


async def request(backends: Backends, principal: Principal, record_type: str, record_id: str,
                  reason: str) -> apb.Amendment:
    return (await backends.amendments.request_amendment(principal, apb.RequestAmendmentRequest(
        record_type=record_type, record_id=record_id, reason=reason))).amendment


async def decide(backends: Backends, principal: Principal, amendment_id: str, outcome: str, texts: dict[str, str],
                 reason: str) -> apb.Amendment:
    return (await backends.amendments.decide_amendment(principal, apb.DecideAmendmentRequest(
        amendment_id=amendment_id, outcome=outcome, reason=reason,
        texts=[apb.AmendedText(field=name, text=text) for name, text in texts.items()]))).amendment


async def attach_disagreement(backends: Backends, principal: Principal, amendment_id: str,
                              statement: str) -> apb.Amendment:
    return (await backends.amendments.attach_disagreement(principal, apb.AttachDisagreementRequest(
        amendment_id=amendment_id, statement=statement))).amendment
