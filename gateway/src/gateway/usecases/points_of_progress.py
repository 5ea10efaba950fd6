"""Points of progress use cases the pages and the REST API share: one PointsOfProgressService call each, made as the
caller's principal (the reflections service decides who may set terms, complete, change and read points)."""
from __future__ import annotations

from collections.abc import Iterable

from chassis.context import Principal
from gateway.clients.backends import Backends
from gateway.i18n import N_
from skillfolio.reflections.v1 import progress_pb2 as pb

STATUS_LABELS = {"done": N_("Done"), "missing": N_("Missing"), "overdue": N_("Overdue")}   # pages translate them


async def set_term(backends: Backends, principal: Principal, *, school_year_id: str, name: str,
                   due_on: str) -> pb.ProgressTerm:
    reply = await backends.points_of_progress.set_progress_term(principal, pb.SetProgressTermRequest(
        school_year_id=school_year_id, name=name, due_on=due_on))
    return reply.term


async def terms(backends: Backends, principal: Principal, school_year_id: str = "") -> pb.ListProgressTermsResponse:
    return await backends.points_of_progress.list_progress_terms(
        principal, pb.ListProgressTermsRequest(school_year_id=school_year_id))


async def complete(backends: Backends, principal: Principal, student_id: str, *, section_id: str, term_id: str,
                   skill_id: str, level_rank: int, comment: str, artifact_ids: Iterable[str]) -> pb.PointOfProgress:
    reply = await backends.points_of_progress.complete(principal, pb.CompletePointOfProgressRequest(
        student_id=student_id, section_id=section_id, term_id=term_id, skill_id=skill_id, level_rank=level_rank,
        comment=comment, artifact_ids=list(artifact_ids)))
    return reply.point


async def update(backends: Backends, principal: Principal, point_id: str, *, comment: str | None = None,
                 level_rank: int | None = None, artifact_ids: Iterable[str] | None = None) -> pb.PointOfProgress:
    """Change only the fields given (None leaves a field as it is)."""
    request = pb.UpdatePointOfProgressRequest(point_id=point_id, comment=comment, level_rank=level_rank)
    if artifact_ids is not None:
        request.artifact_ids.ids.extend(artifact_ids)
        request.artifact_ids.SetInParent()
    return (await backends.points_of_progress.update(principal, request)).point


async def of_student(backends: Backends, principal: Principal, student_id: str) -> list[pb.PointOfProgress]:
    reply = await backends.points_of_progress.list_points(principal,
                                                          pb.ListPointsOfProgressRequest(student_id=student_id))
    return list(reply.points)


async def checklist(backends: Backends, principal: Principal, section_id: str,
                    term_id: str = "") -> pb.GetProgressChecklistResponse:
    return await backends.points_of_progress.checklist(principal, pb.GetProgressChecklistRequest(
        section_id=section_id, term_id=term_id))
