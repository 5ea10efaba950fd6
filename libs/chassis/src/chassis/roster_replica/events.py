"""Effects of roster events on the roster replica (payloads: protos/skillfolio/events/v1/roster.proto).

person_* keep roles, primary school and grade level; section_* dates and school year; enrollment_* who is in which section as
what, when; guardianship_* who guards whom; student_transferred the student's school and the move itself (its
effective date bounds the student's enrollments at both schools: chassis.roster_replica.standing.attending_spans). Older events than one
already applied for an entity change nothing. The caller applies each envelope once (its inbox) in the same
transaction; :data:`ROSTER_EFFECTS` is keyed by the type's first word (``person_added`` -> ``person``).
:data:`SUBSCRIPTIONS` is the rows a service keeping the replica adds to its subscriptions table (its unit of work
exposes the replica as ``uow.replicas``).
"""
from __future__ import annotations

from collections.abc import Callable

from chassis.events import Envelope
from chassis.messaging.replica import named_ids
from chassis.roster_replica.store import RosterReplica


def _person(replica: RosterReplica, e: Envelope) -> None:
    d, people = e.data, replica.tables.people
    if replica.is_newest("person", str(d["person_id"]), e.occurred_at):
        if e.type == "person_removed":
            replica.remove(people, person_id=str(d["person_id"]))
        else:
            replica.upsert(people, {"person_id": str(d["person_id"])}, {
                "roles": ",".join(sorted(d.get("roles") or [])), "active": bool(d.get("active", True)),
                "primary_school_id": str(d.get("primary_school_id") or ""),
                "grade_level": str(d.get("grade_level") or "")})


def _section(replica: RosterReplica, e: Envelope) -> None:
    d, sections = e.data, replica.tables.sections
    if replica.is_newest("section", str(d["section_id"]), e.occurred_at):
        if e.type == "section_removed":
            replica.remove(sections, section_id=str(d["section_id"]))
        else:
            replica.upsert(sections, {"section_id": str(d["section_id"])}, {
                "school_id": str(d.get("school_id") or ""), "school_year_id": str(d.get("school_year_id") or ""),
                "start_date": str(d.get("start_date") or ""), "end_date": str(d.get("end_date") or "")})


def _enrollment(replica: RosterReplica, e: Envelope) -> None:
    d, enrollments = e.data, replica.tables.enrollments
    if replica.is_newest("enrollment", str(d["enrollment_id"]), e.occurred_at):
        if e.type == "enrollment_removed":
            replica.remove(enrollments, enrollment_id=str(d["enrollment_id"]))
        else:
            replica.upsert(enrollments, {"enrollment_id": str(d["enrollment_id"])}, {
                "section_id": str(d["section_id"]), "person_id": str(d["person_id"]), "role": str(d["role"]),
                "begin_date": str(d.get("begin_date") or ""), "end_date": str(d.get("end_date") or ""),
                "active": bool(d.get("active", True))})


def _guardianship(replica: RosterReplica, e: Envelope) -> None:
    d = e.data
    key = {"guardian_id": str(d["guardian_id"]), "student_id": str(d["student_id"])}
    gone = e.type == "guardianship_removed" or not d.get("active", True)
    # no deletion tombstone: a guardianship removed and later re-added is the same pair
    if replica.is_newest("guardianship", f"{key['guardian_id']}:{key['student_id']}", e.occurred_at):
        if gone:
            replica.remove(replica.tables.guardianships, **key)
        else:
            replica.upsert(replica.tables.guardianships, key, {})


def _transfer(replica: RosterReplica, e: Envelope) -> None:
    d = e.data
    student = str(d["student_id"])
    effective = str(d.get("effective_date") or e.occurred_at[:10])
    replica.upsert(replica.tables.transfers, {"student_id": student, "effective_date": effective}, {
        "from_school_id": str(d.get("from_school_id") or ""), "to_school_id": str(d.get("to_school_id") or "")})
    if replica.is_newest("transfer", student, e.occurred_at):
        replica.set_school(student, str(d.get("to_school_id") or ""))


ROSTER_EFFECTS: dict[str, Callable[[RosterReplica, Envelope], None]] = {
    "person": _person, "section": _section, "enrollment": _enrollment, "guardianship": _guardianship,
    "student": _transfer}


def entity_kind(event_type: str) -> str:
    """The key of an event type in an effects table: its first word."""
    return event_type.split("_", 1)[0]


ROSTER_EVENT_TYPES = ("person_added", "person_updated", "person_removed", "section_added", "section_updated",
                      "section_removed", "enrollment_added", "enrollment_updated", "enrollment_removed",
                      "guardianship_added", "guardianship_removed", "student_transferred")


def apply(uow, envelope: Envelope) -> None:
    """Apply a roster event to ``uow.replicas`` (a :class:`RosterReplica`), inside the claiming transaction; an
    event naming a person erased here (still in flight when the erasure ran) changes nothing."""
    if uow.replicas.erased(named_ids(envelope.data)):
        return
    ROSTER_EFFECTS[entity_kind(envelope.type)](uow.replicas, envelope)


SUBSCRIPTIONS = {("roster", event_type): apply for event_type in ROSTER_EVENT_TYPES}
