"""Roster and artifacts events applied to the local replicas, each once (inbox) in one transaction.

Roster effects are the chassis roster replica's (chassis.roster_replica.events). Skills events (skill_*,
scale_defined, rubric_defined) feed the one skills catalog replica (catalog_replication.py) that assessments, goals
and milestones all read. Artifacts payloads:
protos/skillfolio/events/v1/artifacts.proto (artifact_added, artifact_updated keep which student an artifact
belongs to; artifact_deleted marks it gone for good). Events older than one already applied for an entity change
nothing. School years and artifact details (skill tags): catalog_replication.py too.
"""
from __future__ import annotations

import logging
from typing import Callable

from chassis.events import Envelope
from chassis.messaging.inbox import claim
from chassis.roster_replica.events import ROSTER_EFFECTS, entity_kind
from chassis.roster_replica.store import RosterReplica

from reflections.adapters.orm import artifact_owners, inbox
from reflections.service_layer import catalog_replication
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory

log = logging.getLogger(__name__)


def _artifact(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    artifact_id = str(d["artifact_id"])
    deleted = e.type == "artifact_deleted"
    newest = uow.replicas.is_newest("artifact", artifact_id, e.occurred_at, deleted=deleted)
    if newest and deleted:   # the payload names no student: mark a known artifact gone (the tombstone covers the rest)
        uow.replicas.upsert_deleted(artifact_id)
    elif newest:
        uow.replicas.upsert(artifact_owners, {"artifact_id": artifact_id},
                            {"student_id": str(d["student_id"]), "deleted": False})
    if not deleted:
        catalog_replication.artifact_details(uow, e, newest)


def _person(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    """The chassis roster effect, and the person's name (kept for the discussion's "who wrote it")."""
    ROSTER_EFFECTS["person"](uow.replicas, e)
    d = e.data
    person_id = str(d["person_id"])
    if e.type != "person_removed" and uow.replicas.is_newest("person_name", person_id, e.occurred_at):
        name = " ".join(str(d.get(part) or "").strip() for part in ("given_name", "family_name"))
        uow.replicas.put_name(person_id, " ".join(name.split()))


def _on_roster_replica(effect: Callable[[RosterReplica, Envelope], None]):
    """A chassis roster effect as an effect on the unit of work (its replicas)."""
    return lambda uow, e: effect(uow.replicas, e)


APPLY: dict[str, Callable[[ReflectionsUnitOfWork, Envelope], None]] = {
    **{kind: _on_roster_replica(effect) for kind, effect in ROSTER_EFFECTS.items()}, "artifact": _artifact,
    "person": _person, "skill": catalog_replication.skill, "scale": catalog_replication.scale,
    "rubric": catalog_replication.rubric, "school": catalog_replication.school_year}


def apply_event(uow_factory: UowFactory, consumer: str, envelope: Envelope) -> bool:
    """Apply one roster, artifacts or skills envelope to the replicas; False for a duplicate delivery."""
    effect = APPLY[entity_kind(envelope.type)]
    with uow_factory() as uow:
        if not claim(uow.session, inbox, consumer, envelope.event_id):
            return False
        effect(uow, envelope)
        uow.commit()
    log.debug("replica updated from %s", envelope.type)
    return True
