"""Assessment use cases the artifact page uses: an artifact's assessments per skill (teacher and self side by side),
the instrument (scale levels, rubric criteria) of each of its skills, and assessing or self-assessing. One gRPC call
each to the reflections service's AssessmentsService as the caller's principal; the service decides access."""
from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field

from chassis.context import Principal
from gateway.clients.backends import Backends
from skillfolio.reflections.v1 import assessments_pb2 as pb


@dataclass(frozen=True)
class Judgement:
    """One assessment as a form sends it: the skill, the overall level, a comment and rubric criterion levels."""

    skill_id: str
    level_rank: int
    comment: str = ""
    criterion_levels: dict[str, int] = field(default_factory=dict)    # criterion code -> level rank

    def fields(self) -> dict:
        return {"skill_id": self.skill_id, "level_rank": self.level_rank, "comment": self.comment,
                "criterion_levels": [pb.CriterionLevel(criterion_code=code, level_rank=rank)
                                     for code, rank in self.criterion_levels.items()]}


async def list_assessments(backends: Backends, principal: Principal, artifact_id: str) -> list[pb.SkillAssessments]:
    reply = await backends.assessments.list_assessments(principal, pb.ListAssessmentsRequest(artifact_id=artifact_id))
    return list(reply.skills)


async def instruments(backends: Backends, principal: Principal, artifact_id: str,
                      skill_ids: Iterable[str]) -> dict[str, pb.Instrument]:
    """{skill id: its instrument} for the given skills of the artifact, fetched together."""
    ids = list(dict.fromkeys(skill_ids))
    replies = await asyncio.gather(*(backends.assessments.get_instrument(principal, pb.GetInstrumentRequest(
        artifact_id=artifact_id, skill_id=skill_id)) for skill_id in ids))
    return {skill_id: reply.instrument for skill_id, reply in zip(ids, replies)}


async def assess(backends: Backends, principal: Principal, artifact_id: str, judgement: Judgement) -> pb.Assessment:
    """A current teacher's assessment."""
    return (await backends.assessments.assess(principal, pb.AssessRequest(artifact_id=artifact_id,
                                                                          **judgement.fields()))).assessment


async def self_assess(backends: Backends, principal: Principal, artifact_id: str,
                      judgement: Judgement) -> pb.Assessment:
    """The student's self-assessment with the same instrument."""
    return (await backends.assessments.self_assess(principal, pb.SelfAssessRequest(
        artifact_id=artifact_id, **judgement.fields()))).assessment
