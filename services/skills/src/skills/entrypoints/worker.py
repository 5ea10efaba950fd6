"""The skills ``events`` role: a nameko service relaying the outbox and keeping the local replicas.

Consumes artifacts ``artifact_added``/``artifact_updated``/``artifact_deleted`` (skill usage: a used skill can only
be retired, never deleted) and roster ``person_added``/``person_updated``/``person_removed`` (school admins).
"""
from __future__ import annotations

from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.consumer import reliable_handler
from chassis.messaging.relay_runner import OutboxRelayRunner
from chassis.uow import lazy_unit_of_work

from skills.adapters.orm import outbox
from skills.service_layer import replication
from skills.service_layer.unit_of_work import SkillsUnitOfWork


def _engine():
    return make_engine(service_settings("skills").database_url, pool_size=2)


_uow = lazy_unit_of_work("skills", SkillsUnitOfWork)


class SkillsEvents:
    """`skillfolio run skills events`."""

    name = "skills"
    outbox_relay = OutboxRelayRunner("skills", _engine, outbox)

    @reliable_handler("artifacts", "artifact_added")
    def artifact_added(self, envelope):
        replication.apply_artifact_event(_uow, "skills.artifact_added", envelope)

    @reliable_handler("artifacts", "artifact_updated")
    def artifact_updated(self, envelope):
        replication.apply_artifact_event(_uow, "skills.artifact_updated", envelope)

    @reliable_handler("artifacts", "artifact_deleted")
    def artifact_deleted(self, envelope):
        replication.apply_artifact_event(_uow, "skills.artifact_deleted", envelope)

    @reliable_handler("roster", "person_added")
    def person_added(self, envelope):
        replication.apply_person_event(_uow, "skills.person_added", envelope)

    @reliable_handler("roster", "person_updated")
    def person_updated(self, envelope):
        replication.apply_person_event(_uow, "skills.person_updated", envelope)

    @reliable_handler("roster", "person_removed")
    def person_removed(self, envelope):
        replication.apply_person_event(_uow, "skills.person_removed", envelope)
