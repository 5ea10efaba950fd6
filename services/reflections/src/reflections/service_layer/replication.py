"""Effects of artifacts events and of the roster's person events on the reflections replicas, each applied once
(inbox) in the claiming transaction (subscriptions.py).

Artifacts payloads: protos/skillfolio/events/v1/artifacts.proto (artifact_added, artifact_updated keep which student
an artifact belongs to; artifact_deleted marks it gone for good). Person events keep the chassis roster replica and
the person's name. Events older than one already applied for an entity change nothing. School years, skills
catalog and artifact details (skill tags): catalog_replication.py.
"""
from __future__ import annotations

from chassis.events import Envelope
from chassis.messaging.replica import named_ids
from chassis.roster_replica import events as roster_replica
from reflections.service_layer import catalog_replication
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork


def artifact(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    """The artifact's owner, school year and skills (newest event wins); nothing about a student, or an artifact,
    erased here."""
    d = e.data
    if uow.replicas.erased(named_ids(d)):
        return
    artifact_id = str(d["artifact_id"])
    deleted = e.type == "artifact_deleted"
    newest = uow.replicas.is_newest("artifact", artifact_id, e.occurred_at, deleted=deleted)
    if newest and deleted:   # the payload names no student: mark a known artifact gone (the tombstone covers the rest)
        uow.replicas.upsert_deleted(artifact_id)
    elif newest:
        uow.replicas.put_artifact_owner(artifact_id, str(d["student_id"]))
    if not deleted:
        catalog_replication.artifact_details(uow, e, newest)


def person(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    """The chassis roster effect, and the person's name (kept for the discussion's "who wrote it")."""
    roster_replica.apply(uow, e)
    d = e.data
    person_id = str(d["person_id"])
    if e.type != "person_removed" and uow.replicas.is_newest("person_name", person_id, e.occurred_at):
        name = " ".join(str(d.get(part) or "").strip() for part in ("given_name", "family_name"))
        uow.replicas.put_name(person_id, " ".join(name.split()))
