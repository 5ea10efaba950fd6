"""Effects of the reflections service's milestone events on the panel replica, each applied once (inbox) in the
claiming transaction (subscriptions.py): panellist_invited seats a panellist until their link expires;
milestone_evidence_selected replaces the artifacts the panel may read; milestone_completed ends the milestone's
links, also for an invitation whose event arrives after it (payloads: protos/skillfolio/events/v1/milestones.proto)."""
from __future__ import annotations

import datetime as dt

from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork
from chassis.events import Envelope

ENDED = "milestone_end"          # replica_versions kind: when a milestone completed


def _utc(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).astimezone(dt.UTC)


def invited(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    milestone_id = str(d["milestone_id"])
    uow.panels.put_panellist(str(d["invitation_id"]), milestone_id, str(d["student_id"]),
                             str(d.get("person_id") or ""), _utc(str(d["expires_at"])))
    ended = uow.replicas.last_event_at(ENDED, milestone_id)
    if ended:                                   # the milestone's completion was applied first
        uow.panels.end(milestone_id, _utc(ended))


def completed(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    milestone_id = str(e.data["milestone_id"])
    if uow.replicas.is_newest(ENDED, milestone_id, e.occurred_at):
        uow.panels.end(milestone_id, _utc(e.occurred_at))


def evidence_selected(uow: ArtifactsUnitOfWork, e: Envelope) -> None:
    d = e.data
    if uow.replicas.is_newest("selection", str(d["milestone_id"]), e.occurred_at):
        uow.panels.select(str(d["milestone_id"]), str(d["student_id"]),
                          [str(a) for a in d.get("artifact_ids") or []])
