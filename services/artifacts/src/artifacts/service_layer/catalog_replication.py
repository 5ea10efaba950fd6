"""Effects of skills skill_* events (protos/skillfolio/events/v1/skills.proto) and roster school_* events
(roster.proto) on the skill catalog replica that artifact tags are checked against, each applied once (inbox) in
the claiming transaction (subscriptions.py); an event older than one already applied for the same skill or school
changes nothing."""
from __future__ import annotations

from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork
from chassis.events import Envelope


def skill(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    deleted = e.type == "skill_deleted"
    if uow.replicas.is_newest("skill", str(d["skill_id"]), e.occurred_at, deleted=deleted):
        uow.catalog.put_skill(str(d["skill_id"]), str(d.get("district_id") or ""), str(d.get("school_id") or ""),
                              deleted)


def school(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    if uow.replicas.is_newest("school", str(d["school_id"]), e.occurred_at):
        uow.catalog.put_school(str(d["school_id"]), str(d.get("district_id") or ""))
