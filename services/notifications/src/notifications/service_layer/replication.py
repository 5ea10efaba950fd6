"""Effects of other services' events on the notifications replicas, each applied once (inbox) in the claiming
transaction: roster people also give names, email and language (contacts); artifacts give who added what."""
from __future__ import annotations

from chassis.events import Envelope
from chassis.messaging.replica import named_ids
from chassis.roster_replica import events as roster_replica
from notifications.adapters.replicas import ArtifactFacts
from notifications.service_layer import intake


def person(uow, envelope: Envelope) -> None:
    """The roster replica's person row and the contact (names, email, preferred language)."""
    roster_replica.apply(uow, envelope)
    d = envelope.data
    uow.replicas.put_contact(str(d["person_id"]), str(d.get("given_name") or ""), str(d.get("family_name") or ""),
                             str(d.get("email") or ""), str(d.get("preferred_language") or ""))


def guardianship(uow, envelope: Envelope) -> None:
    """The roster replica's guardianship; a guardian who no longer guards the student also loses what they were
    told about that student (feed lines, and email not sent yet): the roster, not this service, decides who may
    know about a child."""
    roster_replica.apply(uow, envelope)
    d = envelope.data
    if envelope.type == "guardianship_removed" or not d.get("active", True):
        guardian, student = str(d["guardian_id"]), str(d["student_id"])
        if not uow.replicas.guardian_and_inactive(guardian, student)[0]:      # not re-added by a newer event
            uow.notifications.forget(guardian, student)


def artifact(uow, envelope: Envelope) -> None:
    """Who added the artifact and its title (newest event wins); a new artifact also notifies. Nothing about a
    student, or an artifact, erased here."""
    d = envelope.data
    if uow.replicas.erased(named_ids(d)):
        return
    artifact_id = str(d["artifact_id"])
    deleted = envelope.type == "artifact_deleted"
    if uow.replicas.is_newest("artifact", artifact_id, envelope.occurred_at, deleted=deleted):
        if deleted:
            uow.replicas.delete_artifact(artifact_id)
        else:
            uow.replicas.put_artifact(ArtifactFacts(artifact_id, str(d["student_id"]), str(d.get("added_by") or ""),
                                                    str(d.get("added_by_role") or ""), str(d.get("title") or ""),
                                                    str(d.get("school_id") or "")))
    if envelope.type == "artifact_added":
        intake.notify_of(uow, envelope)      # (checked for erasure above)
