"""Effects of roster events on the local replica, each applied once (inbox) in one transaction with its effect.

Payloads: protos/skillfolio/events/v1/roster.proto. person_* keep roles and primary school; section_* dates and
school year; enrollment_* who is in which section as what, when; guardianship_* who guards whom;
student_transferred the student's school. Older events than one already applied for an entity change nothing.
"""
from __future__ import annotations

import logging

from chassis.events import Envelope
from chassis.messaging.inbox import claim

from artifacts.adapters.orm import enrollments, guardianships, inbox, people, sections
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory

log = logging.getLogger(__name__)


def _person(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    removed = e.type == "person_removed"
    if uow.replicas.is_newest("person", str(d["person_id"]), e.occurred_at):
        if removed:
            uow.replicas.remove(people, person_id=str(d["person_id"]))
        else:
            uow.replicas.upsert(people, {"person_id": str(d["person_id"])}, {
                "roles": ",".join(sorted(d.get("roles") or [])), "active": bool(d.get("active", True)),
                "primary_school_id": str(d.get("primary_school_id") or "")})


def _section(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    removed = e.type == "section_removed"
    if uow.replicas.is_newest("section", str(d["section_id"]), e.occurred_at):
        if removed:
            uow.replicas.remove(sections, section_id=str(d["section_id"]))
        else:
            uow.replicas.upsert(sections, {"section_id": str(d["section_id"])}, {
                "school_id": str(d.get("school_id") or ""), "school_year_id": str(d.get("school_year_id") or ""),
                "start_date": str(d.get("start_date") or ""), "end_date": str(d.get("end_date") or "")})


def _enrollment(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    removed = e.type == "enrollment_removed"
    if uow.replicas.is_newest("enrollment", str(d["enrollment_id"]), e.occurred_at):
        if removed:
            uow.replicas.remove(enrollments, enrollment_id=str(d["enrollment_id"]))
        else:
            uow.replicas.upsert(enrollments, {"enrollment_id": str(d["enrollment_id"])}, {
                "section_id": str(d["section_id"]), "person_id": str(d["person_id"]), "role": str(d["role"]),
                "begin_date": str(d.get("begin_date") or ""), "end_date": str(d.get("end_date") or ""),
                "active": bool(d.get("active", True))})


def _guardianship(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    key = {"guardian_id": str(d["guardian_id"]), "student_id": str(d["student_id"])}
    gone = e.type == "guardianship_removed" or not d.get("active", True)
    # no deletion tombstone: a guardianship removed and later re-added is the same pair
    if uow.replicas.is_newest("guardianship", f"{key['guardian_id']}:{key['student_id']}", e.occurred_at):
        if gone:
            uow.replicas.remove(guardianships, **key)
        else:
            uow.replicas.upsert(guardianships, key, {})


def _transfer(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    if uow.replicas.is_newest("transfer", str(d["student_id"]), e.occurred_at):
        uow.replicas.set_school(str(d["student_id"]), str(d.get("to_school_id") or ""))


APPLY = {"person": _person, "section": _section, "enrollment": _enrollment, "guardianship": _guardianship,
         "student": _transfer}


def apply_roster_event(uow_factory: UowFactory, consumer: str, envelope: Envelope) -> bool:
    """Apply one roster envelope to the replica; False for a duplicate delivery."""
    effect = APPLY[envelope.type.split("_", 1)[0]]
    with uow_factory() as uow:
        if not claim(uow.session, inbox, consumer, envelope.event_id):
            return False
        effect(uow, envelope)
        uow.commit()
    log.info("roster replica updated from %s", envelope.type)
    return True
