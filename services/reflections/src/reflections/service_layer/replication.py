"""Effects of roster and artifacts events on the local replicas, each applied once (inbox) in one transaction.

Roster payloads: protos/skillfolio/events/v1/roster.proto (person_*, section_*, enrollment_*, guardianship_*,
student_transferred). Artifacts payloads: protos/skillfolio/events/v1/artifacts.proto (artifact_added,
artifact_updated keep which student an artifact belongs to; artifact_deleted marks it gone for good). Events older
than one already applied for an entity change nothing. Skills events, school years and artifact details:
catalog_replication.py.
"""
from __future__ import annotations

import logging

from chassis.events import Envelope
from chassis.messaging.inbox import claim

from reflections.adapters.orm import artifact_owners, enrollments, guardianships, inbox, people, sections
from reflections.service_layer import catalog_replication
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory

log = logging.getLogger(__name__)


def _person(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    if uow.replicas.is_newest("person", str(d["person_id"]), e.occurred_at):
        if e.type == "person_removed":
            uow.replicas.remove(people, person_id=str(d["person_id"]))
        else:
            uow.replicas.upsert(people, {"person_id": str(d["person_id"])}, {
                "roles": ",".join(sorted(d.get("roles") or [])), "active": bool(d.get("active", True)),
                "primary_school_id": str(d.get("primary_school_id") or "")})


def _section(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    if uow.replicas.is_newest("section", str(d["section_id"]), e.occurred_at):
        if e.type == "section_removed":
            uow.replicas.remove(sections, section_id=str(d["section_id"]))
        else:
            uow.replicas.upsert(sections, {"section_id": str(d["section_id"])}, {
                "school_id": str(d.get("school_id") or ""), "school_year_id": str(d.get("school_year_id") or ""),
                "start_date": str(d.get("start_date") or ""), "end_date": str(d.get("end_date") or "")})


def _enrollment(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    if uow.replicas.is_newest("enrollment", str(d["enrollment_id"]), e.occurred_at):
        if e.type == "enrollment_removed":
            uow.replicas.remove(enrollments, enrollment_id=str(d["enrollment_id"]))
        else:
            uow.replicas.upsert(enrollments, {"enrollment_id": str(d["enrollment_id"])}, {
                "section_id": str(d["section_id"]), "person_id": str(d["person_id"]), "role": str(d["role"]),
                "begin_date": str(d.get("begin_date") or ""), "end_date": str(d.get("end_date") or ""),
                "active": bool(d.get("active", True))})


def _guardianship(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    key = {"guardian_id": str(d["guardian_id"]), "student_id": str(d["student_id"])}
    gone = e.type == "guardianship_removed" or not d.get("active", True)
    if uow.replicas.is_newest("guardianship", f"{key['guardian_id']}:{key['student_id']}", e.occurred_at):
        if gone:
            uow.replicas.remove(guardianships, **key)
        else:
            uow.replicas.upsert(guardianships, key, {})


def _transfer(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    if uow.replicas.is_newest("transfer", str(d["student_id"]), e.occurred_at):
        uow.replicas.set_school(str(d["student_id"]), str(d.get("to_school_id") or ""))


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


APPLY = {"person": _person, "section": _section, "enrollment": _enrollment, "guardianship": _guardianship,
         "student": _transfer, "artifact": _artifact, "skill": catalog_replication.skill,
         "scale": catalog_replication.scale, "rubric": catalog_replication.rubric,
         "school": catalog_replication.school_year}


def apply_event(uow_factory: UowFactory, consumer: str, envelope: Envelope) -> bool:
    """Apply one roster, artifacts or skills envelope to the replicas; False for a duplicate delivery."""
    effect = APPLY[envelope.type.split("_", 1)[0]]
    with uow_factory() as uow:
        if not claim(uow.session, inbox, consumer, envelope.event_id):
            return False
        effect(uow, envelope)
        uow.commit()
    log.info("replica updated from %s", envelope.type)
    return True
