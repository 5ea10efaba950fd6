"""Effects of other services' events on the skills replicas, each applied once (inbox) in the claiming transaction
(subscriptions.py).

artifacts (contract for the artifacts issue): ``artifact_added`` / ``artifact_updated`` with data
``{artifact_id, skill_ids: [..]}`` (the artifact's full current skill set), ``artifact_deleted`` with
``{artifact_id}``; envelopes older than one already applied for that artifact change no current tag. roster: ``person_added`` / ``person_updated`` / ``person_removed`` (PersonChanged).
"""
from __future__ import annotations

import logging

from chassis.access import Role
from chassis.events import Envelope
from chassis.messaging.replica import named_ids
from skills.service_layer.unit_of_work import SkillsUnitOfWork

log = logging.getLogger(__name__)


def artifact(uow: SkillsUnitOfWork, envelope: Envelope) -> None:
    """Record which skills the artifact is tagged with (nothing about an artifact erased here)."""
    data = envelope.data
    artifact_id = str(data["artifact_id"])
    if uow.replicas.erased(named_ids(data)):
        return
    deleted = envelope.type == "artifact_deleted"
    newest = uow.replicas.is_newest("artifact", artifact_id, envelope.occurred_at, deleted=deleted)
    if deleted:
        uow.replicas.artifact_deleted(artifact_id)
    else:
        uow.replicas.tag_artifact(artifact_id, [str(s) for s in data.get("skill_ids") or []], current=newest)
    log.debug("skill usage of artifact %s updated from %s%s", artifact_id, envelope.type,
              "" if newest else " (older than the last applied event: usage only)")


def person(uow: SkillsUnitOfWork, envelope: Envelope) -> None:
    """Keep (person, school) for active school admins at their primary school (anything else clears them) and
    every person's status."""
    data = envelope.data
    admin = (envelope.type != "person_removed" and data.get("active", True)
             and Role.SCHOOL_ADMIN in (data.get("roles") or []) and data.get("primary_school_id"))
    person_id = str(data["person_id"])
    if uow.replicas.is_newest("person", person_id, envelope.occurred_at):
        uow.replicas.set_administered_schools(person_id, {str(data["primary_school_id"])} if admin else set())
        uow.replicas.set_person_active(person_id, envelope.type != "person_removed" and
                                       bool(data.get("active", True)))
