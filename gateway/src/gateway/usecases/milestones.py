"""Milestone use cases the milestone pages and the REST API share: one MilestonesService call each, made as the
caller's principal (the reflections service decides who may define types, create, select evidence, invite, score,
record outcomes or read), plus the rubric a milestone is scored on (skills service) and the guest's principal."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from chassis.context import Principal
from gateway.auth import GUEST_ROLE
from gateway.clients.backends import Backends
from gateway.i18n import N_
from skillfolio.reflections.v1 import milestones_pb2 as mpb
from skillfolio.skills.v1 import skills_pb2 as spb

OUTCOMES = {"NOT_YET": N_("Not Yet"), "APPROACHING": N_("Approaching"), "READY": N_("Ready"),
            "EXCELLING": N_("Excelling")}         # marked, in English; pages translate them
STATUS_LABELS = {"planned": N_("Planned"), "completed": N_("Completed")}
PANELLIST_KINDS = {"educator": N_("Educator"), "community": N_("Community partner"), "family": N_("Family member")}


@dataclass(frozen=True)
class Score:
    criterion_code: str
    level_rank: int


async def list_types(backends: Backends, principal: Principal) -> list[mpb.MilestoneType]:
    reply = await backends.milestones.list_milestone_types(principal, mpb.ListMilestoneTypesRequest())
    return list(reply.types)


async def define_type(backends: Backends, principal: Principal, *, code: str, name: str, rubric_id: str,
                      grade_levels: Iterable[str]) -> mpb.MilestoneType:
    reply = await backends.milestones.define_milestone_type(principal, mpb.DefineMilestoneTypeRequest(
        code=code, name=name, rubric_id=rubric_id, grade_levels=list(grade_levels)))
    return reply.type


async def student_milestones(backends: Backends, principal: Principal,
                             student_id: str) -> mpb.ListMilestonesResponse:
    """The student's milestones and what the caller may do with them (``viewer_can``)."""
    return await backends.milestones.list_milestones(principal, mpb.ListMilestonesRequest(student_id=student_id))


async def list_milestones(backends: Backends, principal: Principal, student_id: str) -> list[mpb.Milestone]:
    return list((await student_milestones(backends, principal, student_id)).milestones)


async def get_milestone(backends: Backends, principal: Principal, milestone_id: str) -> mpb.Milestone:
    reply = await backends.milestones.get_milestone(principal, mpb.GetMilestoneRequest(milestone_id=milestone_id))
    return reply.milestone


async def create_milestone(backends: Backends, principal: Principal, student_id: str, *, type_id: str, title: str,
                           scheduled_on: str) -> mpb.Milestone:
    reply = await backends.milestones.create_milestone(principal, mpb.CreateMilestoneRequest(
        student_id=student_id, type_id=type_id, title=title, scheduled_on=scheduled_on))
    return reply.milestone


async def select_evidence(backends: Backends, principal: Principal, milestone_id: str,
                          artifact_ids: Iterable[str]) -> mpb.Milestone:
    reply = await backends.milestones.select_evidence(principal, mpb.SelectEvidenceRequest(
        milestone_id=milestone_id, artifact_ids=list(artifact_ids)))
    return reply.milestone


async def invite_panellist(backends: Backends, principal: Principal, milestone_id: str, *, name: str, email: str,
                           kind: str, person_id: str = "", valid_days: int = 0) -> mpb.InvitePanellistResponse:
    """The invitation and its guest token (shown once: the service keeps only its hash)."""
    return await backends.milestones.invite_panellist(principal, mpb.InvitePanellistRequest(
        milestone_id=milestone_id, name=name, email=email, kind=kind, person_id=person_id, valid_days=valid_days))


async def redeem_invitation(backends: Backends, token: str) -> mpb.RedeemInvitationResponse:
    """A panel link's invitation (a public call: no principal); NOT_FOUND or FAILED_PRECONDITION when unusable."""
    return await backends.milestones.redeem_invitation(None, mpb.RedeemInvitationRequest(token=token))


async def score(backends: Backends, principal: Principal, milestone_id: str, scores: Iterable[Score],
                comment: str) -> mpb.ScoreSheet:
    reply = await backends.milestones.score_milestone(principal, mpb.ScoreMilestoneRequest(
        milestone_id=milestone_id, comment=comment,
        scores=[mpb.CriterionScore(criterion_code=s.criterion_code, level_rank=s.level_rank) for s in scores]))
    return reply.sheet


async def record_outcome(backends: Backends, principal: Principal, milestone_id: str, outcome: str
                         ) -> mpb.Milestone:
    reply = await backends.milestones.record_outcome(principal, mpb.RecordOutcomeRequest(
        milestone_id=milestone_id, outcome=outcome))
    return reply.milestone


async def rubric(backends: Backends, principal: Principal, rubric_id: str) -> spb.Rubric | None:
    """The rubric a milestone type is scored on (criterion names and descriptors), None if there is none."""
    if not rubric_id:
        return None
    return (await backends.skills.get_rubric(principal, spb.GetRubricRequest(rubric_id=rubric_id))).rubric


def guest_principal(redeemed: mpb.RedeemInvitationResponse) -> Principal:
    """The panel guest of a redeemed link: subject guest:<invitation_id>, role panel_guest, its milestone."""
    return Principal(subject=f"guest:{redeemed.invitation_id}", roles=(GUEST_ROLE,),
                     display_name=redeemed.panellist_name, extra={"milestone_id": redeemed.milestone_id})


def expiry_epoch(expires_at: str) -> float:
    """An ISO-8601 UTC time as epoch seconds (a naive time is taken as UTC)."""
    moment = dt.datetime.fromisoformat(expires_at.replace("Z", "+00:00"))
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).timestamp()
