"""Effects of skills skill_* events (protos/skillfolio/events/v1/skills.proto) and roster school_* events
(roster.proto) on the skill catalog replica that artifact tags are checked against, each applied once (inbox) in
one transaction; an event older than one already applied for the same skill or school changes nothing."""
from __future__ import annotations

import logging

from chassis.events import Envelope
from chassis.messaging.inbox import claim

from artifacts.adapters.orm import inbox
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory

log = logging.getLogger(__name__)


def _skill(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    deleted = e.type == "skill_deleted"
    if uow.replicas.is_newest("skill", str(d["skill_id"]), e.occurred_at, deleted=deleted):
        uow.catalog.put_skill(str(d["skill_id"]), str(d.get("district_id") or ""), str(d.get("school_id") or ""),
                              deleted)


def _school(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    if uow.replicas.is_newest("school", str(d["school_id"]), e.occurred_at):
        uow.catalog.put_school(str(d["school_id"]), str(d.get("district_id") or ""))


APPLY = {"skill": _skill, "school": _school}


def apply_catalog_event(uow_factory: UowFactory, consumer: str, envelope: Envelope) -> bool:
    """Apply one skill_* or school_* envelope to the catalog replica; False for a duplicate delivery."""
    with uow_factory() as uow:
        if not claim(uow.session, inbox, consumer, envelope.event_id):
            return False
        APPLY[envelope.type.split("_", 1)[0]](uow, envelope)
        uow.commit()
    log.debug("skill catalog replica updated from %s", envelope.type)
    return True
