"""Roster events applied to the local replica, each once (inbox) in one transaction with its effect.

The effects are the chassis roster replica's (chassis.roster_replica.events; payloads in
protos/skillfolio/events/v1/roster.proto); this module adds the artifacts service's inbox.
"""
from __future__ import annotations

import logging

from chassis.events import Envelope
from chassis.messaging.inbox import claim
from chassis.roster_replica.events import ROSTER_EFFECTS, entity_kind

from artifacts.adapters.orm import inbox
from artifacts.service_layer.unit_of_work import UowFactory

log = logging.getLogger(__name__)

APPLY = ROSTER_EFFECTS


def apply_roster_event(uow_factory: UowFactory, consumer: str, envelope: Envelope) -> bool:
    """Apply one roster envelope to the replica; False for a duplicate delivery."""
    effect = APPLY[entity_kind(envelope.type)]
    with uow_factory() as uow:
        if not claim(uow.session, inbox, consumer, envelope.event_id):
            return False
        effect(uow.replicas, envelope)
        uow.commit()
    log.debug("roster replica updated from %s", envelope.type)
    return True
